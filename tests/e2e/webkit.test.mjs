// The engine of iOS and of the in-app browsers a QR code opens: a learner
// plays like-for-cash to its result in WebKit (WebKitGTK) at 360x740 by
// tapping the start screen, a rating, a red flag, the Done button and a choice.
// The wasm, the pack index and the scenario's pack are each downloaded once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './helpers.mjs';
import { launchWebKit, VIEWPORT } from './webkit.mjs';

let server, page;
before(async () => { server = await serveDist(); page = await launchWebKit(); });
after(async () => { await page?.close(); server?.close(); });

test('WebKit: plays like-for-cash to the result screen at phone size', async () => {
  await page.goto(server.url + '?scenario=ob-like-for-cash');
  assert.deepEqual(await page.evaluate('return [innerWidth, innerHeight]'), [VIEWPORT.width, VIEWPORT.height]);
  assert.match(await page.evaluate('return navigator.userAgent'), /AppleWebKit/);
  // Errors from here on (the app starts at the first tap, or a second after load); WebDriver has no console to read.
  await page.evaluate(`window.__errors = [];
    addEventListener('error', e => __errors.push(String(e.message)));
    addEventListener('unhandledrejection', e => __errors.push(String(e.reason)));`);
  await page.tap('#start');
  await page.tap('[data-level="2"]');
  // The opening ad: one red flag found, then done; then leave at once.
  await page.tap('section.scenario[data-step="ad"] .phrase', '动动手指日赚200+');
  assert.equal(await page.evaluate('return document.querySelectorAll(".phrase[aria-pressed=true]").length'), 1);
  await page.tap('section.scenario[data-step="ad"] #spot-done');
  await page.tap('section.scenario[data-step="ad-decide"] .choice[data-choice="2"]');
  await page.find('.end-card');
  await page.tap('#see-debrief');
  await page.tap('#next');
  await page.tap('[data-level="4"]');
  assert.equal(await page.text('#result-points'), '110/160 分');
  assert.equal(await page.text('#result-flags'), '找到可疑信号：1/6');
  assert.equal(await page.text('#result-confidence'), '信心：练习前 2/5 → 练习后 4/5');
  assert.equal(await page.text('#result-scams'), '识破骗局：1/1');
  assert.deepEqual(await page.evaluate('return __errors'), []);
  // The start-up script's downloads are the app's: none is fetched twice.
  const fetched = await page.evaluate('return performance.getEntriesByType("resource").map(e => new URL(e.name).pathname)');
  for (const file of [/_bg\.wasm$/, /\/packs\/index\.[\w-]+\.json$/, /\/like-for-cash\.json$/]) assert.equal(fetched.filter(f => file.test(f)).length, 1, fetched);
});
