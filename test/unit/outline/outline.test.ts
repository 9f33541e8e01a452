import { strict as assert } from 'node:assert';
import { check } from '../../../server/src/engine/index';
import { buildOutline, headingName, type OutlineNode } from '../../../server/src/engine/outline';
import type { DocFormat } from '../../../server/src/engine/types';

function outline(source: string, format: DocFormat = 'markdown'): OutlineNode[] {
  const r = check(source, { format, rules: [] });
  return buildOutline(r.structure, r.model);
}

/** `kind:name` per node, children indented by two spaces. */
function shape(nodes: OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.kind}:${n.name}`, ...shape(n.children, depth + 1)]);
}

/** Ranges nest: selection inside range, children inside parent, siblings in order without overlap. */
function assertWellFormed(nodes: OutlineNode[], source: string, parent?: OutlineNode): void {
  let prevEnd = parent ? parent.start : 0;
  for (const n of nodes) {
    assert.ok(n.name.length > 0, 'a symbol needs a name');
    assert.ok(0 <= n.start && n.start <= n.end && n.end <= source.length, `range of ${n.name}`);
    assert.ok(n.start <= n.selectionStart && n.selectionStart <= n.selectionEnd && n.selectionEnd <= n.end, `selection of ${n.name}`);
    assert.ok(n.start >= prevEnd, `${n.name} overlaps its previous sibling`);
    if (parent) assert.ok(parent.start <= n.start && n.end <= parent.end, `${n.name} outside ${parent.name}`);
    prevEnd = n.end;
    assertWellFormed(n.children, source, n);
  }
}

const NOTICE_MD = `# 关于做好2024年防汛工作的通知

各区人民政府，市政府各委、办、局：

为切实做好防汛工作，现将有关事项通知如下。

一、总体要求

（一）提高认识。各单位要高度重视。

（二）落实责任。

1. 明确分工。
2. 加强检查。

二、工作措施

各单位要加强值班。

附件：1. 防汛值班表
2. 联系人名单

某某市人民政府

2024年5月6日

（此件公开发布）

抄送：市委办公厅。

