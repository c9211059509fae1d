// Every end of every shipped scenario is reached in the browser by tapping,
// alternating Chinese and English: the shortest path to each end is worked
// out from the compiled pack, then played like a learner would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, readDist, launch, phonePage } from './helpers.mjs';

const index = JSON.parse(readDist('packs/index.json'));
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** For each end step: the shortest list of moves from the start (a choice index, or 'spot'). */
function pathsToEnds(scenario) {
  const steps = new Map(scenario.steps.map(s => [s.id, s]));
  const paths = new Map([[scenario.start, []]]);
  const queue = [scenario.start];
  while (queue.length) {
    const id = queue.shift();
    const step = steps.get(id);
    const moves = step.spot ? [['spot', step.spot.next]] : (step.choices || []).map((c, i) => [i, c.next]);
    for (const [move, next] of moves) {
      if (!paths.has(next)) { paths.set(next, [...paths.get(id), [id, move]]); queue.push(next); }
    }
  }
  return scenario.steps.filter(s => s.end).map(s => ({ end: s.id, outcome: s.end.outcome, moves: paths.get(s.id) }));
}

/** Waits for step `id` to be on screen with its messages arrived, skipping the typing pause. */
async function arrive(page, id) {
  const section = page.locator(`section.scenario[data-step="${id}"]`);
  await section.waitFor();
  const skip = section.locator('.waiting .link');
  if (await skip.count()) await skip.click().catch(() => {});
}

test('every end of every scenario is reachable by tapping, in both languages', async () => {
  assert.deepEqual(index.broken, [], 'the shipped build left no pack out');
  assert.ok(index.packs.length >= 40, `${index.packs.length} scenarios`);
  const pages = {};
  for (const locale of ['zh-CN', 'en']) pages[locale] = await phonePage(browser, locale);
  let played = 0;
  for (const pack of index.packs) {
    const scenario = JSON.parse(readDist(`packs/${pack.file}`));
    for (const { end, outcome, moves } of pathsToEnds(scenario)) {
      const locale = played++ % 2 ? 'en' : 'zh-CN';
      const { page } = pages[locale];
      try {
        await page.goto(`${server.url}?scenario=${pack.id}`);
        await page.locator('#start').click();
        await page.locator('[data-level="3"]').click();
        for (const [step, move] of moves) {
          await arrive(page, step);
          if (move === 'spot') await page.locator('#spot-done').click();
          else await page.locator(`section.scenario[data-step="${step}"] .choice[data-choice="${move}"]`).click();
        }
        await arrive(page, end);
        const card = page.locator('.end-card');
        await card.waitFor();
        assert.equal(await card.getAttribute('data-outcome'), outcome);
      } catch (error) {
        // Which play stopped, and what the page showed then.
        const shown = await page.locator('body').innerText().catch(() => '(page gone)');
        error.message = `${pack.id} → ${end} (${locale}): ${error.message}\nthe page showed: ${shown.slice(0, 300)}`;
        throw error;
      }
    }
  }
  for (const { page, errors, context } of Object.values(pages)) {
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.ok(played >= 150, `${played} ends played`);
});
