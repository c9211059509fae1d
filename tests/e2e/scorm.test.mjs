// The SCORM 1.2 package (`cargo scamspot-scorm`) in a stand-in LMS: the zip
// is built from dist/, unzipped and served as an LMS would, with `.wasm` as
// application/octet-stream (streaming compilation fails, the app must start
// anyway); the "LMS" page provides the SCORM 1.2 API through scorm-again and
// frames scorm.html. A short round is played at 360x740, then the API must
// hold the status, score, session time and suspend data the adapter set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { axeViolations, launch, playToEndCard } from './helpers.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const scorm12 = fs.readFileSync(require.resolve('scorm-again/scorm12'));
/** The built-in pass mark the package is made with. Choice 2 of every
 *  fake-loan scam leaves it safely: 100 points of 140-170, 59-71 of 100. */
const PASS_MARK = 40;
const SAFE_CHOICE = 2;
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.xml': 'application/xml', '.wasm': 'application/octet-stream' };

// The LMS's side: window.API (scorm-again's SCORM 1.2 runtime, which must not
// derive the status from the score itself: the adapter's status is what is
// tested), the learner and mastery score from the query, and a record of every
// value the content sets.
const lmsScript = `
  const query = new URLSearchParams(location.search);
  window.API = new Scorm12API({ mastery_override: false, logLevel: 5 });
  API.loadFromJSON({ core: { student_id: query.get('student') || '' },
    student_data: { mastery_score: query.get('mastery') || '' }, suspend_data: query.get('suspend') || '' });
  window.lmsSets = [];
  window.lmsCalls = [];
  API.on('LMSSetValue.cmi.*', (element, value) => lmsSets.push([element, value]));
  for (const call of ['LMSInitialize', 'LMSCommit', 'LMSFinish']) API.on(call, () => lmsCalls.push(call));
`;
const lmsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title><link rel="icon" href="data:,">
<script src="/scorm12.js"></script><script src="/lms.js"></script></head>
<body><main><h1>Anti-fraud course</h1>
<iframe title="识骗 ScamSpot" src="/content/scorm.html" style="width:100%;height:700px;border:0"></iframe></main></body></html>`;

let browser, server, base, unpacked;
before(async () => {
  unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'scamspot-scorm-'));
  const zip = path.join(unpacked, 'package.zip');
  // One scam of one type: a round of a minute.
  execFileSync('cargo', ['scamspot-scorm', '--dist', path.join(repo, 'dist'), '--out', zip,
    '--pass-mark', String(PASS_MARK), '--length', '1', '--types', 'fake-loan', '--lang', 'zh-CN'], { cwd: repo, stdio: 'inherit' });
  execFileSync('unzip', ['-q', zip, '-d', path.join(unpacked, 'content')]);
  const content = path.join(unpacked, 'content');
  server = http.createServer((req, res) => {
    const wanted = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const fixed = { '/lms.html': [lmsPage, 'text/html'], '/lms.js': [lmsScript, 'text/javascript'], '/scorm12.js': [scorm12, 'text/javascript'] };
    if (fixed[wanted]) {
      res.writeHead(200, { 'content-type': fixed[wanted][1] });
      return res.end(fixed[wanted][0]);
    }
    const file = path.join(content, wanted.replace(/^\/content\//, '/'));
    if (!wanted.startsWith('/content/') || !file.startsWith(content + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404);
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
  if (unpacked) fs.rmSync(unpacked, { recursive: true, force: true });
});

/** Opens the LMS page with `query`, plays the one-scam round taking choice `pick`, and returns the page and the result event's detail. */
async function playInLms(t, query, pick) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [], warnings = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => (m.type() === 'error' ? errors : warnings).push(m.text()));
  await page.goto(`${base}/lms.html?${new URLSearchParams(query)}`);
  const frame = page.frame({ url: /scorm\.html$/ });
  await frame.evaluate(() => {
    window.scamspotResult = new Promise(resolve => document.addEventListener('scamspot:result', e => resolve(e.detail)));
  });
  const widget = page.frameLocator('iframe').locator('scam-spot');
  await widget.locator('#start').tap();
  await widget.locator('[data-level="3"]').tap();
  await playToEndCard(widget, pick);
  await widget.locator('#see-debrief').tap();
  await widget.locator('#next').tap();
  await widget.locator('[data-level="4"]').tap();
  await widget.locator('#result-points').waitFor();
  const detail = await frame.evaluate(() => window.scamspotResult);
  return { page, detail, errors, warnings };
}

/** What the LMS holds now. */
const lmsState = page => page.evaluate(() => ({
  status: API.cmi.core.lesson_status, raw: API.cmi.core.score.raw, min: API.cmi.core.score.min, max: API.cmi.core.score.max,
  suspend: API.cmi.suspend_data, sets: Object.fromEntries(lmsSets), calls: lmsCalls,
}));

test('the package plays in an LMS frame and reports a pass by the built-in pass mark', async t => {
  const { page, detail, errors, warnings } = await playInLms(t, { student: 'S2026001' }, SAFE_CHOICE);
  assert.equal(detail.completed, true);
  const raw = Math.round((100 * detail.score) / detail.max_score);
  assert.ok(raw >= PASS_MARK, `the round reached ${raw}, the pass case needs at least ${PASS_MARK}`);
  const lms = await lmsState(page);
  assert.equal(lms.status, 'passed');
  assert.deepEqual([lms.raw, lms.min, lms.max], [String(raw), '0', '100']);
  assert.match(lms.sets['cmi.core.session_time'], /^\d{4}:[0-5]\d:[0-5]\d\.\d{2}$/);
  assert.ok(lms.suspend.length <= 4096, `suspend_data is ${lms.suspend.length} characters`);
  assert.deepEqual(JSON.parse(lms.suspend), { v: 1, best: raw, last: {
    raw, scams: [detail.scams_caught, detail.scams_total], genuine: [detail.genuine_total - detail.genuine_refused, detail.genuine_total],
    flags: [detail.flags_found, detail.flags_total], seconds: detail.duration_seconds } });
  assert.deepEqual(lms.calls, ['LMSInitialize', 'LMSCommit']);
  // The learner id reached the element (the app puts it into the result's xAPI actor).
  const learner = await page.frameLocator('iframe').locator('scam-spot').getAttribute('learner');
  assert.equal(learner, 'S2026001');
  // The wasm came as application/octet-stream: the app started from its bytes.
  assert.ok(warnings.some(w => w.includes('instantiateStreaming')), 'streaming compilation was refused');
  assert.deepEqual(errors, []);
  assert.deepEqual(await axeViolations(page.frames().find(f => f.url().endsWith('scorm.html'))), []);

  // Leaving the page finishes the session: LMSFinish, with the exit left empty once passed.
  await page.evaluate(() => document.querySelector('iframe').remove());
  const finished = await lmsState(page);
  assert.deepEqual(finished.calls, ['LMSInitialize', 'LMSCommit', 'LMSCommit', 'LMSFinish']);
  assert.equal(finished.sets['cmi.core.exit'], '');
});

test("the LMS's mastery score wins over the built-in pass mark: above the score reached, the round fails", async t => {
  const { page, detail } = await playInLms(t, { student: 'learner with spaces', mastery: '100' }, SAFE_CHOICE);
  const raw = Math.round((100 * detail.score) / detail.max_score);
  assert.ok(raw < 100 && raw >= PASS_MARK, `reached ${raw}: passed by the built-in mark, failed by the LMS's`);
  const lms = await lmsState(page);
  assert.equal(lms.status, 'failed');
  assert.equal(lms.raw, String(raw));
  // An id the app would refuse is passed on as an opaque hash, never as it is.
  const learner = await page.frameLocator('iframe').locator('scam-spot').getAttribute('learner');
  assert.match(learner, /^lms-[0-9a-f]{16}$/);
});

test("a previous session's best round, kept in suspend_data, still counts after a lower one", async t => {
  const earlier = JSON.stringify({ v: 1, best: 100, last: { raw: 100 } });
  const { page, detail } = await playInLms(t, { mastery: '90', suspend: earlier }, SAFE_CHOICE);
  const lms = await lmsState(page);
  assert.ok(Math.round((100 * detail.score) / detail.max_score) < 90);
  assert.deepEqual([lms.status, lms.raw, JSON.parse(lms.suspend).best], ['passed', '100', 100]);
  // No learner id from the LMS: the element gets none (the app uses its own random one).
  assert.equal(await page.frameLocator('iframe').locator('scam-spot').getAttribute('learner'), null);
});