某某市人民政府办公室 2024年5月6日印发
`;

const FULL_TXT = [
  '000001',
  '机密★1年',
  '特急',
  '某某市人民政府文件',
  '某政发〔2024〕12号',
  '关于印发某某办法的通知',
  '各区人民政府：',
  '现将《某某办法》印发给你们，请认真贯彻执行。',
  '附件：某某办法',
  '某某市人民政府',
  '2024年3月1日',
  '附件',
  '某某办法',
  '一、总则',
  '（一）为了规范管理，制定本办法。',
  '二、附则',
  '本办法自印发之日起施行。',
  '抄送：市委办公厅，市人大常委会办公厅。',
  '某某市人民政府办公室 2024年3月1日印发',
  '',
].join('\n');

describe('outline', () => {
  it('shows the elements of a notice and nests its headings by level', () => {
    const nodes = outline(NOTICE_MD);
    assert.deepEqual(shape(nodes), [
      'title:关于做好2024年防汛工作的通知',
      'recipient:主送机关',
      'main:正文',
      '  heading:一、总体要求',
      '    heading:（一）提高认识',
      '    heading:（二）落实责任',
      '      heading:1. 明确分工',
      '      heading:2. 加强检查',
      '  heading:二、工作措施',
      'attachmentNote:附件说明',
      'signature:发文机关署名',
      'date:成文日期',
      'annotation:附注',
      'record:版记',
      '  cc:抄送机关',
      '  printLine:印发机关和印发日期',
    ]);
    assertWellFormed(nodes, NOTICE_MD);
  });

  it('maps nodes to source offsets: the title range includes the `# ` markup, the selection is its text', () => {
    const [title, recipient] = outline(NOTICE_MD);
    assert.equal(NOTICE_MD.slice(title.start, title.end), '# 关于做好2024年防汛工作的通知');
    assert.equal(NOTICE_MD.slice(title.selectionStart, title.selectionEnd), '关于做好2024年防汛工作的通知');
    assert.equal(title.detail, '标题（通知）');
    assert.equal(recipient.detail, '各区人民政府，市政府各委、办、局：');
  });

  it('a heading section runs to the next heading of the same or a higher level', () => {
    const main = outline(NOTICE_MD).find((n) => n.kind === 'main')!;
    const [one, two] = main.children;
    assert.equal(NOTICE_MD.slice(one.start, one.end), '一、总体要求\n\n（一）提高认识。各单位要高度重视。\n\n（二）落实责任。\n\n1. 明确分工。\n2. 加强检查。');
    assert.equal(NOTICE_MD.slice(two.start, two.end), '二、工作措施\n\n各单位要加强值班。');
    assert.equal(one.level, 1);
    assert.equal(one.children[1].children[0].level, 3);
    // the 正文 part starts with the lead-in paragraph before the first heading
    assert.ok(NOTICE_MD.slice(main.start, main.end).startsWith('为切实做好防汛工作'));
  });

  it('groups the 版头 elements and nests an attachment’s headings under 附件', () => {
    const nodes = outline(FULL_TXT, 'plaintext');
    assert.deepEqual(shape(nodes), [
      'header:版头',
      '  copyNumber:份号',
      '  secrecy:密级和保密期限',
      '  urgency:紧急程度',
      '  issuerMark:发文机关标志',
      '  docNumber:发文字号',
      'title:关于印发某某办法的通知',
      'recipient:主送机关',
      'main:正文',
      'attachmentNote:附件说明',
      'signature:发文机关署名',
      'date:成文日期',
      'attachmentHeader:附件',
      '  heading:一、总则',
      '    heading:（一）为了规范管理，制定本办法',
      '  heading:二、附则',
      'record:版记',
      '  cc:抄送机关',
      '  printLine:印发机关和印发日期',
    ]);
    const attachment = nodes.find((n) => n.kind === 'attachmentHeader')!;
    assert.equal(attachment.detail, '某某办法');
    assert.ok(FULL_TXT.slice(attachment.start, attachment.end).endsWith('本办法自印发之日起施行。'));
    const docNumber = nodes[0].children[4];
    assert.equal(FULL_TXT.slice(docNumber.selectionStart, docNumber.selectionEnd), '某政发〔2024〕12号');
    assertWellFormed(nodes, FULL_TXT);
  });

  it('names a 纪要’s attendance lines by their label', () => {
    const src = '# 某某会议纪要\n\n2024年3月1日，某某同志主持召开会议。\n\n出席：张三、李四\n\n请假：王五\n\n会议议定如下。\n';
    const nodes = outline(src);
    assert.deepEqual(shape(nodes), ['title:某某会议纪要', 'main:正文', '  attendance:出席', '  attendance:请假']);
    const attendance = nodes[1].children[0];
    assert.equal(attendance.detail, '出席：张三、李四');
    assertWellFormed(nodes, src);
  });

  it('an empty or non-公文 document has a flat or empty outline', () => {
    assert.deepEqual(outline(''), []);
    const nodes = outline('Just some English text.\n\nAnother paragraph.\n');
    assert.deepEqual(shape(nodes), ['main:正文']);
  });

  it('headings out of order still nest by level, and a level may be skipped', () => {
    const src = '（一）先出现的二级标题\n\n一、总体要求\n\n1. 跳过二级的三级标题\n\n（1）四级标题\n\n二、第二个一级标题\n';
    const nodes = outline(src, 'plaintext');
    assert.deepEqual(shape(nodes), [
      'main:正文',
      '  heading:（一）先出现的二级标题',
      '  heading:一、总体要求',
      '    heading:1. 跳过二级的三级标题',
      '      heading:（1）四级标题',
      '  heading:二、第二个一级标题',
    ]);
    assertWellFormed(nodes, src);
  });

  it('keeps offsets right with CRLF line ends and leading indentation', () => {
    const src = '关于开展检查的通知\r\n各单位：\r\n　　一、检查范围\r\n　　全市各单位。\r\n';
    const nodes = outline(src, 'plaintext');
    assertWellFormed(nodes, src);
    const heading = nodes.find((n) => n.kind === 'main')!.children[0];
    assert.equal(src.slice(heading.selectionStart, heading.selectionEnd), '一、检查范围');
    assert.equal(heading.name, '一、检查范围');
  });

  it('plain lines above the title are not called 正文', () => {
    const src = '××发〔2026〕××号\n\n# 关于开展检查的通知\n\n各单位：\n\n现将有关事项通知如下。\n';
    const nodes = outline(src);
    assert.deepEqual(shape(nodes), ['title:关于开展检查的通知', 'recipient:主送机关', 'main:正文']);
    assertWellFormed(nodes, src);
  });

  it('headingName keeps the heading phrase of a run-in heading and shortens long text', () => {
    assert.equal(headingName('（一）提高认识。各单位要高度重视。'), '（一）提高认识');
    assert.equal(headingName('一、总体要求'), '一、总体要求');
    assert.equal(headingName('1.  明确分工：由办公室负责'), '1. 明确分工');
    const long = headingName('二、' + '很'.repeat(60));
    assert.equal(Array.from(long).length, 40);
    assert.ok(long.endsWith('…'));
  });
});
