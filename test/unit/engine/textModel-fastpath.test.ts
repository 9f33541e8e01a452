// The typing path's fast path: a Markdown chunk made only of plain
// paragraphs is modelled without the parser. Wherever it applies it must give
// exactly the model that remark gives.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseChunkForTests, buildTextModel, setMinChunkForTests } from '../../../server/src/engine/textModel';

function plain(m: { blocks: Array<{ offsets: Int32Array }>; comments: unknown[] }) {
  return { blocks: m.blocks.map((b) => ({ ...b, offsets: Array.from(b.offsets) })), comments: m.comments };
}

/** Asserts the fast path equals the parser where it applies; returns whether it applied. */
function sameAsParser(text: string, first = false): boolean {
  const fast = parseChunkForTests(text, first, true);
  if (!fast) return false;
  const parsed = parseChunkForTests(text, first, false)!;
  assert.deepEqual(plain(fast), plain(parsed), JSON.stringify(text));
  return true;
}

// Pieces of lines: prose, ordinals, every ASCII character that means something
// to Markdown, spaces of all kinds, control characters, surrogates, URLs.
const PIECES = [
  '关于做好安全生产工作的通知', '现将有关事项通知如下。', '各单位要认真落实', '一、', '（一）', '1.', '1)', '12', '2024年3月1日', '第1条',
  'A', 'abc', 'Word', 'x1', ' ', '  ', '\t', '*', '**', '_', '`', '[', ']', '(', ')', '<', '>', '|', '~', '&amp;', '&', '\\', '#', '-', '+', '=',
  '---', '***', '===', '!', ':', '.', ',', '"', "'", '\u3000', '　　', '\u00a0', '\ufeff', '\u0000', '\r', '\u000b', '\u2028',
  '\ud800', '\udc00', '😀', 'http://www.gov.cn/a', 'www.gov.cn', 'a@b.cn', '<!-- x -->', '﹏', '……',
];

const line = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 8 }).map((p) => p.join(''));
const prose = fc.constantFrom(...PIECES.slice(0, 14), 'A', 'abc', '，', '。', '：', '“', '”', '　　');
const proseLine = fc.array(prose, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
// prose that starts a line, with markup pieces inside it
const markedLine = fc
  .tuple(prose, fc.array(fc.oneof(prose, fc.constantFrom('*', '**', '_', '__', '`', '[', ']', '](x)', '<', '>', '<b>', '|', '~~', '&amp;', '\\', '!', '#', '-', '=', ' ', '  ')), { minLength: 1, maxLength: 6 }))
  .map(([head, rest]) => head + rest.join(''));

describe('text model: the fast path for plain Markdown paragraphs', () => {
  it('gives the parser\'s model on generated chunks wherever it applies', () => {
    let applied = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(line, proseLine, markedLine, fc.constant('')), { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, first) => {
        runs++;
        if (sameAsParser(lines.join('\n'), first)) applied++;
      }),
      { numRuns: 3000 },
    );
    // the property must not hold vacuously
    assert.ok(applied > runs / 10, `fast path applied to ${applied} of ${runs} chunks`);
  });

  it('applies to plain paragraphs and gives the parser\'s model', () => {
    for (const text of [
      '关于做好安全生产工作的通知',
      '现将有关事项通知如下。\n\n各单位要认真落实。\n',
      '　　一、总体要求\n　　（一）加强领导。\n\n\n2024年3月1日\n\n',
      'Word and 中文 mixed\nsecond line 2\nthird\n\n',
      '详见 http://www.gov.cn/zhengce 网站，联系 a@b.cn。',
      '12345 不是列表\n第二行 1. 不在行首',
      '😀 表情\n\n',
    ])
      assert.ok(sameAsParser(text), JSON.stringify(text));
  });

  it('leaves to the parser what Markdown may read otherwise', () => {
    for (const text of [
      '# 标题', '1. 列表', '2) 列表', '- 列表', '> 引用', '    缩进', ' 一个空格', '\t制表', '行末空格 ', '行末两个空格  ',
      '**强调**', '`代码`', '[链接](x)', '<b>html</b>', '| 表 | 格 |', '~~删除~~', '&amp;', '转义\\*', '正文\n===', '正文\n---',
      '\ufeff正文', '回车\r\n换行', '正文\n \n正文', '<!-- 注释 -->',
      '正文**强调**', '正文*强调*', '正文_强调_', '正文`代码`', '正文[链接](x)', '正文<b>x</b>', '正文 | 表格', '正文~~删除~~', '正文&amp;', '正文\\*',
      '正文\n# 标题', '正文\n> 引用', '正文\n1. 列表', '正文\n- 列表',
    ])
      assert.equal(parseChunkForTests(text, false, true), undefined, JSON.stringify(text));
  });

  it('gives the same document model with and without it', () => {
    setMinChunkForTests(0);
    try {
      const src = ['关于做好安全生产工作的通知', '各区人民政府：', '现将有关事项通知如下。', '一、总体要求', '**强调**的段落。', '1. 列表项', '特此通知。'].join('\n\n');
      const whole = buildTextModel(src, 'markdown', undefined, { whole: true });
      const chunked = buildTextModel(src, 'markdown');
      assert.deepEqual(plain(chunked), plain(whole));
    } finally {
      setMinChunkForTests(1024);
    }
  });
});
