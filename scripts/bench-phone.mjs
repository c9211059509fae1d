// What the bench scripts share with ../shared/bench/measure.mjs: the phone
// profile (4x CPU slowdown, slow 4G, 360x740, cache off), its tap-to-paint
// clock, and the bytes on the wire. Kept identical to the harness, so figures
// from these scripts compare with the reference pages' in the same run.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
    '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/** A fresh phone: its page, DevTools session, the compressed bytes received so
 *  far (finished requests), the origins contacted, and the page's errors. */
export async function phonePage(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150,
    downloadThroughput: 1.6 * 1024 * 1024 / 8, uploadThroughput: 750 * 1024 / 8 });
  let received = 0;
  const origins = new Set();
  cdp.on('Network.loadingFinished', e => { received += e.encodedDataLength; });
  cdp.on('Network.requestWillBeSent', e => { if (/^https?:/.test(e.request.url)) origins.add(new URL(e.request.url).origin); });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  return { page, cdp, errors, bytes: () => received, origins: () => [...origins] };
}

/** Milliseconds from a click on the first element `locator` matches until the
 *  DOM changed and a frame was painted; -1 if nothing changed within 10 s. */
export async function respondMs(locator) {
  await locator.first().waitFor({ timeout: 60000 });
  return Math.round(await locator.first().evaluate(el => new Promise(resolve => {
    const start = performance.now();
    const obs = new MutationObserver(() => { obs.disconnect(); requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)); });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    el.click();
    setTimeout(() => { obs.disconnect(); resolve(-1); }, 10000);
  })));
}

/** Milliseconds since navigation started, read once `locator` is visible (how the harness reads ready_ms). */
export async function visibleAtMs(page, locator) {
  await locator.first().waitFor({ state: 'visible', timeout: 60000 });
  return Math.round(await page.evaluate(() => performance.now()));
}

/** Memory in use after a garbage collection, in MB: the JS heap, and the
 *  app's wasm linear memory (outside the JS heap; it only ever grows, so this
 *  is its peak), read through the app's JS glue, whose `initSync` returns
 *  the running instance's exports. (Chromium 156's renderer crashes on
 *  `Runtime.queryObjects` over `WebAssembly.Memory` once a wasm chunk shares
 *  the app's memory.) */
export async function memoryMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find(m => m.name === 'JSHeapUsedSize').value;
  const { result } = await cdp.send('Runtime.evaluate', { awaitPromise: true, returnByValue: true, expression: `(async () => {
    const glue = performance.getEntriesByType('resource').map(e => e.name).find(n => /\\/scamspot-[0-9a-f]{16}\\.js$/.test(n));
    return glue ? (await import(glue)).initSync().memory.buffer.byteLength : 0;
  })()` });
  const mb = n => +(n / 1048576).toFixed(1);
  return { js_heap_mb: mb(jsHeap), wasm_memory_mb: mb(result.value) };
}

/** How a run that could not finish is reported among the page's errors (its first line says what it waited for). */
export const stopped = error => `bench stopped: ${String(error.message).split('\n')[0]}`;

/** Notes, in the page itself, the frame at which each of `marks` (name → CSS
 *  selector) first shows: a visible, enabled element, checked at every
 *  animation frame from before the page's own scripts run. Playwright's
 *  `waitFor`, which the harness's ready_ms and our play_ms read, polls at
 *  widening steps (0, 20, 50, 100, 100 ms, then every 500 ms), so a figure
 *  past the first 300 ms of waiting lands on the next poll, up to half a
 *  second late; this is the frame itself. Call before `goto`; read with `paintedAtMs`. */
export async function watchPaint(page, marks) {
  await page.addInitScript(marks => {
    const seen = (window.__painted = {});
    const shows = element => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && !element.disabled && getComputedStyle(element).visibility !== 'hidden';
    };
    const frame = () => {
      for (const [name, selector] of Object.entries(marks)) {
        if (!(name in seen) && [...document.querySelectorAll(selector)].some(shows)) seen[name] = Math.round(performance.now());
      }
      if (Object.keys(seen).length < Object.keys(marks).length) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, marks);
}

/** The compressed bytes, headers included, of every response the page had
 *  received in full `ms` after navigation started (the page's own resource
 *  timing): what had arrived by a frame. `bytes()`, read once Playwright's
 *  polling has seen that frame's content, adds whatever arrived after it. */
export async function bytesUntil(page, ms) {
  return page.evaluate(ms => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .filter(entry => entry.responseEnd <= ms)
    .reduce((sum, entry) => sum + entry.transferSize, 0), ms);
}

/** The frame (ms since navigation started) at which `name` of `watchPaint` first showed. */
export async function paintedAtMs(page, name) {
  await page.waitForFunction(name => name in window.__painted, name, { timeout: 60000 });
  return page.evaluate(name => window.__painted[name], name);
}
