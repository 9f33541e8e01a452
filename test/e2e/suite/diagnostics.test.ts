// Diagnostics, quick fixes and fix-all of the real extension in a real VS Code.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  codeActions,
  codeOf,
  describeDiagnostics,
  gongwenDiagnostics,
  lineOf,
  openDraft,
  waitForDiagnostics,
  waitForText,
} from './helpers';

// The ASCII colon after the recipient is reported once: as the 主送机关 rule's finding
// (the more specific one), which the generic full-width rule then leaves alone.
const COLON_RULES: Array<string | number | undefined> = ['punctuation/fullwidth', 'structure/recipient-colon'];

const DRAFT = [
  '# 关于做好安全生产工作的通知',
  '',
  '各区县人民政府:',
  '',
  '请各单位于3月1日前报送材料(电子版),逾期不候.',
  '',
  '国办发[2024]第012号',
  '',
].join('\n');

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('gongwen');

describe('gongwen in VS Code: diagnostics and fixes', function () {
  before(async function () {
    this.timeout(60000);
    await activateExtension();
  });

  afterEach(closeAllEditors);

  it('activates and contributes gongwen.fixAll', async function () {
    const ext = await activateExtension();
    assert.equal(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('gongwen.fixAll'), 'gongwen.fixAll is not registered');
  });

  it('reports an ASCII colon after Chinese text as punctuation/fullwidth', async function () {
    const editor = await openDraft('draft.md', DRAFT);
    const doc = editor.document;
    assert.equal(doc.languageId, 'markdown');
    const line = lineOf(doc, '各区县人民政府:');

    const ds = await waitForDiagnostics(
      doc.uri,
      (all) => all.some((d) => COLON_RULES.includes(codeOf(d)) && d.range.start.line === line),
      'punctuation/fullwidth on the recipient line',
    );
    const colon = ds.find((d) => COLON_RULES.includes(codeOf(d)) && d.range.start.line === line)!;
    assert.equal(colon.source, 'gongwen');
    assert.equal(doc.getText(colon.range), ':', `diagnostic range should cover the colon: ${describeDiagnostics([colon])}`);
    assert.match(colon.message, /全角冒号“：”/);
    assert.equal(colon.severity, vscode.DiagnosticSeverity.Error);
    // The heading, 文号 and other lines carry no punctuation/fullwidth finding on the colon line's neighbours.
    assert.ok(
      !ds.some((d) => codeOf(d) === 'punctuation/fullwidth' && d.range.start.line === 0),
      `false alarm on the title: ${describeDiagnostics(ds)}`,
    );
  });

  it('explains a finding on hover: what is wrong, what to write, which clause', async function () {
    const editor = await openDraft('hover.md', DRAFT);
    const doc = editor.document;
    const line = lineOf(doc, '各区县人民政府:');
    const ds = await waitForDiagnostics(
      doc.uri,
      (all) => all.some((d) => COLON_RULES.includes(codeOf(d)) && d.range.start.line === line),
      'the colon diagnostic',
    );
    const colon = ds.find((d) => COLON_RULES.includes(codeOf(d)) && d.range.start.line === line)!;
    const hovers =
      (await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', doc.uri, colon.range.start)) ?? [];
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /全角冒号“：”/, `hover lacks the message:\n${text}`);
    assert.match(text, /建议：改为“：”/, `hover lacks the suggestion:\n${text}`);
    assert.match(text, /依据：.*GB\/T (15834|9704)/, `hover lacks the clause:\n${text}`);
    assert.match(text, /punctuation\/fullwidth|structure\/recipient-colon/, `hover lacks the rule id:\n${text}`);
  });

  it('applies the quick fix through the code action provider and the diagnostic goes away', async function () {
    const editor = await openDraft('quickfix.md', DRAFT);
    const doc = editor.document;
    const line = lineOf(doc, '各区县人民政府:');
    const isColon = (d: vscode.Diagnostic) => COLON_RULES.includes(codeOf(d)) && d.range.start.line === line;

    const ds = await waitForDiagnostics(doc.uri, (all) => all.some(isColon), 'the colon diagnostic');
    const colon = ds.find(isColon)!;

    const actions = await codeActions(doc.uri, colon.range, vscode.CodeActionKind.QuickFix);
    // (VS Code's executeCodeActionProvider drops CodeAction.diagnostics, so
    // match on the range asked for, the preferred flag and the edit.)
    const fix = actions.find((a) => a.edit && a.isPreferred);
    assert.ok(fix, `no preferred quick fix offered; got: ${describeActions(actions)}`);
    assert.match(fix.title, /：/);

    const applied = await vscode.workspace.applyEdit(fix.edit!);
    assert.equal(applied, true, 'workspace.applyEdit refused the quick fix');
    await waitForText(doc, (t) => t.includes('各区县人民政府：'), 'the full-width colon');
    assert.equal(doc.lineAt(line).text, '各区县人民政府：');
    // Nothing else was touched by this one fix.
    assert.ok(doc.getText().includes('(电子版),逾期不候.'), 'the quick fix changed other text');

    await waitForDiagnostics(doc.uri, (all) => !all.some(isColon), 'the colon diagnostic to disappear');
    // The other findings in the paragraph are still reported.
    const rest = gongwenDiagnostics(doc.uri);
    assert.ok(
      rest.some((d) => codeOf(d) === 'punctuation/fullwidth'),
      `the remaining punctuation findings vanished too: ${describeDiagnostics(rest)}`,
    );
  });

  it('gongwen.fixAll leaves no safely fixable diagnostic', async function () {
    const editor = await openDraft('fixall.md', DRAFT);
    const doc = editor.document;
    const before = await waitForDiagnostics(
      doc.uri,
      (all) => all.filter((d) => COLON_RULES.includes(codeOf(d))).length >= 4,
      'four punctuation findings (one of them the recipient colon)',
    );
    const fixableBefore = await fixableDiagnostics(doc.uri, before);
    assert.ok(fixableBefore.length >= 4, `expected fixable findings, got: ${describeDiagnostics(fixableBefore)}`);

    await vscode.commands.executeCommand('gongwen.fixAll');
    await waitForText(doc, (t) => t.includes('报送材料（电子版），逾期不候。'), 'fix-all edits');
    assert.equal(doc.lineAt(lineOf(doc, '各区县人民政府')).text, '各区县人民政府：');
    assert.ok(doc.getText().startsWith('# 关于做好安全生产工作的通知\n'), 'fix-all changed the title');

    const after = await waitForDiagnostics(
      doc.uri,
      (all) => !all.some((d) => COLON_RULES.includes(codeOf(d))),
      'punctuation/fullwidth findings to disappear after fix-all',
    );
    const fixableAfter = await fixableDiagnostics(doc.uri, after);
    assert.deepEqual(
      fixableAfter.map((d) => describeDiagnostics([d])),
      [],
      'fix-all left safely fixable diagnostics',
    );
    const fixAll = await codeActions(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), FIX_ALL_KIND);
    assert.deepEqual(
      fixAll.map((a) => a.title),
      [],
      'a fix-all code action is still offered after fix-all',
    );
  });

  it('gongwen.fixAll offers nothing on a clean draft and does not change it', async function () {
    const clean = '# 关于召开工作会议的通知\n\n各单位：\n\n定于3月1日召开工作会议。\n';
    const editor = await openDraft('clean.md', clean);
    const doc = editor.document;
    const fixAll = await codeActions(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), FIX_ALL_KIND);
    assert.deepEqual(fixAll.map((a) => a.title), []);
    await vscode.commands.executeCommand('gongwen.fixAll');
    assert.equal(doc.getText(), clean);
    assert.equal(doc.isDirty, false);
  });
});

/** Diagnostics that have a safe (preferred) quick fix with an edit. */
async function fixableDiagnostics(uri: vscode.Uri, ds: vscode.Diagnostic[]): Promise<vscode.Diagnostic[]> {
  const out: vscode.Diagnostic[] = [];
  for (const d of ds) {
    const actions = await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix);
    if (actions.some((a) => a.isPreferred && a.edit)) out.push(d);
  }
  return out;
}

function describeActions(actions: vscode.CodeAction[]): string {
  return actions
    .map(
      (a) =>
        `${a.title} (kind ${a.kind?.value}, preferred ${String(a.isPreferred)}, edit ${a.edit ? a.edit.size : 'none'}, diagnostics ${a.diagnostics?.map((d) => codeOf(d)).join('/') ?? 'none'})`,
    )
    .join('; ');
}
