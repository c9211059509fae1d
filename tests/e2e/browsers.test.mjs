// The browsers a QR code opens are not all a desktop Chromium: servers that
// label the wasm wrongly, WebViews without streaming compilation or without a
// service worker, storage that throws (private modes, some in-app browsers),
// no navigator.languages. Each is made here by an init script or a route, and
// the learner still plays a scenario to its end. The start-up's downloads are
// checked too: the wasm is asked for as the page's head arrives, the pack
// index and a linked pack while the start screen is parsed, each once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { serveDist, readDist, launch, phonePage, submitSpot, choose, finishScenario } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** A phone page for `t` whose browser is changed by `init` (run before any of the page's scripts). */
async function openWith(t, init, locale = 'zh-CN') {
  const { context, page, errors } = await phonePage(browser, locale);
  t.after(() => context.close());
  if (init) await context.addInitScript(init);
  return { page, errors };
}

/** Plays like-for-cash from the start screen to the result: the opening ad's
 *  first flag, then leaving at once (110 of 160 points). */
async function playLikeForCash(page, flag = '动动手指日赚200+') {
  await page.goto(server.url + '?scenario=ob-like-for-cash');
  await page.locator('#start').tap();
  await page.locator('[data-level="2"]').tap();
  await submitSpot(page, 'ad', [flag]);
  await choose(page, 'ad-decide', 2);
  await finishScenario(page, 4);
  assert.match(await page.locator('#result-points').innerText(), /^110\/160/);
}

/** Serves the wasm, and the chunks split off it, with `type` as their Content-Type. */
async function wasmServedAs(page, type) {
  await page.route(/\.wasm$/, async route => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': type } });
  });
}

test('a server that sends the wasm as application/octet-stream: the app compiles the bytes and plays', async t => {
  const { page, errors } = await openWith(t);
  await wasmServedAs(page, 'application/octet-stream');
  await playLikeForCash(page);
  assert.deepEqual(errors, []);
});

test('a chunk of the wasm that fails to download is asked for again, and the round goes on', async t => {
  // No offline worker: it would have cached the chunk, and answer the second ask itself.
  const { context, page, errors } = await phonePage(browser, 'zh-CN', { serviceWorkers: 'block' });
  t.after(() => context.close());
  let asked = 0;
  // The chunk of the screens around a scenario: refused the first time, as a dropped connection would.
  await page.route(/split-around_scenario-[0-9a-f]{16}\.wasm$/, route => (asked++ === 0 ? route.abort() : route.continue()));
  await playLikeForCash(page);
  assert.equal(asked, 2, 'asked for once more after the failed download');
  assert.deepEqual(errors.filter(e => !/ERR_FAILED|Failed to fetch/.test(e)), []);
});

