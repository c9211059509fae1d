// What the browser compiles on the way to the first scenario message
// (bench-play.mjs's run, on the same phone profile). V8 compiles a wasm
// function the first time it is called, on the main thread (lazy
// compilation, on by default; its compile hints are an experimental flag),
// so each function the first message needs costs twice: its bytes on the
// wire, then its compile after the wasm has arrived. Prints the functions
// compiled before the first message, how long that took on the main thread,
// and how much of it the compiler itself (Liftoff) took: the rest is the
// per-function cost of a lazy compile. (A few ms on a function of a few
// bytes is the 4x CPU throttle's pause landing in it: compare totals.)
// With a function map (`wasm-opt --print-function-map` of the same wasm
// built with names: README, "Seventh round"), it names the slowest and
// writes every compiled function's name, one per line, to NAMES_OUT: the
// start-up profile a code split keeps in the first module.
// usage: node scripts/bench-compile.mjs URL [FUNCTION_MAP NAMES_OUT]   (one run, prints one JSON line)
import fs from 'node:fs';
import { launch, phonePage, stopped } from './bench-phone.mjs';

const [url, functionMap, namesOut] = process.argv.slice(2);
const names = new Map();
if (functionMap) {
  for (const line of fs.readFileSync(functionMap, 'utf8').split('\n').filter(Boolean)) {
    const colon = line.indexOf(':');
    names.set(Number(line.slice(0, colon)), line.slice(colon + 1));
  }
}
const browser = await launch();
const { page, errors } = await phonePage(browser);
let result = {};
try {
  await browser.startTracing(page, { categories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed'] });
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('#start').click();
  await page.locator('[data-level="3"]').click();
  await page.locator('section.scenario .transcript .msg').first().waitFor({ state: 'visible', timeout: 60000 });
  const events = JSON.parse(await browser.stopTracing()).traceEvents;
  const lazy = events.filter(e => e.name === 'wasm.CompileLazy');
  const baseline = new Map(
    events.filter(e => e.name === 'wasm.CompileBaseline').map(e => [e.args.funcIndex, e]),
  );
  const ms = micros => Math.round(micros / 1000);
  const compiled = lazy.map(e => ({
    index: e.args.func_index,
    ms: e.dur / 1000,
    bytes: baseline.get(e.args.func_index)?.args.bodySize ?? 0,
  }));
  result = {
    functions: compiled.length,
    lazy_ms: ms(lazy.reduce((sum, e) => sum + e.dur, 0)),
    compiler_ms: ms(compiled.reduce((sum, f) => sum + (baseline.get(f.index)?.dur ?? 0), 0)),
    body_bytes: compiled.reduce((sum, f) => sum + f.bytes, 0),
  };
  if (names.size) {
    const name = f => names.get(f.index) ?? `#${f.index}`;
    result.slowest = [...compiled].sort((a, b) => b.ms - a.ms).slice(0, 10)
      .map(f => `${f.ms.toFixed(1)} ms, ${f.bytes} B: ${name(f)}`);
    if (namesOut) fs.writeFileSync(namesOut, compiled.map(name).join('\n') + '\n');
  }
} catch (error) {
  errors.push(stopped(error));
}
await browser.close();
console.log(JSON.stringify({ url, ...result, errors }));
