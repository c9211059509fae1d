// Which learner wasm each kind of page loads (issue 12): the app's own page
// the lean build (Trunk's `scamspot-<hash>`, without the `hosted` feature),
// a campaign class link, a host's own pack and both embeds the hosted one
// (`scamspot-hosted-<hash>`). Each page must also start: a page that loaded
// the wrong one would find no entry point (mount_embed, mount_frame) or
// show the plain start screen instead of the class's.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, phonePage } from './helpers.mjs';

const dist = path.join(import.meta.dirname, '../../dist');

const LEAN = /\/scamspot-[0-9a-f]{16}_bg\.wasm$/;
const HOSTED = /\/scamspot-hosted-[0-9a-f]{16}_bg\.wasm$/;
const EMBED_PAGE = '<!doctype html><meta charset="utf-8"><title>host</title>'
  + '<script src="embed.js" defer></script><scam-spot lang="zh-CN"></scam-spot>';

// A host's own pack: one of the built ones, served under a name of its own.
const packFile = fs.readdirSync(path.join(dist, 'packs/fake-loan')).find(f => f.endsWith('.json'));
const hostPack = fs.readFileSync(path.join(dist, 'packs/fake-loan', packFile), 'utf8');

const browser = await launch();
after(() => browser.close());
const server = await serveDist({ 'host.html': EMBED_PAGE, 'host-pack.json': hostPack });
after(() => server.close());

/** Opens `path` and returns the wasm files it downloaded once `started`
 *  holds, and every URL it requested. */
async function wasmOf(t, path, started) {
  const { context, page } = await phonePage(browser, 'zh-CN');
  t.after(() => context.close());
  const requested = [];
  const crashed = [];
  page.on('request', request => requested.push(request.url()));
  page.on('pageerror', e => crashed.push(String(e)));
  await page.goto(server.url + path);
  await started(page);
  assert.deepEqual(crashed, []);
  return { wasm: requested.filter(url => url.endsWith('_bg.wasm')), requested };
}

/** The app has replaced the static start screen (the wasm runs). */
const appRuns = page => page.waitForFunction(() => document.querySelector('.app') && !document.querySelector('.shell-home'));

test("the app's own page loads the lean wasm, never the hosted one", async t => {
  const { wasm } = await wasmOf(t, '', async page => {
    await page.locator('#start').tap(); // the app starts just after the first tap
    await page.locator('[data-level="3"]').tap();
    await page.locator('section.scenario').waitFor();
  });
  assert.equal(wasm.length, 1, wasm.join(' '));
  assert.match(wasm[0], LEAN);
});

test('a campaign class link loads the hosted wasm and shows the class', async t => {
  // No campaign server here: the class link says the class is unknown, which only the hosted app can.
  const { wasm } = await wasmOf(t, '?campaign=k7m2q9x4b1c3', async page => {
    await appRuns(page);
    await page.getByText('没有找到这个班级链接').waitFor();
  });
  assert.equal(wasm.length, 1, wasm.join(' '));
  assert.match(wasm[0], HOSTED);
});

test("the app's own page with a host's own pack loads the hosted wasm, which fetches that pack", async t => {
  const { wasm, requested } = await wasmOf(t, '?pack-url=host-pack.json', async page => {
    // The host's pack is the round's last: it downloads once the first scenario shows.
    const hostPack = page.waitForRequest(request => request.url().endsWith('/host-pack.json'));
    await page.locator('#start').tap();
    await page.locator('[data-level="3"]').tap();
    await page.locator('section.scenario').waitFor();
    await hostPack;
  });
  assert.equal(wasm.length, 1, wasm.join(' '));
  assert.match(wasm[0], HOSTED);
  assert.ok(requested.includes(server.url + 'host-pack.json'), 'the host pack was fetched');
});

test('the <scam-spot> element and the iframe page load the hosted wasm', async t => {
  for (const page of ['host.html', 'embed.html']) {
    const { wasm } = await wasmOf(t, page, p => p.locator('#start').waitFor());
    assert.equal(wasm.length, 1, `${page}: ${wasm.join(' ')}`);
    assert.match(wasm[0], HOSTED, page);
  }
});

test('the lean build exports no embed entry point; the hosted build does', () => {
  const js = fs.readdirSync(dist).filter(f => /^scamspot-(hosted-)?[0-9a-f]{16}\.js$/.test(f));
  const lean = js.find(f => !f.includes('hosted'));
  const hosted = js.find(f => f.includes('hosted'));
  assert.ok(lean && hosted, js.join(' '));
  assert.doesNotMatch(fs.readFileSync(path.join(dist, lean), 'utf8'), /mount_embed|mount_frame/);
  assert.match(fs.readFileSync(path.join(dist, hosted), 'utf8'), /mount_embed/);
});

