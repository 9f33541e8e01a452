// The reader on .docx files written by LibreOffice (test/fixtures/docx/).
// They are committed; to write them again from their sources:
//
//   cd test/fixtures/docx
//   soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir . lo-basic.html lo-rich.fodt
//
// lo-basic.html: a red 发文机关标志, a centred Heading 1 title, a hyperlink,
// a table with a line break in a cell, an HTML ordered list (numbering
// 1. 2.), a right-aligned date. lo-rich.fodt: a tracked deletion and
// insertion, a 一、/（一） outline list (LibreOffice writes
// taiwaneseCountingThousand), a footnote, a comment, a PAGE field, a text box
// (mc:AlternateContent with a VML fallback), a header, a tab and a line break.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDocx } from '../../../server/src/docx/read';
import { checkMap } from '../../helpers/docx';

const FIXTURES = path.resolve(__dirname, '../../fixtures/docx');
const load = async (name: string) => {
  const draft = await readDocx(fs.readFileSync(path.join(FIXTURES, name)));
  const generated = checkMap(draft);
  return { draft, generated, lines: draft.text.split('\n') };
};

describe('docx read: files written by LibreOffice', () => {
  it('lo-basic.docx: text, tables, list numbering and layout hints', async () => {
    const { draft, generated, lines } = await load('lo-basic.docx');
    assert.deepEqual(lines, [
      '某某市人民政府文件',
      '某政发〔2024〕3号',
      '关于开展安全生产检查的通知',
      '各区县人民政府，市政府各部门：',
      '为切实做好安全生产工作，现将有关事项通知如下。',
      '一、总体要求',
      '（一）提高认识。各单位要高度重视，详见网站。',
      '单位',
      '负责人',
      '市应急局',
      '张三',
      '李四',
      '1.第一项',
      '2.第二项',
      '2024年3月1日',
    ]);
    const [head, , title] = draft.paragraphs;
    assert.equal(head.color, 'FF0000');
    assert.equal(head.sizeHalfPoints, 72);
    assert.equal(head.align, 'center');
    assert.equal(title.style, 'Heading 1');
    assert.equal(title.bold, true);
    assert.equal(title.align, 'center');
    assert.deepEqual(
      draft.paragraphs.slice(7, 12).map((p) => p.container),
      ['table', 'table', 'table', 'table', 'table'],
    );
    assert.equal(generated[12], '1.');
    assert.equal(draft.paragraphs[14].align, 'right');
  });

  it('lo-rich.docx: tracked changes accepted, 一、/（一） numbering, fields, text box once; footnote, comment and header not read', async () => {
    const { draft, generated, lines } = await load('lo-rich.docx');
    assert.deepEqual(lines, [
      '请各单位认真落实。',
      '一、总体要求',
      '（一）工作目标',
      '（二）基本原则',
      '二、主要任务',
      '（一）加强领导',
      '正文有脚注和批注。第1页。',
      '锚定段',
      '文本框内文字',
      '末段\t带制表符',
      '换行后',
    ]);
    assert.deepEqual(generated.slice(1, 6), ['一、', '（一）', '（二）', '二、', '（一）']);
    assert.equal(draft.paragraphs[8].container, 'textbox');
    assert.ok(!draft.text.includes('脚注文字'));
    assert.ok(!draft.text.includes('批注文字'));
    assert.ok(!draft.text.includes('页眉'));
  });
});
