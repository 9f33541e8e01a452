// Document symbols (Outline view, breadcrumbs): the 公文 outline from the language server.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openDraft } from './helpers';

const NOTICE = [
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
  '（二）落实责任。',
  '',
  '二、工作措施',
  '',
  '各单位要加强值班。',
  '',
  '某某市人民政府',
  '',
  '2024年5月6日',
  '',
].join('\n');

type Sym = vscode.DocumentSymbol;

function all(symbols: Sym[]): Sym[] {
  return symbols.flatMap((s) => [s, ...all(s.children ?? [])]);
}

function find(symbols: Sym[], name: string): Sym {
  const hit = all(symbols).find((s) => s.name === name);
  assert.ok(hit, `no symbol named ${JSON.stringify(name)}; got:\n${shape(symbols).join('\n')}`);
  return hit;
}

function shape(symbols: Sym[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...shape(s.children ?? [], depth + 1)]);
}

/** Ask until the server has answered with our symbols (it starts asynchronously). */
async function documentSymbols(uri: vscode.Uri, expect: string, timeoutMs = 45000): Promise<Sym[]> {
  const deadline = Date.now() + timeoutMs;
  let last: Sym[] = [];
  for (;;) {
    const result = await vscode.commands.executeCommand<Array<Sym | vscode.SymbolInformation> | undefined>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    );
    last = (result ?? []).filter((s): s is Sym => 'children' in s);
    if (all(last).some((s) => s.name === expect)) return last;
    if (Date.now() > deadline)
      assert.fail(`no symbol ${JSON.stringify(expect)} after ${timeoutMs} ms; got:\n${shape(last).join('\n')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('gongwen in VS Code: document symbols', function () {
  before(async function () {
    this.timeout(60000);
    await activateExtension();
  });

  afterEach(closeAllEditors);

  it('shows the 公文 outline: title, 主送机关, heading tree, 署名 and 成文日期', async function () {
    const editor = await openDraft('outline.md', NOTICE);
    const doc = editor.document;
    const symbols = await documentSymbols(doc.uri, '一、总体要求');

    const title = find(symbols, '关于做好2024年防汛工作的通知');
    assert.equal(title.detail, '标题（通知）');
    assert.equal(title.selectionRange.start.line, 0);

    const recipient = find(symbols, '主送机关');
    assert.equal(recipient.detail, '各区县人民政府：');
    assert.equal(recipient.range.start.line, 2);

    // Headings nest by level: 一、 contains （一） and （二）; 二、 is its sibling.
    const first = find(symbols, '一、总体要求');
    assert.deepEqual(
      first.children.map((c) => c.name),
      ['（一）提高认识', '（二）落实责任'],
    );
    assert.equal(first.selectionRange.start.line, 6);
    assert.equal(doc.getText(first.selectionRange), '一、总体要求');
    const second = find(symbols, '二、工作措施');
    const parentOfSecond = all(symbols).find((s) => s.children.includes(second));
    assert.ok(parentOfSecond?.children.includes(first), '一、 and 二、 should be siblings');
    // The body paragraph under 二、 belongs to its range.
    assert.ok(second.range.end.line >= 14, `二、工作措施 should extend over its paragraph: ${second.range.end.line}`);

    assert.equal(find(symbols, '发文机关署名').detail, '某某市人民政府');
    assert.equal(find(symbols, '成文日期').detail, '2024年5月6日');
  });

  it('offers no 公文 elements for a plain note without them', async function () {
    const editor = await openDraft('note.md', '今天天气很好。\n');
    const result =
      (await vscode.commands.executeCommand<Array<Sym | vscode.SymbolInformation> | undefined>(
        'vscode.executeDocumentSymbolProvider',
        editor.document.uri,
      )) ?? [];
    const names = all(result.filter((s): s is Sym => 'children' in s)).map((s) => s.name);
    for (const label of ['主送机关', '发文机关署名', '成文日期', '发文字号']) {
      assert.ok(!names.includes(label), `false ${label} in a plain note: ${names.join(', ')}`);
    }
  });
});
