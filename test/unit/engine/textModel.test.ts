import { strict as assert } from 'node:assert';
import { buildTextModel, positionAt, computeLineStarts, PLACEHOLDER } from '../../../server/src/engine/textModel';
import { spanRange } from '../../../server/src/engine/text';
import type { TextModel } from '../../../server/src/engine/types';

/** Every visible character (except placeholders and joining spaces) maps to the same character in the source. */
function assertMapped(model: TextModel): void {
  for (const b of model.blocks) {
    assert.equal(b.offsets.length, b.text.length + 1);
    for (let i = 0; i < b.text.length; i++) {
      const ch = b.text[i];
      if (ch === PLACEHOLDER || ch === ' ') continue;
      assert.equal(model.source[b.offsets[i]], ch, `block ${JSON.stringify(b.text)} index ${i}`);
    }
  }
  for (const l of model.lines) {
    for (let i = 0; i < l.text.length; i++) {
      if (l.text[i] === PLACEHOLDER) continue;
      assert.equal(model.source[l.offsets[i]], l.text[i]);
    }
  }
}

const texts = (m: TextModel) => m.blocks.map((b) => b.text);

describe('text model: Markdown', () => {
  it('removes markup and keeps visible text, mapped to the source', () => {
    const src = '# 关于加强**安全**生产的通知\n\n各单位要*认真*落实。\n';
    const m = buildTextModel(src, 'markdown');
    assert.deepEqual(texts(m), ['关于加强安全生产的通知', '各单位要认真落实。']);
    assert.equal(m.blocks[0].kind, 'heading');
    assert.equal(m.blocks[0].depth, 1);
    assertMapped(m);
  });

  it('keeps emphasis inside a word joined', () => {
    const m = buildTextModel('部**署**工作与布*署*。\n', 'markdown');
    assert.equal(m.blocks[0].text, '部署工作与布署。');
    const i = m.blocks[0].text.indexOf('布署');
    const r = spanRange(m.blocks[0], i, i + 2);
    assert.equal(m.source.slice(r.start, r.end), '布*署');
    assertMapped(m);
  });

  it('keeps ordinals that Markdown turns into list markers or headings', () => {
    const src = '## 一、总体要求\n\n1. 第一项内容\n2. 第二项内容\n\n- 无序项\n';
    const m = buildTextModel(src, 'markdown');
    assert.deepEqual(texts(m), ['一、总体要求', '1. 第一项内容', '2. 第二项内容', '无序项']);
    const item = m.blocks[1];
    assert.equal(m.source.slice(item.offsets[0], item.offsets[2]), '1.');
    assertMapped(m);
  });

  it('nested lists keep their own ordinals', () => {
    const src = '1. 一级内容\n   1. 二级内容\n   2. 二级内容二\n2. 一级内容二\n';
    const m = buildTextModel(src, 'markdown');
    assert.deepEqual(texts(m), ['1. 一级内容', '1. 二级内容', '2. 二级内容二', '2. 一级内容二']);
    assertMapped(m);
  });

  it('code, inline code, URLs, HTML comments and front matter are not prose', () => {
    const src = '---\n文种: 通知\n---\n\n见`a,b`与 https://www.gov.cn/a,b 以及<b>粗</b>。\n\n```\n代码,不查\n```\n\n<!-- 注释,不查 -->\n\n[链接文字](http://x.cn/p?q=1,2)说明\n';
    const m = buildTextModel(src, 'markdown');
    assert.deepEqual(m.frontMatter, { 文种: '通知' });
    const all = texts(m).join('|');
    assert.ok(!all.includes('a,b'), all);
    assert.ok(!all.includes('代码'), all);
    assert.ok(!all.includes('注释'), all);
    assert.ok(!all.includes('gov.cn'), all);
    assert.ok(all.includes('链接文字'), all);
    assert.ok(!all.includes('文种'), all);
    assert.equal(m.comments.length, 1);
    assert.equal(m.comments[0].body, '注释,不查');
    assertMapped(m);
  });

  it('reports broken front matter instead of throwing', () => {
    const m = buildTextModel('---\n文种: [通知\n---\n\n正文。\n', 'markdown');
    assert.ok(m.frontMatterError);
    assert.deepEqual(texts(m), ['正文。']);
  });

  it('handles CRLF and mixed line endings', () => {
    const src = '第一行文字\r\n第二行文字\r\n\r\n第三段\n\n第四段\r第五行\r\n';
    const m = buildTextModel(src, 'markdown');
    assertMapped(m);
    assert.equal(m.blocks[0].text, '第一行文字第二行文字');
    assert.deepEqual(m.blocks[0].lines.map((l) => m.blocks[0].text.slice(l.from, l.to)), ['第一行文字', '第二行文字']);
    assert.deepEqual(
      m.lines.map((l) => [l.text, l.sourceLine]),
      [['第一行文字', 0], ['第二行文字', 1], ['第三段', 3], ['第四段', 5], ['第五行', 6]],
    );
  });

  it('a line break inside a Chinese paragraph maps to nothing, between Latin words to a space', () => {
    const m = buildTextModel('中文段落\n继续\nEnglish\nwords\n', 'markdown');
    assert.equal(m.blocks[0].text, '中文段落继续English words');
  });

  it('tables: each cell is a block', () => {
    const m = buildTextModel('| 项目 | 金额(万元) |\n|---|---|\n| 经费 | 12 |\n', 'markdown');
    assert.deepEqual(texts(m), ['项目', '金额(万元)', '经费', '12']);
    assert.ok(m.blocks.every((b) => b.kind === 'tableCell'));
    assertMapped(m);
  });

  it('links keep their text; escapes and entities map to the source', () => {
    const src = '详见[《通知》](http://a.cn)\\*与&amp;号。\n';
    const m = buildTextModel(src, 'markdown');
    assert.equal(m.blocks[0].text, '详见《通知》*与&号。');
    assertMapped(m);
  });

  it('blockquotes are prose', () => {
    const m = buildTextModel('> 引用第一行\n> 引用第二行\n', 'markdown');
    assert.deepEqual(m.lines.map((l) => l.text), ['引用第一行', '引用第二行']);
    assertMapped(m);
  });

  it('characters outside the BMP: ranges in UTF-16 units, pairs never split', () => {
    const src = '𠀀𠀁字，**𪚥**龘。\n';
    const m = buildTextModel(src, 'markdown');
    const b = m.blocks[0];
    assert.equal(b.text, '𠀀𠀁字，𪚥龘。');
    assertMapped(m);
    const i = b.text.indexOf('𪚥');
    const r = spanRange(b, i, i + 2);
    assert.equal(m.source.slice(r.start, r.end), '𪚥');
  });
});

