// Every shipped scenario plays to its end in the browser, in both languages:
// always the first choice in Chinese, always the last in English, so both
// extremes of each scenario's branches are walked with no dead end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, phonePage } from './helpers.mjs';

const catalog = fs.readFileSync(path.resolve(import.meta.dirname, '../../static/packs/catalog.toml'), 'utf8');
const packs = [...catalog.matchAll(/file = "([^"]+)"/g)].map(m => m[1]);
let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function playToEnd(page, pick) {
  for (let steps = 0; steps < 60; steps++) {
    const state = await page.waitForFunction(() => {
      if (document.querySelector('.end-card')) return 'end';
      if (document.querySelector('.waiting .link')) return 'waiting';
      if (document.querySelector('#spot-done')) return 'spot';
      if (document.querySelector('.choice')) return 'choices';
      return false;
    }).then(h => h.jsonValue());
    if (state === 'end') return;
    if (state === 'waiting') await page.locator('.waiting .link').click();
    else if (state === 'spot') await page.locator('#spot-done').click();
    else {
      const step = await page.locator('section.scenario').getAttribute('data-step');
      const choices = page.locator('.choice');
      await choices.nth(pick(await choices.count())).click();
      await page.waitForFunction(s => document.querySelector('section.scenario')?.dataset.step !== s, step);
    }
  }
  assert.fail('no end after 60 actions');
}

for (const [locale, pick, label] of [['zh-CN', () => 0, 'first'], ['en', n => n - 1, 'last']]) {
  test(`${locale}: every scenario reaches an end taking the ${label} choice`, async () => {
    const { context, page, errors } = await phonePage(browser, locale);
    for (const pack of packs) {
      await page.goto(`${server.url}?scenario=${pack}`);
      await page.locator('#start').click();
      await page.locator('[data-level="3"]').click();
      await playToEnd(page, pick);
      await page.locator('#see-debrief').click();
      assert.ok((await page.locator('.right-action').innerText()).length > 10, `${pack}: debrief names the right action`);
      await page.locator('#next').click();
      await page.locator('[data-level="3"]').click();
      await page.locator('#result-points').waitFor();
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
