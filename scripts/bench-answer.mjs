// Tap-to-paint on an answer inside a scenario, with the harness's phone
// profile (4x CPU slowdown, slow 4G, 360x740): opens a linked scenario, taps
// Start and a rating at once, notes when the first answer button is on screen
// (first_choice_ms: the whole app loaded; a scam opens with a spot step, so
// that is its Done button), times a tap on it until the
// DOM changed and a frame was painted (the clock of ../shared/bench/measure.mjs),
// then plays the round to its result and reads the JS heap (heap_after_round_mb).
// usage: node scripts/bench-answer.mjs URL [runs]   (prints one JSON line)
import { createRequire } from 'node:module';
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [url, runs = 5] = [process.argv[2], Number(process.argv[3] || 5)];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const times = [];
const toScenario = [];
const heaps = [];
for (let i = 0; i < runs; i++) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6 * 1024 * 1024 / 8, uploadThroughput: 750 * 1024 / 8 });
  await page.goto(url);
  await page.locator('#start').click();
  await page.locator('[data-level="3"]').click();
  const choice = page.locator('.choice, #spot-done').first();
  await choice.waitFor({ timeout: 60000 });
  toScenario.push(await page.evaluate(() => performance.now()));
  await page.waitForTimeout(300);
  times.push(await choice.evaluate(el => new Promise(resolve => {
    const start = performance.now();
    const obs = new MutationObserver(() => { obs.disconnect(); requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)); });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    el.click();
    setTimeout(() => { obs.disconnect(); resolve(-1); }, 10000);
  })));
  // Play the round to its end, then read the JS heap.
  for (let i = 0; i < 60 && !(await page.locator('.end-card').count()); i++) {
    const next = page.locator('.choice, #spot-done, .waiting .link').first();
    await next.waitFor({ timeout: 30000 });
    await next.click().catch(() => {});
  }
  await page.locator('#see-debrief').click();
  await page.locator('#next').click();
  await page.locator('[data-level="4"]').click();
  await page.locator('#result-points').waitFor();
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const { metrics } = await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'));
  heaps.push((metrics.find(m => m.name === 'JSHeapUsedSize') || {}).value / 1048576);
  await ctx.close();
}
await browser.close();
const median = list => Math.round(list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
console.log(JSON.stringify({ url, runs, answer_respond_ms: median(times), first_choice_ms: median(toScenario),
  heap_after_round_mb: +heaps.sort((a, b) => a - b)[Math.floor(heaps.length / 2)].toFixed(1) }));
