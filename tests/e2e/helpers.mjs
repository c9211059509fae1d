// Shared by the browser tests: serve dist/ on a free port, start Debian's
// Chromium through playwright-core, open the app at a phone viewport, and
// play it by tapping like a learner.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const dist = path.resolve(import.meta.dirname, '../../dist');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.toml': 'text/plain; charset=utf-8', '.json': 'application/json' };

/** Serves dist/; `overrides` maps a path (e.g. 'packs/index.json') to the body served instead. */
export const readDist = file => fs.readFileSync(path.join(dist, file), 'utf8');

export async function serveDist(overrides = {}) {
  const server = http.createServer((req, res) => {
    const wanted = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const override = overrides[wanted.slice(1)];
    if (override !== undefined) {
      res.writeHead(200, { 'content-type': types[path.extname(wanted)] || 'text/plain', 'cache-control': 'no-store' });
      return res.end(override);
    }
    let file = path.join(dist, wanted);
    if (!file.startsWith(dist)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized page; `locale` sets the browser's preferred language; `options` go to the context. */
export async function phonePage(browser, locale, options = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

/** Waits until the scenario shows `step` with its messages arrived, then taps choice `index`. */
export async function choose(page, step, index) {
  await page.locator(`section.scenario[data-step="${step}"] .choice[data-choice="${index}"]`).tap();
}

/** Opens the debrief of the ended scenario, moves on, and gives the closing confidence rating. */
export async function finishScenario(page, confidence) {
  await page.locator('#see-debrief').tap();
  await page.locator('#next').tap();
  await page.locator(`[data-level="${confidence}"]`).tap();
}

/** Plays the scenario on screen in `scope` (a page or a widget) until its end
 *  card shows, always taking choice `pick`. Elements are clicked through
 *  handles: one replaced before the click is skipped, never mistaken for the
 *  button that took its place. */
export async function playToEndCard(scope, pick = 0) {
  for (let i = 0; i < 60; i++) {
    const next = scope.locator(`.end-card, .choice[data-choice="${pick}"], #spot-done, .waiting .link`).first();
    await next.waitFor();
    const element = await next.elementHandle();
    if (await element.evaluate(e => e.classList.contains('end-card'))) return;
    await element.evaluate(e => e.isConnected && e.click());
  }
  throw new Error('no end after 60 actions');
}

/** Taps the phrase of a spot step that contains `text`. */
export async function tapPhrase(page, step, text) {
  await page.locator(`section.scenario[data-step="${step}"] .phrase`, { hasText: text }).first().tap();
}

/** Taps the phrases of spot step `step` that contain each of `texts` (none: a
 *  learner who found nothing), then submits the step with its done button. */
export async function submitSpot(page, step, texts = []) {
  for (const text of texts) await tapPhrase(page, step, text);
  await page.locator(`section.scenario[data-step="${step}"] #spot-done`).tap();
}

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.x A/AA violations on the page as it is now (the same rules as ../shared/bench a11y).
 *  axe is evaluated through the DevTools protocol: the page's CSP (rightly) refuses an injected <script>. */
export async function axeViolations(page) {
  // A message still fading in (`arrive`, 0.2 s) has less contrast than it
  // will have: on a loaded machine axe caught one mid-way. Judge the page at rest.
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter(a => a.effect?.getTiming().iterations !== Infinity)
    .map(a => a.finished.catch(() => {}))));
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
}