test('no chunk of the wasm is asked for before the first scenario message has painted', async t => {
  // When a frame first has the message (its paint follows), noted by a check at each animation frame.
  const { page, errors } = await openWith(t, () => {
    const look = () => {
      if (document.querySelector('section.scenario .transcript .msg')) window.messageFrame = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(server.url);
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await page.waitForFunction(() => performance.getEntriesByType('resource').filter(e => /\/split-[^/]+\.wasm$/.test(e.name)).length >= 2);
  const { messageFrame, chunks } = await page.evaluate(() => ({
    messageFrame: window.messageFrame,
    chunks: performance.getEntriesByType('resource').filter(e => /\/split-[^/]+\.wasm$/.test(e.name)).map(e => [e.name, e.startTime]),
  }));
  for (const [name, start] of chunks) assert.ok(start > messageFrame, `${name} asked for at ${start} ms, the message's frame at ${messageFrame} ms`);
  assert.deepEqual(errors, []);
});

test("after the start screen's rating the app opens on the scenario, never on a loading status of its own", async t => {
  // Whether the app's loading status (not the start screen's own) was ever put on the page.
  const { page, errors } = await openWith(t, () => {
    window.appLoadingShown = false;
    const loading = 'p.loading:not(.shell-loading)';
    new MutationObserver(records => {
      for (const node of records.flatMap(record => [...record.addedNodes])) {
        if (node.nodeType === 1 && (node.matches(loading) || node.querySelector(loading))) window.appLoadingShown = true;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await page.locator('section.scenario .transcript .msg').first().waitFor();
  assert.equal(await page.evaluate(() => window.appLoadingShown), false);
  assert.deepEqual(errors, []);
});

test('a browser without streaming compilation plays', async t => {
  const { page, errors } = await openWith(t, () => {
    delete WebAssembly.instantiateStreaming;
    delete WebAssembly.compileStreaming;
  });
  await playLikeForCash(page);
  assert.deepEqual(errors, []);
});

test('a browser whose streaming compilation fails falls back to the downloaded bytes and plays', async t => {
  const { page, errors } = await openWith(t, () => {
    const broken = () => Promise.reject(new TypeError('streaming compilation is broken here'));
    WebAssembly.instantiateStreaming = broken;
    WebAssembly.compileStreaming = broken;
  });
  await playLikeForCash(page);
  assert.deepEqual(errors, []);
});

test('no service worker (an iOS in-app WebView): the app plays', async t => {
  const { page, errors } = await openWith(t, () => {
    Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined });
  });
  await playLikeForCash(page);
  assert.deepEqual(errors, []);
});

test('no service worker at all: the app plays', async t => {
  const { page, errors } = await openWith(t, () => { delete Navigator.prototype.serviceWorker; });
  await playLikeForCash(page);
  assert.deepEqual(errors, []);
});

test('navigator.languages missing: the app plays in the language navigator.language names', async t => {
  const { page, errors } = await openWith(t, () => {
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => undefined });
  }, 'en-US');
  await page.goto(server.url + '?scenario=ob-like-for-cash');
  await page.locator('#start').tap();
  await page.locator('[data-level="2"]').tap();
  await submitSpot(page, 'ad', ['earn ¥200+ a day']);
  await choose(page, 'ad-decide', 2);
  await finishScenario(page, 4);
  assert.match(await page.locator('#result-points').innerText(), /^110\/160/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(errors, []);
});

test('neither navigator.languages nor navigator.language: the app plays in Chinese', async t => {
  const { page, errors } = await openWith(t, () => {
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => undefined });
    Object.defineProperty(Navigator.prototype, 'language', { get: () => undefined });
  }, 'en-US');
  await playLikeForCash(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual(errors, []);
});

/** Plays like-for-cash where nothing can be kept: the notice that progress will
 *  not be saved shows once as the first scenario starts (with its wasm chunk,
 *  once the first message has painted), and after the learner dismisses it,
 *  the round's refused save does not bring it back. */
async function playUnsaved(page, notice, flag) {
  await page.goto(server.url + '?scenario=ob-like-for-cash');
  await page.locator('#start').tap();
  await page.locator('[data-level="2"]').tap();
  await page.locator('section.scenario[data-step="ad"]').waitFor();
  await page.locator('.notice p').first().waitFor();
  assert.deepEqual(await page.locator('.notice p').allInnerTexts(), [notice]);
  await page.locator('.notice button').tap();
  await submitSpot(page, 'ad', [flag]);
  await choose(page, 'ad-decide', 2);
  await finishScenario(page, 4);
  assert.match(await page.locator('#result-points').innerText(), /^110\/160/);
  assert.equal(await page.locator('.notice').count(), 0);
}

const throwingStorage = () => {
  Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
};

test('localStorage that throws on every access: the app plays and says once, in Chinese, that progress is not kept', async t => {
  const { page, errors } = await openWith(t, throwingStorage);
  await playUnsaved(page, '浏览器不允许保存进度（可能是无痕模式），本次练习结果不会被记住。', '动动手指日赚200+');
  assert.deepEqual(errors, []);
});

test('localStorage that throws on every access: the notice in English', async t => {
  const { page, errors } = await openWith(t, throwingStorage, 'en-US');
  await playUnsaved(page, 'This browser does not allow saving progress (private mode?), so this session’s results won’t be remembered.', 'earn ¥200+ a day');
  assert.deepEqual(errors, []);
});

test('localStorage that refuses every write (a private mode with no quota): the notice shows at the start', async t => {
  const { page, errors } = await openWith(t, () => {
    Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await playUnsaved(page, '浏览器不允许保存进度（可能是无痕模式），本次练习结果不会被记住。', '动动手指日赚200+');
  assert.deepEqual(errors, []);
});

test("the app's wasm is asked for as the page's head arrives, before its body", async t => {
  // The page is served in two parts: its head, then its body (the start
  // screen and the start-up script) only once the wasm has been asked for,
  // or after 5 s. The boot script at the top of the head asks for it: the
  // network would otherwise idle until the start screen had been parsed.
  let bodySent = false, wasmWhileHeld = false;
  const requests = [];
  const split = http.createServer(async (req, res) => {
    const wanted = new URL(req.url, 'http://x').pathname;
    if (wanted !== '/') {
      requests.push(wanted);
      if (/_bg\.wasm$/.test(wanted)) { wasmWhileHeld ||= !bodySent; releaseBody(); }
      const upstream = await fetch(new URL(req.url, server.url));
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') || 'text/plain' });
      return res.end(Buffer.from(await upstream.arrayBuffer()));
    }
    const page = readDist('index.html');
    const at = page.indexOf('<body>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write(page.slice(0, at));
    await Promise.race([bodyReleased, new Promise(resolve => setTimeout(resolve, 5000))]);
    bodySent = true;
    res.end(page.slice(at));
  });
  let releaseBody;
  const bodyReleased = new Promise(resolve => { releaseBody = resolve; });
  await new Promise(resolve => split.listen(0, '127.0.0.1', resolve));
  t.after(() => split.close());
  const { page, errors } = await openWith(t);
  await page.goto(`http://127.0.0.1:${split.address().port}/`);
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await page.locator('section.scenario .transcript .msg').first().waitFor();
  assert.ok(wasmWhileHeld, `the wasm was asked for only once the body had arrived: ${requests}`);
  assert.equal(requests.filter(path => /_bg\.wasm$/.test(path)).length, 1, `the wasm requested once: ${requests}`);
  assert.deepEqual(errors, []);
});

test('the wasm, the app JS, its chunk loader and the pack index download while the start screen is parsed, a linked pack once the index names it, each once', async t => {
  const { page, errors } = await openWith(t);
  const requested = [];
  page.on('request', request => requested.push(new URL(request.url()).pathname));
  await page.goto(server.url + '?scenario=ob-like-for-cash');
  await page.locator('#shared-scenario').waitFor();
  const [index, pack, ...early] = [/\/packs\/index\.[\w-]+\.json$/, /\/like-for-cash\.json$/, /_bg\.wasm$/, /^\/scamspot-[0-9a-f]+\.js$/, /^\/split-chunks\.js$/];
  await page.waitForFunction(() => performance.getEntriesByType('resource').some(e => e.name.endsWith('like-for-cash.json')));
  // The start screen's first paint. (Not the page's first frame: on a
  // loaded machine Chromium may paint an empty one as its parser reaches
  // <body>, before the start-up script after the start screen has run.)
  const timing = await page.evaluate(() => ({
    painted: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
    resources: Object.fromEntries(performance.getEntriesByType('resource')
      .map(e => [new URL(e.name).pathname, { start: e.startTime, end: e.responseEnd }])),
  }));
  const at = file => Object.entries(timing.resources).find(([path]) => file.test(path))?.[1];
  // The network would idle between the page's arrival and its first paint otherwise.
  for (const file of [index, ...early]) {
    assert.ok(at(file).start < timing.painted, `${file} at ${at(file)?.start} ms: ${JSON.stringify(timing)}`);
  }
  // The app starts a second after the page has loaded, without a tap: the
  // linked pack does not wait for it, only for the index that names its file.
  assert.ok(at(pack).start >= at(index).end && at(pack).start < timing.load + 900, `pack: ${JSON.stringify(timing)}`);
  // The app takes them over: playing the linked scenario downloads nothing again.
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  await page.locator('section.scenario[data-step="ad"] #spot-done').waitFor();
  for (const file of [index, pack, ...early]) assert.equal(requested.filter(path => file.test(path)).length, 1, `${file} requested once: ${requested}`);
  assert.deepEqual(errors, []);
});
