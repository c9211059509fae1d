// Embedding on other sites: the <scam-spot> element inside a hostile page,
// two widgets side by side, a broken host pack, the strict-CSP page, and the
// iframe embed on a second origin (auto-height, results by postMessage,
// untrusted messages ignored), the campus security office setting. Phone and
// desktop viewports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { axeViolations, launch, playToEndCard, readDist, serveDist } from './helpers.mjs';
import { startExamples } from '../../scripts/examples-server.mjs';

const VIEWPORTS = { phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, desktop: { viewport: { width: 1280, height: 800 } } };
let browser, servers;
/** Pages served on the host origin that depend on the servers' ports. */
const hostPages = {};
before(async () => {
  browser = await launch();
  servers = await startExamples(0, 0, {}, hostPages);
});
after(async () => { await browser?.close(); servers?.close(); });

/** Waits until the iframe is as tall as its content (the resizer's work). */
async function fitsContent(frameEl, frame) {
  for (let i = 0; i < 100; i++) {
    const outer = await frameEl.evaluate(f => f.getBoundingClientRect().height);
    const inner = await frame.locator('#app').evaluate(a => a.scrollHeight);
    if (Math.abs(outer - inner) <= 1) return outer;
    await new Promise(r => setTimeout(r, 50));
  }
  assert.fail('the iframe never took the height of its content');
}

async function open(t, path, device = 'phone', locale = 'zh-CN') {
  const context = await browser.newContext({ ...VIEWPORTS[device], locale });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(path);
  return { page, errors };
}

/** Activates a widget's button as a click would. Several widgets on one page
 *  resize each other while they play, so pointer coordinates go stale; what
 *  these tests check is what each widget does with the click. */
async function press(locator) {
  await locator.waitFor();
  await locator.evaluate(e => e.click());
}

/** Plays the widget's scenario to its end by always taking `pick` (first choice by default). */
async function playToEnd(widget, pick = 0) {
  await press(widget.locator('#start'));
  await press(widget.locator('[data-level="3"]'));
  await playToEndCard(widget, pick);
  await press(widget.locator('#see-debrief'));
  await press(widget.locator('#next'));
  await press(widget.locator('[data-level="4"]'));
  await widget.locator('#result-points').waitFor();
}

for (const device of ['phone', 'desktop']) {
  test(`${device}: the script embed plays in a hostile page and the host gets exactly one result`, async t => {
    const { page, errors } = await open(t, `${servers.host}/examples/hostile.html?widget=${servers.widget}`, device, 'en');
    const widget = page.locator('#hostile-widget');
    // The host's CSS reaches its own elements but not ours.
    assert.equal(await page.locator('#host-button').evaluate(b => getComputedStyle(b).display), 'none');
    await widget.locator('#start').waitFor();
    const startStyle = await widget.locator('#start').evaluate(b => { const s = getComputedStyle(b); return { display: s.display, fontSize: s.fontSize, color: s.color }; });
    assert.notEqual(startStyle.display, 'none');
    assert.ok(parseFloat(startStyle.fontSize) < 24, `font size ${startStyle.fontSize}`);
    // Done on the opening ad with no flag found, then leave the group: a safe end, before the app's red flags.
    await playToEnd(widget, 2);
    // 100 of the 160 that finding all six flags (the ad's and the app link's) and refusing to pay allows.
    assert.equal(await widget.locator('#result-points').innerText(), '100/160 points', 'leaving at once forfeits the flag points');
    await page.waitForTimeout(500);
    const results = await page.evaluate(() => window.scamspotResults);
    assert.equal(results.length, 1, JSON.stringify(results));
    const r = results[0].detail;
    assert.equal(results[0].from, 'hostile-widget');
    assert.deepEqual([r.completed, r.score, r.max_score, r.scams_caught, r.scams_total, r.genuine_refused], [true, 100, 160, 1, 1, 0]);
    assert.deepEqual([r.confidence_before, r.confidence_after], [3, 4]);
    assert.equal(r.xapi.verb.display['en-US'], 'completed');
    assert.equal(r.xapi.result.score.scaled, 0.625);
    // One scam met, stopped: a hit rate, but no genuine service to tell it from.
    assert.deepEqual([r.hit_rate, r.false_alarm_rate, r.d_prime, r.criterion], [1, null, null, null]);
    assert.deepEqual(Object.values(r.xapi.result.extensions), [1]);
    assert.match(r.xapi.result.duration, /^PT\d+S$/);
    // No learner= given: the learner is this browser's random id, never anything personal.
    assert.match(r.learner, /^browser-[0-9a-f]{16}$/);
    assert.equal(r.xapi.actor.account.name, r.learner);
    assert.ok(!JSON.stringify(r).match(/email|phone|mbox/i), 'no personal data');
    // Going home afterwards does not report the finished round again.
    await press(widget.locator('.brand'));
    await page.waitForTimeout(300);
    assert.equal((await page.evaluate(() => window.scamspotResults)).length, 1);
    // Leaving a round early reports it once, as not completed.
    await press(widget.locator('#start'));
    await press(widget.locator('[data-level="5"]'));
    await widget.locator('section.scenario').waitFor();
    await press(widget.locator('.brand'));
    await press(widget.locator('#leave-round')); // "Leave this round?"
    await press(widget.locator('#start'));
    await page.waitForTimeout(300);
    const all = await page.evaluate(() => window.scamspotResults.map(r => r.detail));
    assert.equal(all.length, 2, JSON.stringify(all));
    assert.deepEqual([all[1].completed, all[1].confidence_before, all[1].xapi.verb.display['en-US']], [false, 5, 'terminated']);
    // The embed never registers a service worker on the host's origin.
    assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(errors, []);
  });
}

