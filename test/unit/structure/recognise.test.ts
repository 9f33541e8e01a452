import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTextModel } from '../../../server/src/engine/textModel';
import { recogniseStructure } from '../../../server/src/engine/structure';
import { headingOf } from '../../../server/src/engine/structure';
import { parseDocDate, docTypeOfTitle, DOC_NUMBER_RE } from '../../../server/src/engine/structure-patterns';
import type { DocStructure, ElementKind, TextModel } from '../../../server/src/engine/types';

const fixtures = path.resolve(__dirname, '../../fixtures/structure');
const shared = path.resolve(__dirname, '../../../../shared');
const govDocs = path.join(shared, 'corpora/gov-docs');

function recognise(source: string, format: 'markdown' | 'plaintext' = 'plaintext'): { model: TextModel; s: DocStructure } {
  const model = buildTextModel(source, format);
  return { model, s: recogniseStructure(model) };
}

function fixture(name: string) {
  const source = fs.readFileSync(path.join(fixtures, name), 'utf8');
  return recognise(source, name.endsWith('.md') ? 'markdown' : 'plaintext');
}

/** The trimmed text of the lines of one kind. */
function linesOf(model: TextModel, s: DocStructure, kind: ElementKind): string[] {
  return s.lineKinds.flatMap((k, i) => (k === kind ? [model.lines[i].text.trim()] : []));
}

