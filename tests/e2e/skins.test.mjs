// Channel skins: an SMS shows the phone's Messages sender line, a call opens
// on an incoming-call screen, a marketplace chat on its item card, and a
// message with a `card` shows as the phone's install or screen-share prompt,
// a picture (no controls) whose body is the pack's text. Names and numbers
// are the pack's; axe finds nothing, in light and dark.
// The marketplace, install-app and screen-share scenarios are the content
// writers' (issue 11): shop-fake-buyer-deposit, loan-internship-training-loan,
// recovery-upfront-fee. The test reads each pack to find its way there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, readDist, launch, phonePage, axeViolations } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** The compiled pack of scenario `id`, as the app loads it. */
function pack(id) {
  const index = JSON.parse(readDist('packs/index.json'));
  const entry = index.packs.find(p => p.id === id);
  assert.ok(entry, `no pack with id ${id} in dist/packs (is it merged?)`);
  return JSON.parse(readDist(`packs/${entry.file}`));
}

/** The choices (step id, authored index) that lead from the start to the first step `wanted` accepts. */
function pathTo(scenario, wanted) {
  const steps = new Map(scenario.steps.map(s => [s.id, s]));
  const queue = [[scenario.start, []]];
  const seen = new Set();
  while (queue.length) {
    const [id, path] = queue.shift();
    if (seen.has(id)) continue;
    seen.add(id);
    const step = steps.get(id);
    if (wanted(step)) return { step, path };
    if (step.spot) queue.push([step.spot.next, [...path, [id, 'spot']]]);
    (step.choices || []).forEach((c, i) => queue.push([c.next, [...path, [id, i]]]));
  }
  throw new Error(`${scenario.id}: no step reached that fits`);
}

/** Opens scenario `id` in `lang` and walks `path` (spot steps submitted untouched). */
async function open(lang, id, path = [], dark = false) {
  const opened = await phonePage(browser, lang === 'zh-CN' ? 'zh-CN' : 'en-US');
  if (dark) await opened.page.emulateMedia({ colorScheme: 'dark' });
  await opened.page.goto(`${server.url}?scenario=${id}&lang=${lang}`);
  await opened.page.locator('#start').tap();
  await opened.page.locator('[data-level="3"]').tap();
  for (const [step, choice] of path) {
    const at = opened.page.locator(`section.scenario[data-step="${step}"]`);
    if (choice === 'spot') await at.locator('#spot-done').tap();
    else await at.locator(`.choice[data-choice="${choice}"]`).tap();
  }
  return opened;
}

const text = (page, sel) => page.locator(sel).first().innerText();
// Until a step's first action shows, its messages are still arriving, each
// fading in: axe, run meanwhile, reads a half-faded one as low contrast.
const messagesIn = page => page.locator('section.scenario .choice, section.scenario #spot-done').first().waitFor();

test('an SMS shows the sender line of the phone’s Messages screen', async () => {
  const id = 'cs-real-pickup-sms';
  const { contact } = pack(id);
  const { context, page, errors } = await open('zh-CN', id);
  await page.locator('.sms-skin').waitFor();
  assert.equal(await text(page, '.sms-skin .skin-label'), '短信');
  assert.equal(await text(page, '.sms-sender'), (contact.detail || contact.name)['zh-CN']);
  await messagesIn(page);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a call opens on an incoming-call screen with the caller, then the transcript', async () => {
  const id = 'fp-real-96110-warning';
  const { contact } = pack(id);
  const { context, page, errors } = await open('en', id, [], true);
  const screen = page.getByRole('group', { name: 'Incoming call' });
  await screen.waitFor();
  assert.equal(await screen.locator('.caller-name').innerText(), contact.name.en);
  assert.equal(await screen.locator('.caller-number').innerText(), contact.detail.en);
  assert.equal(await text(page, '.call-transcript'), 'On the call');
  await page.locator('.call-skin + .transcript .msg').first().waitFor(); // the transcript follows the call screen
  await messagesIn(page);
  assert.deepEqual(await axeViolations(page), [], 'dark mode too');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second-hand marketplace chat opens on its item card', async () => {
  const id = 'shop-fake-buyer-deposit';
  const { contact, channel } = pack(id);
  assert.equal(channel, 'marketplace');
  const { context, page, errors } = await open('zh-CN', id);
  const card = page.getByRole('group', { name: '交易商品' });
  await card.waitFor();
  assert.equal(await card.locator('.item-title').innerText(), (contact.detail || contact.name)['zh-CN']);
  assert.equal(await page.locator('section.scenario.marketplace').count(), 1);
  await messagesIn(page);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [id, card, title, lang] of [
  ['loan-internship-training-loan', 'install-app', 'Install app?', 'en'],
  ['recovery-upfront-fee', 'screen-share', '开始共享屏幕？', 'zh-CN'],
]) {
  test(`the ${card} card shows as the phone’s prompt, a picture the step’s choices act on`, async () => {
    const scenario = pack(id);
    const { step, path } = pathTo(scenario, s => (s.messages || []).some(m => m.card === card));
    const message = step.messages.find(m => m.card === card);
    for (const dark of [false, true]) {
      const { context, page, errors } = await open(lang, id, path, dark);
      const prompt = page.getByRole('group', { name: title });
      await prompt.waitFor();
      assert.equal(await page.locator(`.phone-prompt.${card}`).count(), 1);
      // The body is the pack's text, whole or as phrases to tap in a spot step.
      assert.equal((await prompt.locator('.prompt-body').innerText()).replace(/\s+/g, ''),
        message.text[lang].replace(/\s+/g, ''));
      const controls = await prompt.locator('button:not(.phrase):not(.read-aloud)').count();
      assert.equal(controls, 0, 'the drawn Cancel/Install buttons are not controls');
      if (step.spot) {
        assert.ok(await prompt.locator('.phrase').count() > 1, 'a card in a spot step is tapped like any message');
      }
      await messagesIn(page);
      assert.deepEqual(await axeViolations(page), [], dark ? 'dark' : 'light');
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}
