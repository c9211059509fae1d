// The lecturers' scenario catalogue: every scenario with a link that opens it
// alone, a copy button and a QR code drawn in the page (decoded here with
// zbarimg, as a phone camera would), and the app's answer to a shared link:
// the scenario named on the start screen, or a plain notice for an id the
// site does not have.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, readDist, launch, phonePage, axeViolations } from './helpers.mjs';

const browser = await launch();
after(() => browser.close());
const index = JSON.parse(readDist('packs/index.json'));

/** What a phone camera reads from `locator` (an <svg> QR code), via zbarimg. */
async function scan(locator) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qr-')), 'code.png');
  await locator.screenshot({ path: file });
  return execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).trim();
}

test('the catalogue lists every scenario with a link, a copy button and a QR code that scans to the link', async t => {
  const server = await serveDist();
  t.after(() => server.close());
  const { context, page, errors } = await phonePage(browser, 'zh-CN');
  t.after(() => context.close());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.goto(server.url + 'catalogue.html');
  assert.equal(await page.locator('.catalogue-item').count(), index.packs.length);
  for (const pack of index.packs.slice(0, 5)) {
    const item = page.locator(`.catalogue-item[data-scenario="${pack.id}"]`);
    assert.equal(await item.locator('h3').innerText(), pack.title['zh-CN']);
    assert.equal(await item.locator('.meta').innerText().then(m => m.includes(pack.genuine ? '真实服务' : '骗局')), true);
  }
  const pack = index.packs.find(p => p.id === 'fl-wrong-card-number');
  const item = page.locator('.catalogue-item[data-scenario="fl-wrong-card-number"]');
  const link = `${server.url}?scenario=fl-wrong-card-number&lang=zh-CN`;
  await item.locator('.copy-link').tap();
  await item.locator('.copy-link', { hasText: '已复制' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await item.locator('.show-qr').tap();
  assert.equal(await item.locator('.show-qr').getAttribute('aria-expanded'), 'true');
  assert.equal(await item.locator('.qr-url').innerText(), link);
  assert.equal(await scan(item.locator('.qr-panel svg')), link);
  // axe places the sticky top bar where it is painted now (dequelabs/axe-core#3720),
  // so a link scrolled under it reads as a crowded target: check from the top.
  await page.evaluate(() => scrollTo(0, 0));
  assert.deepEqual(await axeViolations(page), []);
  // The link opens the app on that scenario, named before it starts.
  await item.locator('h3 a').tap();
  await page.locator('#shared-scenario').waitFor();
  assert.equal(await page.locator('#shared-scenario h2').innerText(), pack.title['zh-CN']);
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await page.locator('section.scenario[data-scenario="fl-wrong-card-number"]').waitFor();
  assert.deepEqual(errors, []);
});

test('the catalogue has an English page, and the start screen links the catalogue in the learner\'s language', async t => {
  const server = await serveDist();
  t.after(() => server.close());
  const { context, page } = await phonePage(browser, 'en');
  t.after(() => context.close());
  await page.goto(server.url);
  await page.locator('.catalogue-link a').tap();
  await page.waitForURL(/catalogue-en\.html$/);
  const first = index.packs[0];
  assert.equal(await page.locator(`.catalogue-item[data-scenario="${first.id}"] h3`).innerText(), first.title.en);
  const item = page.locator(`.catalogue-item[data-scenario="${first.id}"]`);
  await item.locator('.show-qr').tap();
  assert.equal(await scan(item.locator('.qr-panel svg')), `${server.url}?scenario=${first.id}&lang=en`);
  await page.locator('.lang-switch').tap();
  await page.waitForURL(/catalogue\.html$/);
});

test('a link to a scenario the site does not have says so, and the start button plays a quick round', async t => {
  const server = await serveDist();
  t.after(() => server.close());
  const { context, page, errors } = await phonePage(browser, 'en');
  t.after(() => context.close());
  await page.goto(server.url + '?scenario=fl-no-such-thing');
  const notice = page.locator('#unknown-link');
  await notice.waitFor();
  assert.match(await notice.innerText(), /no scenario “fl-no-such-thing”/);
  assert.equal(await page.locator('#start').innerText(), 'Start a quick round');
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await page.locator('section.scenario').waitFor();
  assert.deepEqual(errors, []);
});
