// docxToMarkdown (server/src/docx/import.ts): the text survives Markdown.
// Every paragraph that would read as other Markdown (a list, a heading, a
// quote, a rule, a code fence, HTML, emphasis, a link, an entity, a
// backslash…) is escaped so that the engine reads back the same visible text.
import { strict as assert } from 'node:assert';
import { readDocx } from '../../server/src/docx/read';
import { docxToMarkdown } from '../../server/src/docx/import';
import { buildTextModel } from '../../server/src/engine/textModel';
import { buildDocx, p, r } from '../helpers/docx';

const TRICKY = [
  '* 不是列表',
  '- 不是列表',
  '+ 不是列表',
  '1. 不是有序列表',
  '2) 也不是',
  '# 不是标题',
  '> 不是引用',
  '---',
  '***',
  '___',
  '=====',
  '```代码块',
  '~~~',
  '<div>不是 HTML</div>',
  '<https://example.com> 不是自动链接',
  '这里*不是*强调，__也不是__',
  '[不是链接](http://example.com)与![不是图片](a.png)',
  '[标签]: http://example.com',
  '`不是代码`',
  '&amp; 与 &#21644; 不是实体',
  '反斜杠\\*与结尾的反斜杠\\',
  '姓名：________　电话：________',
  '甲 | 乙 | 丙',
  '一、总体要求',
  '（一）压实责任。各单位要落实。',
  '关于做好工作的通知',
];

describe('docxToMarkdown', function () {
  this.timeout(30000);

  it('escapes Markdown specials only where they would change the text: the engine reads back every paragraph', async () => {
    const bytes = await buildDocx({ body: TRICKY.map((t) => p(r(t))).join('') });
    const draft = await readDocx(bytes);
    const md = docxToMarkdown(draft);
    const model = buildTextModel(md, 'markdown', undefined, { whole: true });
    assert.equal(model.comments.length, 0, md);
    const texts = model.blocks.map((b) => b.text);
    const wanted = TRICKY.map((t) => buildTextModel(t, 'plaintext').blocks.map((b) => b.text).join(''));
    assert.deepEqual(texts, wanted, md);
    assert.ok(model.blocks.every((b) => b.kind === 'paragraph'), md);
    // plain Chinese paragraphs are written as they are
    assert.ok(md.includes('\n\n一、总体要求\n\n'), md);
    assert.ok(md.includes('\n\n姓名：________　电话：________\n\n') || md.includes('\\_'), md);
  });

  it('the title as “# ”; a table as a GFM table (cells with | kept); empty paragraphs dropped; leading spaces dropped', async () => {
    const body =
      p(r('关于做好安全生产工作的通知'), '<w:jc w:val="center"/>') +
      p('') +
      p(r('   各区县人民政府：')) +
      '<w:tbl><w:tr><w:tc>' + p(r('项目')) + '</w:tc><w:tc>' + p(r('说明')) + '</w:tc><w:tc>' + p(r('备注')) + '</w:tc></w:tr>' +
      '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + p(r('甲|乙')) + '</w:tc><w:tc>' + p(r('第一段')) + p(r('第二段')) + '</w:tc></w:tr></w:tbl>' +
      p(r('特此通知。'));
    const draft = await readDocx(await buildDocx({ body }));
    const md = docxToMarkdown(draft);
    assert.equal(
      md,
      '# 关于做好安全生产工作的通知\n\n各区县人民政府：\n\n| 项目 | 说明 | 备注 |\n| --- | --- | --- |\n| 甲\\|乙 |  | 第一段 第二段 |\n\n特此通知。\n',
    );
    const cells = buildTextModel(md, 'markdown').blocks.filter((b) => b.kind === 'tableCell').map((b) => b.text);
    assert.deepEqual(cells, ['项目', '说明', '备注', '甲|乙', '第一段 第二段']);
  });

  it('an empty document is an empty Markdown file', async () => {
    const draft = await readDocx(await buildDocx({ body: p('') }));
    assert.equal(docxToMarkdown(draft), '');
  });
});