describe('structure: recogniseStructure on fixtures', () => {
  it('recognises every element of a full 下行文 typed in Markdown', () => {
    const { model, s } = fixture('tongzhi.md');
    assert.equal(s.docType, '通知');
    assert.equal(s.docTypeSource, 'title');
    assert.equal(s.titleText, 'XX市人民政府关于做好2024年春节期间安全生产工作的通知');
    assert.deepEqual(linesOf(model, s, 'copyNumber'), ['000012']);
    assert.deepEqual(linesOf(model, s, 'secrecy'), ['机密★1年']);
    assert.deepEqual(linesOf(model, s, 'urgency'), ['特急']);
    assert.deepEqual(linesOf(model, s, 'issuerMark'), ['XX市人民政府文件']);
    assert.deepEqual(linesOf(model, s, 'docNumber'), ['X政发〔2024〕12号']);
    assert.deepEqual(linesOf(model, s, 'recipient'), ['各区县人民政府，市政府各部门：']);
    assert.deepEqual(linesOf(model, s, 'attachmentNote'), ['附件：1. 春节期间安全生产检查表', '2. 值班安排表']);
    assert.deepEqual(linesOf(model, s, 'signature'), ['XX市人民政府']);
    assert.deepEqual(linesOf(model, s, 'date'), ['2024年1月20日']);
    assert.deepEqual(linesOf(model, s, 'annotation'), ['（此件公开发布）']);
    assert.deepEqual(linesOf(model, s, 'attachmentHeader'), ['附件1']);
    assert.deepEqual(linesOf(model, s, 'cc'), ['抄送：市委各部门，市人大常委会办公厅。']);
    assert.deepEqual(linesOf(model, s, 'printLine'), ['XX市人民政府办公室  2024年1月20日印发']);
    // the attachment note is one element of two lines
    const note = s.elements.filter((e) => e.kind === 'attachmentNote');
    assert.equal(note.length, 1);
    assert.equal(note[0].lines.length, 2);
  });

  it('recognises 正文 headings of all four levels, with markers and standalone', () => {
    const { model, s } = fixture('tongzhi.md');
    const hs = s.headings.map((h) => [model.lines[h.line].text.slice(h.markerFrom, h.markerTo), h.level, h.style, h.value, h.standalone]);
    assert.deepEqual(hs, [
      ['一、', 1, 'chinese', 1, true],
      ['（一）', 2, 'chineseParen', 1, false],
      ['（二）', 2, 'chineseParen', 2, true],
      ['1.', 3, 'arabic', 1, true],
      ['（1）', 4, 'arabicParen', 1, true],
      ['二、', 1, 'chinese', 2, true],
    ]);
    // `1.5亿元` inside a body line is not a heading
    assert.ok(linesOf(model, s, 'body').some((t) => t.includes('1.5亿元')));
  });

  it('handles CRLF, a 签发人 on the 文号 line and a title split before its 文种', () => {
    const { model, s } = fixture('qingshi-crlf.txt');
    assert.ok(model.source.includes('\r\n'));
    assert.equal(s.docType, '请示');
    assert.equal(s.titleText, '关于申请拨付防汛专项经费的请示');
    assert.deepEqual(linesOf(model, s, 'docNumber'), ['国办发〔2024〕12号　　签发人：张三']);
    assert.deepEqual(linesOf(model, s, 'recipient'), ['市人民政府：']);
    assert.deepEqual(linesOf(model, s, 'signature'), ['XX区人民政府']);
    assert.deepEqual(linesOf(model, s, 'date'), ['2024年6月5日']);
    // offsets still point into the CRLF source
    const d = s.lineKinds.indexOf('date');
    const line = model.lines[d];
    assert.equal(model.source.slice(line.offsets[0], line.offsets[line.text.length]), '2024年6月5日');
  });

  it('joins a title split over lines separated by blank lines (published layout)', () => {
    const { model, s } = fixture('split-title.txt');
    assert.equal(s.titleText, '国务院办公厅关于印发国民营养计划（2017—2030年）的通知');
    assert.equal(s.docType, '通知');
    assert.equal(s.elements.find((e) => e.kind === 'title')?.lines.length, 2);
    assert.deepEqual(linesOf(model, s, 'docNumber'), ['国办发〔2017〕60号']);
    assert.deepEqual(linesOf(model, s, 'annotation'), ['（此件公开发布）']);
  });

  it('lets front matter (Chinese keys) override the 文种 named by the title', () => {
    const { s } = fixture('frontmatter.md');
    assert.equal(s.docType, '请示');
    assert.equal(s.docTypeSource, 'frontMatter');
    assert.equal(s.meta['发文机关'], 'XX区教育局');
    assert.equal(s.titleText, 'XX区教育局关于校舍维修情况的报告');
  });

  it('accepts English front matter keys and values', () => {
    const { s } = fixture('frontmatter-en.md');
    assert.equal(s.docType, '函');
    assert.equal(s.docTypeSource, 'frontMatter');
    assert.equal(s.meta['发文机关'], 'XX市财政局');
  });

  it('falls back to the title when the front matter 文种 is unknown', () => {
    const { s } = recognise('---\n文种: 总结\n---\n\n# 关于某事的通知\n\n正文。\n', 'markdown');
    assert.equal(s.docType, '通知');
    assert.equal(s.docTypeSource, 'title');
    assert.equal(s.meta['文种'], '总结');
  });

  it('recognises 纪要 attendance lines and the signature after them', () => {
    const { model, s } = fixture('jiyao.md');
    assert.equal(s.docType, '纪要');
    assert.deepEqual(linesOf(model, s, 'attendance'), ['出席：张三，李四，王五', '请假：赵六', '列席：钱七']);
    assert.deepEqual(linesOf(model, s, 'signature'), ['XX市人民政府办公室']);
  });

  it('recognises malformed elements so that rules can report them', () => {
    const { model, s } = fixture('malformed.txt');
    assert.deepEqual(linesOf(model, s, 'docNumber'), ['国办发[2024]第012号']);
    assert.deepEqual(linesOf(model, s, 'recipient'), ['各区县人民政府:']);
    assert.deepEqual(linesOf(model, s, 'attachmentNote'), ['附件:1、经费表。', '2、名单。']);
    assert.deepEqual(linesOf(model, s, 'date'), ['2024年03月05日']);
    assert.deepEqual(linesOf(model, s, 'annotation'), ['(此件公开发布)']);
    const hs = s.headings.map((h) => [model.lines[h.line].text.slice(h.markerFrom, h.markerTo), h.level]);
    assert.deepEqual(hs, [
      ['1、', 3],
      ['(一)', 2],
      ['（二）、', 2],
      ['第一、', 1],
    ]);
  });

  it('recognises a date in Chinese numerals and a 批复 without 版头', () => {
    const { model, s } = fixture('yiwen.txt');
    assert.equal(s.docType, '批复');
    assert.deepEqual(linesOf(model, s, 'docNumber'), ['X政函〔2024〕8号']);
    assert.deepEqual(linesOf(model, s, 'recipient'), ['XX区人民政府：']);
    assert.deepEqual(linesOf(model, s, 'date'), ['二〇二四年三月五日']);
  });

  it('treats a document without any structure as body', () => {
    const { s } = recognise('今天天气很好。\n我们去公园。\n');
    assert.equal(s.titleText, undefined);
    assert.equal(s.docType, undefined);
    assert.deepEqual(s.lineKinds, ['body', 'body']);
  });

  it('does not take a sentence ending in a 文种 word for a title', () => {
    const { s } = recognise('请各单位认真学习本通知。\n请按时报送报告\n');
    assert.equal(s.titleText, undefined);
  });

  it('does not take a date inside the body for the 成文日期', () => {
    const { s } = recognise('关于开会的通知\n\n各单位：\n\n会议定于\n2024年3月5日\n在市政府召开，请准时参加。\n');
    assert.ok(!s.lineKinds.includes('date'));
  });

  it('ignores text inside 《》 when naming the 文种', () => {
    assert.equal(docTypeOfTitle('关于印发《XX工作意见》的通知'), '通知');
    assert.equal(docTypeOfTitle('关于转发《XX的通知》'), undefined);
    assert.equal(docTypeOfTitle('XX会议纪要'), '纪要');
    assert.equal(docTypeOfTitle('关于XX的复函'), '函');
    assert.equal(docTypeOfTitle('XX的命令'), '命令');
    assert.equal(docTypeOfTitle('关于XX的工作总结'), undefined);
  });
});

