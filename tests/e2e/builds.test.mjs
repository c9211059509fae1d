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