test('two widgets on one page play independently, a broken host pack is named, and our CSS does not leak', async t => {
  const { page } = await open(t, `${servers.host}/examples/two-widgets.html?widget=${servers.widget}`);
  const hostButton = await page.locator('#host-button').evaluate(b => getComputedStyle(b).backgroundColor);
  const first = page.locator('#first'), second = page.locator('#second'), broken = page.locator('#broken');
  await first.locator('#start').waitFor();
  await second.locator('#start').waitFor();
  assert.equal(await first.locator('#start').innerText(), '开始练习');
  assert.equal(await second.locator('#start').innerText(), 'Start');
  assert.equal(await second.locator('.embed-root').evaluate(r => getComputedStyle(r).getPropertyValue('--accent').trim()), '#1d4ed8');
  // Play the first one to a scam end while the second stays on its start screen.
  await playToEnd(first, 0);
  assert.equal(await second.locator('#start').count(), 1);
  await playToEnd(second, 1);
  const results = await page.evaluate(() => window.scamspotResults.map(r => [r.from, r.detail.learner]));
  assert.deepEqual(results.map(r => r[0]).sort(), ['first', 'second']);
  // The first carries the host's learner id, the second this browser's own.
  assert.equal(results.find(r => r[0] === 'first')[1], 's2026001');
  assert.match(results.find(r => r[0] === 'second')[1], /^browser-[0-9a-f]{16}$/);
  // The host pack is checked by the validator, the widget still plays its own pack.
  await press(broken.locator('#start'));
  const notice = broken.locator('.notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /broken-pack\.json/);
  assert.match(await notice.innerText(), /broken-pack\.json.*\[SS0006\]: the required field `genuine` is missing/);
  await press(broken.locator('[data-level="3"]'));
  await broken.locator('section.scenario[data-scenario="ob-like-for-cash"]').waitFor();
  assert.equal(await page.locator('#host-button').evaluate(b => getComputedStyle(b).backgroundColor), hostButton, 'our button styles stay in the shadow root');
});

test('under the strict CSP header the widget plays with zero violations and only its own origin', async t => {
  const { page, errors } = await open(t, `${servers.widget}/examples/csp.html`, 'phone', 'en');
  const origins = new Set();
  page.on('request', r => origins.add(new URL(r.url()).origin));
  const widget = page.locator('#csp-widget');
  await playToEnd(widget, 0);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual([...origins], [servers.widget]);
  assert.deepEqual(errors, []);
});

test('the iframe embed on another origin grows with its content, posts its result, and ignores untrusted messages', async t => {
  const { page, errors } = await open(t, `${servers.host}/examples/campus-iframe.html?widget=${servers.widget}`, 'phone', 'zh-CN');
  const frameEl = page.locator('#scamspot-frame');
  const frame = page.frameLocator('#scamspot-frame');
  await frame.locator('#start').waitFor();
  const height = () => frameEl.evaluate(f => f.getBoundingClientRect().height);
  await fitsContent(frameEl, frame);
  const startHeight = await height();
  // A message from this page, whose origin the embed was told to trust, switches the language…
  await page.evaluate(() => document.querySelector('#scamspot-frame').contentWindow.postMessage({ type: 'scamspot:set-lang', lang: 'en' }, '*'));
  await frame.locator('#start', { hasText: 'Start' }).waitFor();
  // …but the same message from an untrusted origin (a hostile frame) is ignored.
  await page.evaluate(widget => {
    const evil = document.createElement('iframe');
    evil.sandbox = 'allow-scripts'; // an opaque origin, like a hostile third-party frame
    evil.srcdoc = `<script>parent.frames[0].postMessage({type:'scamspot:set-lang', lang:'zh-CN'}, '*'); parent.frames[0].postMessage('garbage', '*'); parent.frames[0].postMessage({type: 42}, '*');<\/script>`;
    document.body.append(evil);
  }, servers.widget);
  await page.waitForTimeout(500);
  assert.equal(await frame.locator('#start').innerText(), 'Start a quick round');
  // Play: the frame grows as messages arrive, with no inner scrollbar.
  await frame.locator('#start').click();
  await frame.locator('[data-level="3"]').click();
  await frame.locator('.choice, #spot-done').first().waitFor();
  await page.waitForTimeout(300);
  const heights = [startHeight, await height()];
  for (let i = 0; i < 80 && (await page.evaluate(() => window.scamspotResults.length)) === 0; i++) {
    const next = frame.locator('.choice, #spot-done, .waiting .link, #see-debrief, #next, [data-level="4"]').first();
    await next.waitFor();
    await next.click().catch(() => {});
    await page.waitForTimeout(30);
    heights.push(await height());
  }
  assert.ok(new Set(heights.map(Math.round)).size > 2, `the height changed as the learner played: ${heights.join(',')}`);
  const inner = await frame.locator('html').evaluate(h => h.scrollHeight - window.innerHeight);
  assert.ok(inner <= 1, `no inner scrollbar (content is ${inner}px taller than the frame)`);
  const results = await page.evaluate(() => window.scamspotResults);
  assert.equal(results.length, 1);
  assert.equal(results[0].from, 'scamspot-frame', 'the result arrives as an event on the iframe');
  assert.equal(results[0].detail.completed, true);
  assert.equal(results[0].detail.scenarios_played, 2);
  // The discrimination figures: a number, or null when the round cannot define it (and then not in xAPI).
  const extensions = results[0].detail.xapi.result.extensions;
  for (const [field, iri] of [['hit_rate', 'hit-rate'], ['false_alarm_rate', 'false-alarm-rate'], ['d_prime', 'd-prime'], ['criterion', 'criterion']]) {
    const value = results[0].detail[field];
    assert.ok(value === null || Number.isFinite(value), `${field}: ${value}`);
    const key = Object.keys(extensions).find(k => k.endsWith(`#scamspot-${iri}`));
    assert.equal(key === undefined ? null : extensions[key], value, `${field} as an xAPI extension`);
  }
  const { scams_caught: caught, scams_total: scams, hit_rate: hitRate } = results[0].detail;
  assert.equal(hitRate, scams ? Math.round(1000 * caught / scams) / 1000 : null);
  assert.deepEqual(errors, []);
});

test('the README iframe snippet, pasted as it stands into a page on another origin, fits its content and delivers the result', async t => {
  const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const snippet = readme.split('```html\n').map(block => block.split('\n```')[0]).find(block => block.includes('embed.html?'));
  assert.ok(snippet, 'the README has an iframe snippet');
  // Only the two addresses the README says to replace are replaced.
  const pasted = snippet.replaceAll('https://fanzha.example.edu.cn/scamspot/', `${servers.widget}/`).replaceAll('https://www.your-campus.edu.cn', servers.host);
  hostPages['/campus/news.html'] = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>新闻</title></head>
<body><h1>反诈练习</h1>\n${pasted}\n</body></html>`;
  const { page, errors } = await open(t, `${servers.host}/campus/news.html`, 'phone', 'zh-CN');
  await page.evaluate(() => {
    window.received = [];
    document.addEventListener('scamspot:result', e => window.received.push({ tag: e.target.tagName, detail: e.detail }));
  });
  const frameEl = page.locator('iframe');
  const frame = page.frameLocator('iframe');
  await frame.locator('#start').waitFor();
  assert.ok(await fitsContent(frameEl, frame) > 300, 'the start screen has room, not the default 150 px');
  await frame.locator('#start').click();
  await frame.locator('[data-level="3"]').click();
  await playToEndCard(frame, 0);
  await fitsContent(frameEl, frame);
  // Leaving the round early (the logo goes back to the start) reports it, once.
  await frame.locator('.brand').click();
  await frame.locator('#leave-round').click(); // "Leave this round?"
  await page.waitForFunction(() => window.received.length > 0);
  await page.waitForTimeout(300);
  const received = await page.evaluate(() => window.received);
  assert.equal(received.length, 1);
  assert.equal(received[0].tag, 'IFRAME');
  assert.equal(received[0].detail.completed, false);
  assert.equal(received[0].detail.scenarios_played, 1);
  assert.deepEqual(errors, []);
});

test('a script embed from a server without CORS says so in the element, naming the header', async t => {
  const noCors = await serveDist(); // dist/ without Access-Control-Allow-Origin
  t.after(() => noCors.close());
  hostPages['/campus/no-cors.html'] = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>No CORS</title>
<script src="${noCors.url}embed.js" defer></script></head>
<body><h1>Campus</h1><scam-spot id="w" lang="en"></scam-spot></body></html>`;
  const { page } = await open(t, `${servers.host}/campus/no-cors.html`, 'phone', 'en');
  const notice = page.locator('#w [role="alert"]');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /Access-Control-Allow-Origin/);
  assert.ok(text.includes(new URL(noCors.url).origin), text);
  assert.ok(await notice.evaluate(n => n.getBoundingClientRect().height) > 40, 'the message takes visible space');
});

