// No answer by position: each learner sees a decision's choices in an order
// of their own, kept across a reload and for their next round; `seed=` gives
// a lecture room one order. Taps still name the authored choice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, phonePage } from './helpers.mjs';

// A genuine look-alike that opens on a three-choice decision.
const GENUINE = 'ep-community-health-check';
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** The authored indices of the opening decision's choices, top to bottom. */
async function shownOrder(page) {
  const choices = page.locator('section.scenario[data-step="notice"] .choice');
  await choices.first().waitFor();
  return choices.evaluateAll(buttons => buttons.map(b => `${b.dataset.choice}@${b.dataset.position}`));
}

async function openDecision(page, query = '') {
  await page.goto(`${server.url}?scenario=${GENUINE}${query}`);
  await page.locator('#start').tap();
  await page.locator('[data-level="3"]').tap();
  return shownOrder(page);
}

test('fresh learners see their own orders, each kept across a reload and a new round', async () => {
  const orders = [];
  for (let learner = 0; learner < 6; learner++) {
    const { context, page, errors } = await phonePage(browser, 'zh-CN');
    const order = await openDecision(page);
    assert.deepEqual(order.map(o => o.split('@')[1]), ['0', '1', '2'], 'positions top to bottom');
    assert.deepEqual(order.map(o => o.split('@')[0]).sort(), ['0', '1', '2'], 'every authored choice once');
    orders.push(order.join());
    if (learner === 0) {
      await page.reload();
      assert.deepEqual(await shownOrder(page), order, 'a reload resumes the round in the same order');
      await page.locator('#lang-switch').tap();
      await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
      assert.deepEqual(await shownOrder(page), order, 'a language switch keeps the order');
      // A new round on a new page: the round in progress forgotten, the saved progress (and its seed) kept.
      const later = await context.newPage();
      await later.goto(server.url);
      const seed = await later.evaluate(() => {
        localStorage.removeItem('scamspot.round');
        return JSON.parse(localStorage.getItem('scamspot.progress')).seed;
      });
      assert.ok(Number.isInteger(seed), `the learner's seed is saved: ${seed}`);
      assert.deepEqual(await openDecision(later), order, 'the next round (same saved progress) too');
      await later.close();
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
  // Six learners all alike by chance: (1/6)^5, about 1 in 7800.
  assert.ok(new Set(orders).size > 1, `six fresh learners, one order: ${orders[0]}`);
});

test('a lecture seed shows everyone the same order, and a tap still picks the authored choice', async () => {
  const orders = [];
  for (let learner = 0; learner < 2; learner++) {
    const { context, page, errors } = await phonePage(browser, 'en-US');
    orders.push(await openDecision(page, '&seed=20261130'));
    if (learner === 1) {
      // Whatever its position, authored choice 0 is this step's own first option.
      const first = page.locator('section.scenario .choice[data-choice="0"]');
      const text = await first.innerText();
      await first.tap();
      await page.locator('.msg.from-me').filter({ hasText: text }).waitFor();
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.deepEqual(orders[0], orders[1]);
});