describe('structure: element patterns', () => {
  it('headingOf: correct and malformed ordinals, not numbers', () => {
    assert.equal(headingOf('一、总体要求')?.level, 1);
    assert.equal(headingOf('（一）指导思想')?.level, 2);
    assert.equal(headingOf('1.基本原则')?.level, 3);
    assert.equal(headingOf('1．基本原则')?.level, 3);
    assert.equal(headingOf('（1）具体措施')?.level, 4);
    assert.equal(headingOf('1、基本原则')?.level, 3);
    assert.equal(headingOf('(1)具体措施')?.level, 4);
    assert.equal(headingOf('十二、其他')?.value, 12);
    assert.equal(headingOf('1.5亿元已下达'), undefined);
    assert.equal(headingOf('3、4月份完成'), undefined);
    assert.equal(headingOf('一、二年级学生'), undefined);
    assert.equal(headingOf('第一，要加强领导'), undefined);
    assert.equal(headingOf('2024年完成'), undefined);
    assert.equal(headingOf('一、'), undefined);
  });

  it('headingOf: standalone only when no run-in text follows', () => {
    assert.equal(headingOf('（一）指导思想。以习近平新时代中国特色社会主义思想为指导。')?.standalone, false);
    assert.equal(headingOf('（一）指导思想')?.standalone, true);
    assert.equal(headingOf('一、总体要求：坚持稳中求进')?.standalone, false);
  });

  it('parseDocDate: the forms written in 公文', () => {
    assert.deepEqual(pick(parseDocDate('2024年3月5日')), ['arabic', 2024, 3, 5, false, false]);
    assert.deepEqual(pick(parseDocDate('2024年03月05日')), ['arabic', 2024, 3, 5, false, true]);
    assert.deepEqual(pick(parseDocDate('二〇二四年三月五日')), ['chinese', 2024, 3, 5, false, false]);
    assert.deepEqual(pick(parseDocDate('二〇二四年十二月三十一日')), ['chinese', 2024, 12, 31, false, false]);
    assert.deepEqual(pick(parseDocDate('2024.3.5')), ['separated', 2024, 3, 5, false, false]);
    assert.deepEqual(pick(parseDocDate('2024-03-05')), ['separated', 2024, 3, 5, false, true]);
    assert.deepEqual(pick(parseDocDate('24年3月5日')), ['arabic', 24, 3, 5, true, false]);
    assert.equal(parseDocDate('2024年13月5日'), undefined);
    assert.equal(parseDocDate('2024年3月'), undefined);
    assert.equal(parseDocDate('会议于2024年3月5日召开'), undefined);
  });

  it('DOC_NUMBER_RE: correct and malformed 发文字号, not standard numbers', () => {
    for (const ok of ['国办发〔2024〕12号', '国办发[2024]第012号', '国办发(2024)12号', '国办发（2024）12号', '京政发【2024】3号', 'X政发〔24〕1号'])
      assert.ok(DOC_NUMBER_RE.test(ok), ok);
    for (const no of ['GB/T 9704-2012', '第12号', '国务院令第704号', '2024年第3期'])
      assert.ok(!DOC_NUMBER_RE.test(no), no);
  });
});

