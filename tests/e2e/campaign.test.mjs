// A campus campaign end to end (issue 16), on the real lecture server
// (crates/server) serving dist/ with a fresh SQLite file, at phone size
// (360x740): the organiser creates a campaign for three classes on the
// campaigns page and opens its own page (the key leaves the URL); a student
// opens the first class's link and plays the campaign round to a certificate
// card and adds their student number to it; a counsellor verifies its code
// with that number (valid, matches), with another number (differs) and an
// altered code (not valid); the organiser's dashboard shows the pass for
// that class, its CSV the same rows, and rotating the key refuses the old
// one. axe finds no violation on any of the new pages. Then the class's
// `<scam-spot campaign>` snippet, copied from the campaign page and pasted
// as it stands into a campus page on another origin, plays to a certificate
// that the dashboard counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { launch, phonePage, playToEndCard, axeViolations } from './helpers.mjs';
import { startLectureServer, HOST_KEY } from './lecture-server.mjs';

const CLASSES = ['计科 2601', '软工 2602', '数媒 2603'];

/** A date `days` from today, as `<input type=date>` takes it. */
function dateIn(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Plays every scenario of the round on screen, always taking the first
 *  choice, then gives the closing confidence rating. */
async function playRound(page) {
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  for (let scenario = 0; scenario < 12; scenario++) {
    await playToEndCard(page, 0);
    await page.locator('#see-debrief').tap();
    await page.locator('#next').tap();
    const next = page.locator('.end-card, .choice, #spot-done, .waiting .link, [data-level]').first();
    await next.waitFor();
    if (await next.getAttribute('data-level') !== null) {
      await page.locator('[data-level="4"]').tap();
      return;
    }
  }
  throw new Error('the round did not end');
}

test('a campaign: created for three classes, played to a certificate, verified, counted on the dashboard', async t => {
  const server = await startLectureServer();
  const browser = await launch();
  t.after(async () => { await browser.close(); await server.stop(); });

  // The organiser: the campaigns page with the host key in its fragment.
  const organiser = await phonePage(browser, 'zh-CN');
  const admin = organiser.page;
  await admin.goto(`${server.url}/?campaigns#key=${HOST_KEY}`);
  await admin.locator('#campaign-name').fill('2026 新生反诈训练');
  await admin.locator('#deadline').fill(dateIn(30));
  await admin.locator('#pass-mark').fill('0');
  await admin.locator('#round-length').fill('3');
  await admin.locator('#min-genuine').fill('1');
  await admin.locator('#classes').fill(CLASSES.join('\n'));
  await admin.locator('#require-number').check();
  assert.deepEqual(await axeViolations(admin), [], 'campaigns page accessibility');
  await admin.locator('#create-campaign').tap();
  const adminLink = await admin.locator('#admin-link').inputValue();
  assert.match(adminLink, /\?campaign-admin=c[a-z0-9]{10}#key=[0-9a-f]{32}$/);
  assert.deepEqual(await axeViolations(admin), [], 'the admin link, shown once');
  await admin.locator('#open-admin').tap();
  await admin.locator('#campaign-name').waitFor();
  assert.equal(await admin.locator('#campaign-name').innerText(), '2026 新生反诈训练');
  assert.ok(!admin.url().includes('#key='), 'the key has left the address bar');
  assert.equal(await admin.locator('.class-card').count(), 3);
  const classLink = await admin.locator('#class-0-link').inputValue();
  const token = new URL(classLink).searchParams.get('campaign');
  assert.match(await admin.locator('#class-0-element').inputValue(), new RegExp(`<scam-spot campaign="${token}">`));
  assert.match(await admin.locator('#class-0-iframe').inputValue(), new RegExp(`embed\\.html\\?campaign=${token}`));
  assert.equal(await admin.locator('tr[data-class="计科 2601"] td').nth(2).innerText(), '0', 'no pass yet');
  assert.deepEqual(await axeViolations(admin), [], 'campaign page accessibility');

  // A student of the first class, on their phone.
  const student = await phonePage(browser, 'zh-CN');
  const phone = student.page;
  await phone.goto(classLink);
  await phone.getByRole('heading', { name: '2026 新生反诈训练' }).waitFor();
  assert.match(await phone.locator('.campaign-start').innerText(), /计科 2601[\s\S]*共 3 个情景，及格分 0/);
  assert.deepEqual(await axeViolations(phone), [], 'campaign start screen accessibility');
  await playRound(phone);
  await phone.locator('#certificate').waitFor();
  assert.equal(await phone.locator('#campaign-delivery').innerText(), '成绩已保存 ✓');
  const card = await phone.locator('#certificate').innerText();
  assert.match(card, /结业证书[\s\S]*2026 新生反诈训练 · 计科 2601[\s\S]*通过，得分 \d+/);
  const code = (await phone.locator('#certificate-code').innerText()).trim();
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await phone.waitForFunction(() => document.querySelector('.certificate-qr')?.naturalWidth > 0, null,
    { timeout: 5000 });
  assert.deepEqual(await axeViolations(phone), [], 'certificate card accessibility');
  await phone.locator('#student-number').fill('学号');
  await phone.getByRole('button', { name: '登记学号' }).tap();
  assert.match(await phone.locator('#student-number-note').innerText(), /4–20 位/);
  await phone.locator('#student-number').fill('2026 0101');
  await phone.getByRole('button', { name: '登记学号' }).tap();
  await phone.getByText('学号已登记 ✓').waitFor();
  // Back at the class's start screen, the certificate is still at hand.
  await phone.locator('.brand').tap();
  await phone.locator('.campaign-start').waitFor();
  assert.equal((await phone.locator('#certificate-code').innerText()).trim(), code);

  assert.deepEqual(student.errors, [], 'the class link played to its certificate without an error');
  // The iframe snippet's page shows the same class's start. (Opened as a
  // top page, it has no icon, so the browser's /favicon.ico 404 may be logged.)
  await phone.goto(`${server.url}/embed.html?campaign=${token}`);
  await phone.getByRole('heading', { name: '2026 新生反诈训练' }).waitFor();
  assert.match(await phone.locator('.campaign-start').innerText(), /计科 2601/);

  // A counsellor checks the code, then a code with one character changed.
  const counsellor = await phonePage(browser, 'zh-CN');
  const verify = counsellor.page;
  await verify.goto(`${server.url}/?verify=${code}`);
  assert.equal(await verify.locator('#certificate-code').inputValue(), code, 'the code from the link is filled in');
  await verify.locator('#student-number').fill('20260101');
  await verify.locator('#verify').tap();
  await verify.locator('#verdict.valid').waitFor();
  assert.match(await verify.locator('#verdict').innerText(), /有效[\s\S]*2026 新生反诈训练 · 计科 2601[\s\S]*学号一致/);
  assert.deepEqual(await axeViolations(verify), [], 'verify page accessibility (valid)');
  await verify.locator('#student-number').fill('20269999');
  await verify.locator('#verify').tap();
  await verify.getByText('学号不一致。').waitFor();
  const altered = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
  await verify.locator('#certificate-code').fill(altered);
  await verify.locator('#verify').tap();
  await verify.locator('#verdict.not-valid').waitFor();
  assert.match(await verify.locator('#verdict').innerText(), /无效/);
  assert.deepEqual(await axeViolations(verify), [], 'verify page accessibility (not valid)');

  // The organiser's dashboard counts the pass for that class only.
  await admin.locator('#refresh').tap();
  const passed = admin.locator('tr[data-class="计科 2601"] td').nth(2);
  await assert.doesNotReject(async () => {
    for (let i = 0; i < 50 && (await passed.innerText()) !== '1'; i++) await admin.waitForTimeout(100);
  });
  assert.equal(await passed.innerText(), '1');
  assert.equal(await admin.locator('tr[data-class="软工 2602"] td').nth(2).innerText(), '0');
  assert.equal(await admin.locator('tr.overall td').nth(1).innerText(), '1', 'one round completed in all');
  assert.deepEqual(await axeViolations(admin), [], 'dashboard accessibility');
  // The CSV holds the same figures, a row per class and one for all.
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator('#download-csv').tap()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.match(csv, /计科 2601/);
  assert.equal(csv.trim().split('\n').length, 1 + CLASSES.length + 1, csv);
  // Rotating the key (two presses) shows the new link once; the old one stops working, the page goes on.
  await admin.locator('#rotate-key').tap();
  await admin.locator('#rotate-key').tap();
  const rotated = await admin.locator('#admin-link').inputValue();
  assert.notEqual(rotated, adminLink);
  const stale = await fetch(`${server.url}/api/campaigns/${new URL(adminLink).searchParams.get('campaign-admin')}`,
    { headers: { 'X-ScamSpot-Key': adminLink.split('#key=')[1] } });
  assert.equal(stale.status, 403, 'the old key is refused');
  await admin.locator('#refresh').tap();
  await admin.locator('#dashboard-table').waitFor();
  assert.deepEqual(organiser.errors, []);
  // The 404 of an altered code is the one error the verify page may log.
  assert.deepEqual(counsellor.errors.filter(e => !/404/.test(e)), []);
});

test('the class snippet pasted into a campus page on another origin plays to a certificate', async t => {
  const server = await startLectureServer();
  const browser = await launch();
  const created = await fetch(`${server.url}/api/campaigns`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      host_key: HOST_KEY,
      spec: { name: '保卫处春季训练', deadline_day: Math.floor(Date.now() / 86_400_000) + 30, pass_mark: 0,
        round: { length: 3, min_genuine: 1, types: [] }, classes: ['法学 2604'] },
    }),
  }).then(r => r.json());
  // The snippet as the campaign's page offers it for copying.
  const organiser = await phonePage(browser, 'zh-CN');
  await organiser.page.goto(created.admin_url);
  const snippet = await organiser.page.locator('#class-0-element').inputValue();
  // The campus site: its own origin (localhost, not the server's 127.0.0.1), the snippet pasted as it stands.
  const campus = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>保卫处</title><h1>反诈训练</h1>\n${snippet}\n`);
  });
  await new Promise(resolve => campus.listen(0, '127.0.0.1', resolve));
  t.after(async () => { campus.close(); await browser.close(); await server.stop(); });
  const student = await phonePage(browser, 'zh-CN');
  const page = student.page;
  const campusUrl = `http://localhost:${campus.address().port}/`;
  await page.goto(campusUrl);
  await page.getByRole('heading', { name: '保卫处春季训练' }).waitFor();
  assert.match(await page.locator('.campaign-start').innerText(), /法学 2604/);
  // The result's first journey never ends: the student closes the page while it is on its way…
  let held = 0;
  await page.route('**/results', () => { held++; });
  await playRound(page);
  await page.getByText('正在提交成绩……').waitFor();
  assert.equal(held, 1);
  await page.close();
  // …and the next visit sends it again and shows what the server made of it.
  const again = await student.page.context().newPage();
  await again.goto(campusUrl);
  const card = again.locator('#certificate');
  await card.waitFor();
  assert.equal(await again.locator('#campaign-delivery').innerText(), '成绩已保存 ✓');
  assert.match((await again.locator('#certificate-code').innerText()).trim(), /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await again.reload();
  await again.locator('.campaign-start').waitFor();
  assert.equal(await again.locator('#certificate').count(), 0, 'once taken, it is not sent again');
  const figures = await fetch(`${server.url}/api/campaigns/${created.id}/dashboard`,
    { headers: { 'X-ScamSpot-Key': created.admin_secret } }).then(r => r.json());
  assert.equal(figures.classes[0].passed, 1, 'the campus page\'s round reached the dashboard');
  assert.deepEqual(student.errors, []);
});
