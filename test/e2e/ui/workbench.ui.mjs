// Browser UI test: a person types a mistake into a draft in the VS Code
// workbench, sees the squiggle and the Problems entry, and fixes it with the
// keyboard (Ctrl+. then Enter). Run by scripts/e2e/run.mjs (phase 2).
//
// Each test gets: page (playwright), folder (a fresh workspace folder on disk),
// artifacts (test-artifacts/), log(), open() (loads the workbench on `folder`
// with the extension under development).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const TITLE = '# 关于召开年度工作会议的通知';

/** Text of the editor's visible lines (Monaco renders spaces as U+00A0). */
async function editorText(page) {
  const lines = await page.locator('.monaco-editor .view-lines .view-line').allTextContents();
  return lines.map((l) => l.replace(/\u00a0/g, ' ')).join('\n');
}

async function waitUntil(what, fn, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const tests = [
  {
    name: 'quick fix with the keyboard',
    timeoutS: 150,
    async run({ page, folder, artifacts, log, open }) {
      fs.writeFileSync(path.join(folder, 'draft.md'), `${TITLE}\n\n`);
      await open();
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      // The explorer shows the folder once the remote connection is up.
      await page.getByRole('treeitem', { name: /draft\.md/ }).waitFor({ timeout: 60000 });
      log('workbench ready');

      // Open the draft with Quick Open, as a person would.
      await page.keyboard.press('Control+P');
      const quickInput = page.locator('.quick-input-widget input');
      await quickInput.waitFor();
      await quickInput.fill('draft.md');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'draft.md' }).first().waitFor();
      await page.keyboard.press('Enter');
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.view-line', { hasText: '关于召开年度工作会议的通知' }).waitFor();
      log('draft open');

      // Type the mistake at the end: an ASCII colon after Chinese text.
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('各单位:');
      await editor.locator('.view-line', { hasText: '各单位:' }).waitFor();

      // The squiggle under the colon...
      await editor.locator('[class*="squiggly-"]').first().waitFor({ timeout: 30000 });
      log('squiggle shown');
      // ...and the entry in the Problems panel.
      await page.keyboard.press('Control+Shift+M');
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: '全角冒号' }).first();
      await problem.waitFor({ timeout: 20000 });
      const problemText = (await problem.textContent()) ?? '';
      assert.match(problemText, /中文语句中应使用全角冒号“：”/);
      log(`problems panel: ${problemText.trim()}`);

      // Back to the editor; cursor on the colon; Ctrl+. opens the quick fixes.
      await page.keyboard.press('Control+1');
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      const firstAction = menu.locator('.monaco-list-row.action').first();
      await firstAction.waitFor({ timeout: 20000 });
      const actionTitle = (await firstAction.textContent()) ?? '';
      assert.match(actionTitle, /：/, `first quick fix is not the full-width colon: ${actionTitle}`);
      log(`quick fix offered: ${actionTitle.trim()}`);
      // The screenshot shows the squiggle, the Problems entry and the fix menu.
      await page.screenshot({ path: path.join(artifacts, 'e2e-quickfix.png') });

      await page.keyboard.press('Enter');
      await waitUntil('the full-width colon in the editor', async () => (await editorText(page)).includes('各单位：'));
      const text = await editorText(page);
      assert.ok(!text.includes('各单位:'), `ASCII colon still there:\n${text}`);
      assert.ok(text.startsWith(TITLE), `title changed:\n${text}`);

      // The diagnostic goes away: no squiggle, no Problems entry.
      await editor.locator('[class*="squiggly-"]').first().waitFor({ state: 'detached', timeout: 20000 });
      await page.locator('.markers-panel .monaco-list-row', { hasText: '全角冒号' }).first().waitFor({ state: 'detached', timeout: 20000 });
      await page.screenshot({ path: path.join(artifacts, 'e2e-quickfix-after.png') });
      log('fixed; squiggle and problem gone');
    },
  },
];