test('closing the page mid-round still reports the round to the host, once, as not completed', async t => {
  const url = `${servers.host}/examples/campus-script.html?widget=${servers.widget}`;
  const { page } = await open(t, url, 'phone', 'zh-CN');
  // What a real host does with a result as its page goes away: keep it
  // synchronously (a campus site would use navigator.sendBeacon).
  await page.evaluate(() => document.addEventListener('scamspot:result', e => {
    const kept = JSON.parse(localStorage.getItem('kept') || '[]');
    localStorage.setItem('kept', JSON.stringify([...kept, { from: e.target.id, detail: e.detail }]));
  }));
  const widget = page.locator('#zh-widget');
  await press(widget.locator('#start'));
  await press(widget.locator('[data-level="2"]'));
  await widget.locator('section.scenario').waitFor();
  await page.goto(`${servers.host}/examples/campus.css`); // the learner closes the tab or follows a link
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('kept') || '[]'));
  assert.equal(kept.length, 1, JSON.stringify(kept));
  assert.deepEqual([kept[0].from, kept[0].detail.completed, kept[0].detail.confidence_before], ['zh-widget', false, 2]);
});

test('the campus security office a deployment sets is in the debrief, with its number to tap', async t => {
  // Settings are the same on every host; here as the app's own page's query parameters.
  const [first] = JSON.parse(readDist('packs/index.json')).packs;
  const settings = new URLSearchParams({ lang: 'zh-CN', scenario: first.id, 'security-name': '江城大学保卫处', 'security-phone': '0571-8888 1234' });
  const { page, errors } = await open(t, `${servers.widget}/?${settings}`, 'phone', 'zh-CN');
  await press(page.locator('#start'));
  await press(page.locator('[data-level="3"]'));
  await playToEndCard(page);
  await press(page.locator('#see-debrief'));
  const office = page.locator('.channel-list #campus-security');
  assert.match(await office.innerText(), /^江城大学保卫处\s+电话：0571-8888 1234$/);
  assert.equal(await office.locator('a').getAttribute('href'), 'tel:0571-88881234');
  assert.equal(await page.locator('#fiction-note').innerText(), '本场景中的机构、人名、号码、网址均为虚构。');
  assert.deepEqual(await axeViolations(page), [], 'debrief with the office: accessibility');
  assert.deepEqual(errors, []);
});