describe('text model: plain text', () => {
  it('one block per non-empty line, offsets identical', () => {
    const src = '关于做好工作的通知\n\n　　各单位：\r\n正文。';
    const m = buildTextModel(src, 'plaintext');
    assert.deepEqual(texts(m), ['关于做好工作的通知', '　　各单位：', '正文。']);
    assertMapped(m);
    assert.deepEqual(m.lines.map((l) => l.sourceLine), [0, 2, 3]);
  });

  it('comment lines are directives, not prose', () => {
    const m = buildTextModel('<!-- gongwen-disable typo -->\n正文\n', 'plaintext');
    assert.equal(m.comments.length, 1);
    assert.deepEqual(texts(m), ['正文']);
  });

  it('URLs are masked', () => {
    const m = buildTextModel('请登录http://www.gov.cn/a,b查询,谢谢', 'plaintext');
    assert.equal(m.blocks[0].text, `请登录${PLACEHOLDER}查询,谢谢`);
    assertMapped(m);
  });
});

describe('positions', () => {
  it('maps offsets to LSP positions over mixed line endings', () => {
    const src = 'a\r\nb\nc\rd';
    const ls = computeLineStarts(src);
    assert.deepEqual(ls, [0, 3, 5, 7]);
    assert.deepEqual(positionAt(ls, 7), { line: 3, character: 0 });
    assert.deepEqual(positionAt(ls, 1), { line: 0, character: 1 });
  });
});
