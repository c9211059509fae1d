#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): every wasm of the site, each with its
# JS glue, a content hash in their names (a year's cache on the lecture
# server), into Trunk's staging folder:
# - `scamspot`, the app's own page's (src/main.rs), without the `hosted`
#   feature and split: what no learner needs before the first scenario
#   message (the screens around a scenario, the notices, the start screen)
#   goes to wasm chunks of their own (src/ui/split.rs), loaded after it
#   (README, "Seventh round" and "Eighth round");
# - `scamspot-lecture` (src/lecture_main.rs), the lecture pages' (the
#   presenter's projector, a phone in a lecture room), and `scamspot-staff`
#   (src/staff_main.rs), the campaign staff pages': kept out of the wasm
#   every learner on their own downloads;
# - `scamspot-hosted` (src/hosted_main.rs, with the `hosted` feature), the
#   learner app of the embeds, class links and host packs.
# cargo, wasm-bindgen at the version Trunk.toml pins, then wasm-opt.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run as a Trunk hook}"
profile="${TRUNK_PROFILE:-release}"
target="${CARGO_TARGET_DIR:-target}"
release=()
[ "$profile" = release ] && release=(--release)

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# wasm-opt may assume what holds for our wasm: memory starts zeroed (it is
# the module's own) and the lowest 1 KB is never used (the stack sits there,
# and is never that deep): 1.6 KB less gzip. `converge` saved 0.4 KB more
# for twice the build time. A function with one caller is inlined only when
# small (200 bytes): 2.4 KB less gzip than inlining every one, and the
# browser compiles less at start (it compiles each function at its first
# call, and the screens merged into one large function all at once).
optimise() { # in out
  wasm-opt -Oz --zero-filled-memory --low-memory-unused --one-caller-inline-max-function-size=200 "$1" -o "$2"
}
hash_of() { cat "$@" | sha256sum | cut -c1-16; }
# Optimises (in a release build) wasm-bindgen's output for `$1` in $out and
# moves it into the staging folder under hashed names, the hash in $hash.
# (Not run in a $(...): a failing step would not stop the build there.)
stage() {
  if [ "$profile" = release ]; then optimise "$out/${1}_bg.wasm" "$out/${1}_bg.wasm"; fi
  hash="$(hash_of "$out/$1.js" "$out/${1}_bg.wasm")"
  mv "$out/$1.js" "$staging/$1-$hash.js"
  mv "$out/${1}_bg.wasm" "$staging/$1-${hash}_bg.wasm"
}

# The app's own page's wasm. wasm-split-cli reads cargo's output, linked
# with its relocations, and writes the first module, the chunks and their
# loader; wasm-bindgen must keep the function table exported (the chunks
# import it). The loader, `split-chunks.js`, keeps its name (revalidated on
# each load); it imports the glue and fetches the chunks by hashed names.
cargo rustc --quiet --target wasm32-unknown-unknown --bin scamspot --no-default-features --features split \
  "${release[@]}" -- -Clink-arg=--emit-relocs
split="$out/split"
wasm-split-cli --out-name scamspot "$target/wasm32-unknown-unknown/$profile/scamspot.wasm" "$split" >/dev/null
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$out" --out-name scamspot "$split/scamspot.wasm" \
  2> >(grep -v "unknown name subsection" >&2)
loader="$split/__wasm_split.js"
# The loader as generated compiles a chunk only as it streams in; like the
# app's own wasm (static/shell.js), it falls back to the downloaded bytes
# where the browser cannot stream or the server sends the wrong type.
streaming='(WebAssembly.instantiateStreaming(src, imports))'
grep -qF "$streaming" "$loader" && grep -qF 'from "./scamspot.js"' "$loader" ||
  { echo "wasm-split-cli's loader changed: check scripts/build-lecture.sh against it" >&2; exit 1; }
sed -i "s#(WebAssembly.instantiateStreaming(src, imports))#(src.then(response => instantiate(response, imports)))#" "$loader"
cat static/split-fallback.js >> "$loader"
for chunk in "$split"/*.wasm; do
  name="$(basename "$chunk" .wasm)"
  [ "$name" = scamspot ] && continue
  # (Their memory is the first module's, not zeroed: none of its assumptions.)
  if [ "$profile" = release ]; then wasm-opt -Oz "$chunk" -o "$chunk" 2> >(grep -v "unknown name subsection" >&2); fi
  hashed="split-${name#split_}-$(hash_of "$chunk").wasm"
  mv "$chunk" "$staging/$hashed"
  sed -i "s#\"./$name.wasm\"#\"./$hashed\"#" "$loader"
done
grep -q 'from "./__wasm_split.js"' "$out/scamspot.js" || { echo "the glue does not import ./__wasm_split.js" >&2; exit 1; }
sed -i 's#from "./__wasm_split.js"#from "./split-chunks.js"#' "$out/scamspot.js"
stage scamspot
sed "s#from \"./scamspot.js\"#from \"./scamspot-$hash.js\"#" "$loader" > "$staging/split-chunks.js"

# The lecture pages' wasm, and the campaign staff pages' (src/staff_main.rs):
# one more wasm of their own, so no phone in a lecture hall downloads them.
# And the hosted learner app (`scamspot-hosted`, the `hosted` feature, on by
# default): the embed, a campaign class link and a host's own pack load it,
# so the app's own page (the lean build above, without the feature) carries none of it.
for bin in scamspot-lecture scamspot-staff scamspot-hosted; do
  cargo build --quiet --target wasm32-unknown-unknown --bin "$bin" "${release[@]}"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$bin" \
    "$target/wasm32-unknown-unknown/$profile/$bin.wasm"
  stage "$bin"
done
