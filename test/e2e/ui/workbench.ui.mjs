// Browser UI tests, driven as a person would. (1) A person types a mistake into a draft in the VS Code
// workbench, sees the squiggle and the Problems entry, and fixes it with the
// keyboard (Ctrl+. then Enter). (2) The Outline view shows the 公文 structure
// and picking a heading moves the cursor. Run by scripts/e2e/run.mjs (phase 2).
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

/** Open a workspace file with Quick Open (Ctrl+P), as a person would; returns the editor. */
async function quickOpen(page, name, expectText) {
  await page.keyboard.press('Control+P');
  const quickInput = page.locator('.quick-input-widget input');
  await quickInput.waitFor();
  await quickInput.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line', { hasText: expectText }).waitFor();
  return editor;
}

async function workbenchReady(page, fileName) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  // The explorer lists the folder once the remote connection is up.
  await page.getByRole('treeitem', { name: new RegExp(fileName.replace('.', '\\.')) }).waitFor({ timeout: 60000 });
}

export const tests = [
  {
    name: 'quick fix with the keyboard',
    timeoutS: 150,
    async run({ page, folder, artifacts, log, open }) {
      fs.writeFileSync(path.join(folder, 'draft.md'), `${TITLE}\n\n`);
      await open();
      await workbenchReady(page, 'draft.md');
      log('workbench ready');
      const editor = await quickOpen(page, 'draft.md', '关于召开年度工作会议的通知');
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
      assert.match(problemText, /应使用全角冒号“：”/);
      log(`problems panel: ${problemText.trim()}`);

      // Back to the editor; cursor on the colon; Ctrl+. opens the quick fixes.
      // The keys can race the focus change from the Problems panel on a busy
      // machine (the menu then never opens): wait for the editor to have
      // focus, and try the key sequence again if no menu appears.
      const menu = page.locator('.action-widget');
      const firstAction = menu.locator('.monaco-list-row.action').first();
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+1');
        await editor.locator('textarea').first().waitFor({ state: 'attached', timeout: 10000 });
        await page.waitForFunction(() => !!document.activeElement?.closest('.monaco-editor'), null, { timeout: 10000 }).catch(() => undefined);
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Control+.');
        try {
          await firstAction.waitFor({ timeout: attempt < 3 ? 8000 : 20000 });
          break;
        } catch (e) {
          if (attempt >= 3) throw e;
          log(`no quick-fix menu yet (attempt ${attempt}), trying again`);
          await page.keyboard.press('Escape');
        }
      }
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
  {
    name: 'outline view shows the 公文 structure',
    timeoutS: 150,
    async run({ page, folder, artifacts, log, open }) {
      fs.writeFileSync(
        path.join(folder, 'outline.md'),
        [
          '# 关于做好2024年防汛工作的通知',
          '',
          '各区县人民政府：',
          '',
          '为切实做好防汛工作，现将有关事项通知如下。',
          '',
          '一、总体要求',
          '',
          '（一）提高认识。各单位要高度重视。',
          '',
          '二、工作措施',
          '',
          '各单位要加强值班。',
          '',
          '某某市人民政府',
          '',
          '2024年5月6日',
          '',
        ].join('\n'),
      );
      await open();
      await workbenchReady(page, 'outline.md');
      await quickOpen(page, 'outline.md', '关于做好2024年防汛工作的通知');
      log('draft open');

      // Make room: collapse the folder section, then expand the Outline view
      // (its rows are virtualised: only visible rows exist in the DOM).
      const folderHeader = page.locator('.pane-header', { hasText: path.basename(folder) }).first();
      if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
      const header = page.locator('.pane-header', { hasText: /^Outline|大纲/ }).first();
      await header.waitFor();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const outline = page.locator('.outline-pane');
      const row = (text) => outline.locator('.monaco-list-row', { hasText: text }).first();
      // With a second symbol provider (VS Code's own Markdown outline) the view may
      // switch to one group per provider while it loads and re-render collapsed:
      // expand whatever is collapsed and read the levels again until they settle.
      const expand = async (name) => {
        const r = row(name);
        if ((await r.count()) && (await r.getAttribute('aria-expanded', { timeout: 2000 }).catch(() => null)) === 'false')
          await r.locator('.monaco-tl-twistie').click({ timeout: 2000 }).catch(() => undefined);
      };
      const level = async (name) => Number(await row(name).getAttribute('aria-level', { timeout: 2000 }));
      const names = ['关于做好2024年防汛工作的通知', '主送机关', '正文', '一、总体要求', '（一）提高认识', '二、工作措施', '发文机关署名', '成文日期'];
      await waitUntil('the outline to show the 公文 structure', async () => {
        for (const name of ['公文结构', '正文', '一、总体要求']) await expand(name);
        for (const name of names) if (!(await row(name).count())) return false;
        try {
          // 一、 is nested under 正文, （一） under 一、.
          return (
            (await level('一、总体要求')) === (await level('正文')) + 1 &&
            (await level('（一）提高认识')) === (await level('一、总体要求')) + 1 &&
            (await level('二、工作措施')) === (await level('一、总体要求'))
          );
        } catch {
          return false;
        }
      }, 60000);
      log('outline rows: ' + (await outline.locator('.monaco-list-row').allTextContents()).map((t) => t.trim()).join(' | '));

      // Picking a heading in the outline moves the cursor to it.
      await row('二、工作措施').click();
      await waitUntil('the cursor on line 11', async () =>
        /Ln 11,/.test((await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().textContent()) ?? ''),
      );
      await page.screenshot({ path: path.join(artifacts, 'e2e-outline.png') });
    },
  },
];