function pick(d: ReturnType<typeof parseDocDate>) {
  return d && [d.form, d.year, d.month, d.day, d.shortYear, d.padded];
}

describe('structure: published documents (shared/corpora/gov-docs)', function () {
  before(function () {
    assert.ok(fs.existsSync(govDocs), `gov-docs corpus not found at ${govDocs}`);
  });
  const load = (name: string) => recognise(fs.readFileSync(path.join(govDocs, name), 'utf8'));

  it('a 通知 with its title split over two lines', () => {
    const { s } = load('国务院办公厅关于印发国民营养计划(2017—2030年)的通知.txt');
    assert.equal(s.titleText, '国务院办公厅关于印发国民营养计划（2017—2030年）的通知');
    assert.equal(s.docType, '通知');
  });

  it('a 批复 with 文号, recipient, signature and date', () => {
    const { model, s } = load('国务院关于苏州市城市总体规划的批复.txt');
    assert.equal(s.titleText, '国务院关于苏州市城市总体规划的批复');
    assert.equal(s.docType, '批复');
    assert.deepEqual(linesOf(model, s, 'docNumber'), ['国函〔2016〕134号']);
    assert.deepEqual(linesOf(model, s, 'recipient'), ['江苏省人民政府：']);
    assert.ok(linesOf(model, s, 'signature').length > 0);
    assert.equal(linesOf(model, s, 'date').length, 1);
  });

  it('a title split by blank lines, with a full-width space between joint issuers', () => {
    const { s } = load('国务院 中央军委关于同意新建山东菏泽民用机场的批复.txt');
    assert.equal(s.titleText, '国务院　中央军委关于同意新建山东菏泽民用机场的批复');
    assert.equal(s.docType, '批复');
  });

  it('a 国务院令 (命令 format): issuer mark and 令号', () => {
    const { model, s } = load('行政区划管理条例.txt');
    assert.equal(s.docType, '令');
    assert.deepEqual(linesOf(model, s, 'issuerMark'), ['中华人民共和国国务院令']);
    assert.deepEqual(linesOf(model, s, 'docNumber'), ['第704号']);
  });

  it('a 通报 with attachment note and attachment headers', () => {
    const { model, s } = load('2017年第三季度全国政府网站抽查情况通报.txt');
    assert.equal(s.titleText, '2017年第三季度全国政府网站抽查情况通报');
    assert.equal(s.docType, '通报');
    assert.equal(linesOf(model, s, 'attachmentNote').length, 4);
    assert.deepEqual(linesOf(model, s, 'attachmentHeader'), ['附件1', '附件2', '附件3', '附件4']);
  });

  it('a news release without a title in the text', () => {
    const { s } = load('中共中央关于加强党的政治建设的意见.txt');
    assert.equal(s.titleText, undefined);
    assert.equal(s.docType, undefined);
  });
});

describe('structure: 成文日期 edge cases', () => {
  it('a date followed by its 附注 and an attachment printed without a `附件` header', () => {
    const src = '国务院关于印发XX规划的通知\n各省人民政府：\n现将《XX规划》印发给你们，请认真贯彻执行。\n2016年5月28日\n（此件公开发布）\nXX规划\n一、总体要求\n要坚持稳中求进。\n';
    const { model, s } = recognise(src);
    assert.deepEqual(linesOf(model, s, 'date'), ['2016年5月28日']);
    assert.deepEqual(linesOf(model, s, 'annotation'), ['（此件公开发布）']);
  });

  it('a signature run into the last body line (pasted layout)', () => {
    const src = '国务院关于XX的批复\nXX省人民政府：\n你省请示收悉。现批复如下：同意。　　　　　　　　国务院\n2016年2月5日\n（此件公开发布）\n';
    const { model, s } = recognise(src);
    assert.deepEqual(linesOf(model, s, 'date'), ['2016年2月5日']);
  });

  it('a date line inside the body followed by a parenthesis is not the 成文日期', () => {
    const src = '关于开会的通知\n\n各单位：\n\n会议定于\n2024年3月5日\n（星期二）\n在市政府召开，请准时参加。\n';
    const { s } = recognise(src);
    assert.ok(!s.lineKinds.includes('date'));
  });

  it('a signature written after the date', () => {
    const src = '关于开会的通知\n\n各单位：\n\n请准时参加。\n\n2024年3月5日\nXX市人民政府\n';
    const { model, s } = recognise(src);
    assert.deepEqual(linesOf(model, s, 'date'), ['2024年3月5日']);
    assert.deepEqual(linesOf(model, s, 'signature'), ['XX市人民政府']);
  });

  it('closings without a full stop are not signatures', () => {
    const { model, s } = recognise('关于开会的通知\n\n各单位：\n\n请准时参加。\n\n特此通知\n\nXX市人民政府\n\n2024年3月5日\n');
    assert.deepEqual(linesOf(model, s, 'signature'), ['XX市人民政府']);
  });

  it('a 印发 sentence in the body is not a print line', () => {
    const { s } = recognise('关于开会的通知\n\n各单位：\n\n该方案已于2024年1月20日印发\n');
    assert.ok(!s.lineKinds.includes('printLine'));
  });
});