test("the offline worker keeps the lean build ahead, the hosted one once a page has used it, never the lecture or staff pages'", async t => {
  const worker = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const precache = JSON.parse(worker.match(/const PRECACHE = (\[.*?\]);/s)[1]);
  const wasm = precache.filter(f => f.endsWith('_bg.wasm'));
  assert.equal(wasm.length, 1, wasm.join(' '));
  assert.match('/' + wasm[0], LEAN);

  // A host's pack on the app's page: the first visit registers the worker,
  // the second (under it) keeps the hosted app, the third starts offline.
  const { context, page } = await phonePage(browser, 'zh-CN');
  t.after(() => context.close());
  await page.goto(server.url + '?pack-url=host-pack.json');
  await appRuns(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await appRuns(page);
  await page.waitForFunction(async () => {
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      if ((await cache.keys()).some(r => /scamspot-hosted-[0-9a-f]{16}_bg\.wasm$/.test(r.url))) return true;
    }
    return false;
  });
  await context.setOffline(true);
  await page.reload();
  await appRuns(page);
});

test("the learner's page carries only the learner's styles; the lecture and staff pages add their own before drawing", async t => {
  const { requested } = await wasmOf(t, '', appRuns);
  assert.ok(!requested.some(url => url.endsWith('server-pages.css')), requested.join(' '));
  const inline = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').match(/<style>(.*?)<\/style>/s)[1];
  assert.doesNotMatch(inline, /\.presenter|\.staff|\/\*/);
  // Only the start screen's: the scenario's styles come with the wasm.
  assert.doesNotMatch(inline, /\.transcript|\.phrase/);
  const worker = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  assert.doesNotMatch(worker, /server-pages\.css/, 'no learner keeps the staff styles offline');

  // The verify page (a staff page) draws styled: its root fills the screen.
  let height;
  const staff = await wasmOf(t, '?verify', async page => {
    height = await page.locator('.staff').evaluate(e => getComputedStyle(e).minHeight);
  });
  assert.ok(staff.requested.includes(server.url + 'server-pages.css'), staff.requested.join(' '));
  assert.equal(height, '740px');
});

// The page inlines only static/start.css; static/screens.css comes beside
// the wasm. A rule the start screen needs that lived in screens.css would
// show it unstyled, or restyled once that file came in.
test("the start screen draws with the inlined styles alone: the app's screens' styles change nothing on it", async t => {
  /** Every element of the static screen's computed style, on its start screen
   *  (with 大字 on, then in English) and its rating screen; the wasm never
   *  arrives, so the static screen stays. */
  async function staticStyles(colorScheme, screensStyles) {
    const { context, page, errors } = await phonePage(browser, 'zh-CN', { colorScheme });
    t.after(() => context.close());
    await page.route(/_bg\.wasm$/, () => {}); // never answered
    const screens = /\/screens-[0-9a-f]{16}\.css$/;
    if (!screensStyles) await page.route(screens, route => route.abort());
    const settled = page.waitForEvent(screensStyles ? 'requestfinished' : 'requestfailed', request => screens.test(request.url()));
    await page.goto(server.url);
    await settled;
    const snapshot = () => page.locator('#app').evaluate(root => [...root.querySelectorAll('*')].map(element => {
      const style = getComputedStyle(element);
      const properties = [...style].map(name => `${name}:${style.getPropertyValue(name)}`).sort();
      return `${element.tagName}.${element.className} ${properties.join(';')}`;
    }));
    const shown = [await snapshot()];
    await page.locator('.shell-text-size').tap();
    await page.locator('.shell-switch').tap();
    shown.push(await snapshot());
    await page.locator('#start').tap();
    shown.push(await snapshot());
    assert.deepEqual(errors.filter(e => !e.startsWith('Failed to load resource')), []); // but the styles held back
    return shown;
  }
  for (const scheme of ['light', 'dark']) {
    const alone = await staticStyles(scheme, false);
    const withScreens = await staticStyles(scheme, true);
    assert.ok(alone[0].length > 20, 'the static screen was read');
    alone.forEach((shown, i) => assert.deepEqual(withScreens[i], shown, `${scheme}, screen ${i}`));
  }
});

