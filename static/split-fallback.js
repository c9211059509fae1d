// Appended to wasm-split-cli's chunk loader by scripts/build-lecture.sh.
function instantiate(response, imports) {
  const type = (response.headers.get('content-type') || '').split(';')[0].trim();
  const fromBytes = from => from.arrayBuffer().then(bytes => WebAssembly.instantiate(bytes, imports));
  if (typeof WebAssembly.instantiateStreaming !== 'function' || type !== 'application/wasm') return fromBytes(response);
  const copy = response.clone();
  return WebAssembly.instantiateStreaming(response, imports).catch(() => fromBytes(copy));
}