describe('structure: Markdown specifics', () => {
  it('table cells are body, never headings', () => {
    const src = '# 关于报送数据的通知\n\n各单位：\n\n| 序号 | 内容 |\n| --- | --- |\n| 1.5 | 一、数据 |\n| 1. | （一）表格 |\n\n请按时报送。\n';
    const { model, s } = recognise(src, 'markdown');
    assert.equal(s.headings.length, 0);
    model.lines.forEach((l, i) => {
      if (model.blocks[l.block].kind === 'tableCell') assert.equal(s.lineKinds[i], 'body');
    });
  });

  it('an `# 附件1` heading further down does not replace the plain-text title', () => {
    const src = '关于报送数据的通知\n\n各单位：\n\n请按时报送。\n\nXX市统计局\n\n2025年3月5日\n\n# 附件1\n\n数据表\n';
    const { model, s } = recognise(src, 'markdown');
    assert.equal(s.titleText, '关于报送数据的通知');
    assert.deepEqual(linesOf(model, s, 'attachmentHeader'), ['附件1']);
  });

  it('Markdown ordered lists keep their ordinals as headings', () => {
    const { model, s } = recognise('# 关于XX的通知\n\n各单位：\n\n1. 加强领导。\n2. 落实责任。\n', 'markdown');
    assert.deepEqual(s.headings.map((h) => model.lines[h.line].text.slice(h.markerFrom, h.markerTo)), ['1.', '2.']);
  });
});

describe('structure: 版头 details', () => {
  it('份号: six digits, or a shorter number above the 密级', () => {
    assert.equal(recognise('000012\n关于开会的通知\n各单位：\n请准时参加。\n').s.lineKinds[0], 'copyNumber');
    assert.equal(recognise('12\n秘密\n关于开会的通知\n各单位：\n请准时参加。\n').s.lineKinds[0], 'copyNumber');
    assert.notEqual(recognise('2024\n关于开会的通知\n各单位：\n请准时参加。\n').s.lineKinds[0], 'copyNumber');
  });

  it('an issuer mark followed by the 文号 and a 签发人 line', () => {
    const { model, s } = recognise('XX区人民政府文件\nX区政〔2024〕3号\n签发人：张三\n关于XX的请示\n市人民政府：\n妥否，请批示。\n');
    assert.deepEqual(linesOf(model, s, 'issuerMark'), ['XX区人民政府文件']);
    assert.deepEqual(linesOf(model, s, 'signer'), ['签发人：张三']);
    assert.equal(s.docType, '请示');
  });
});

describe('structure: front matter priority', () => {
  it('文种 wins over docType, which wins over a generic type', () => {
    const src = (fm: string) => `---\n${fm}\n---\n\n# 关于某事的通知\n\n各单位：\n\n正文。\n`;
    assert.equal(recognise(src('type: post\ndocType: 请示'), 'markdown').s.docType, '请示');
    assert.equal(recognise(src('docType: 请示\n文种: 报告'), 'markdown').s.docType, '报告');
    assert.equal(recognise(src('type: post'), 'markdown').s.docType, '通知');
    assert.equal(recognise(src('type: post'), 'markdown').s.docTypeSource, 'title');
  });

  it('keeps other string keys and ignores nested objects', () => {
    const { s } = recognise('---\n文种: 请示\nfields:\n  a: 1\n联系人: 张三\n---\n\n# 关于某事的请示\n', 'markdown');
    assert.equal(s.meta['联系人'], '张三');
    assert.equal(s.meta['fields'], undefined);
  });
});
