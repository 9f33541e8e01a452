import { strict as assert } from 'node:assert';
import { SymbolKind, type DocumentSymbol, type Position } from 'vscode-languageserver/node';
import { check } from '../../../server/src/engine/index';
import { buildOutline } from '../../../server/src/engine/outline';
import { outlineToSymbols } from '../../../server/src/outline-lsp';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

function assertNested(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end), `selection of ${s.name}`);
    if (parent) assert.ok(before(parent.range.start, s.range.start) && before(s.range.end, parent.range.end), `${s.name} inside ${parent.name}`);
    assertNested(s.children ?? [], s);
  }
}

describe('outline as LSP document symbols', () => {
  const src = [
    '# 关于开展安全检查的通知',
    '',
    '各区人民政府：',
    '',
    '一、检查范围',
    '',
    '（一）重点单位。',
    '',
    '二、工作要求',
    '',
    '各单位要认真落实。',
    '',
    '某某市人民政府',
    '',
    '2024年5月6日',
    '',
  ].join('\n');
  const r = check(src, { format: 'markdown', rules: [] });
  const symbols = outlineToSymbols(buildOutline(r.structure, r.model), r.model.lineStarts);

  it('converts offsets to line/character ranges and nests children', () => {
    const [title, recipient, main, signature, date] = symbols;
    assert.equal(title.name, '关于开展安全检查的通知');
    assert.deepEqual(title.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
    assert.deepEqual(title.selectionRange, { start: { line: 0, character: 2 }, end: { line: 0, character: 13 } });
    assert.equal(recipient.range.start.line, 2);
    assert.deepEqual(
      main.children!.map((c) => [c.name, c.range.start.line, c.range.end.line]),
      [
        ['一、检查范围', 4, 6],
        ['二、工作要求', 8, 10],
      ],
    );
    assert.equal(main.children![0].children![0].name, '（一）重点单位');
    assert.equal(signature.name, '发文机关署名');
    assert.equal(date.detail, '2024年5月6日');
    assertNested(symbols);
  });

  it('gives each element a symbol kind', () => {
    const [title, recipient, main, signature, date] = symbols;
    assert.equal(title.kind, SymbolKind.File);
    assert.equal(recipient.kind, SymbolKind.Property);
    assert.equal(main.kind, SymbolKind.Namespace);
    assert.equal(main.children![0].kind, SymbolKind.String);
    assert.equal(signature.kind, SymbolKind.Constant);
    assert.equal(date.kind, SymbolKind.Event);
  });
});
