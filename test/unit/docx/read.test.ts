// The .docx reader (server/src/docx/read.ts) on minimal OOXML packages built
// by hand: one test per construct, each checking the text and the character
// map (every mapped character is the character of its node at its offset).

import { strict as assert } from 'node:assert';
import { readDocx, locate } from '../../../server/src/docx/read';
import type { DocxDraft } from '../../../server/src/docx/types';
import { buildDocx, checkMap, p, r, np, wrapNumbering, wrapStyles, gongwenAbstract, lvl } from '../../helpers/docx';

const read = async (body: string, more: Parameters<typeof buildDocx>[0] = {}) => {
  const draft = await readDocx(await buildDocx({ body, ...more }));
  checkMap(draft);
  return draft;
};
const lines = (d: DocxDraft) => d.text.split('\n');

describe('docx read: paragraphs and runs', () => {
  it('paragraphs in order, one line each; paragraphStarts and locate', async () => {
    const d = await read(p(r('关于开展检查的通知')) + p(r('各单位：')) + p(''));
    assert.deepEqual(lines(d), ['关于开展检查的通知', '各单位：', '']);
    assert.deepEqual(d.paragraphStarts, [0, 10, 15]);
    assert.deepEqual(locate(d, 0), { paragraph: 0, column: 0 });
    assert.deepEqual(locate(d, 12), { paragraph: 1, column: 2 });
    assert.deepEqual(locate(d, 9), { paragraph: 0, column: 9 }); // the end of line 0
    assert.deepEqual(locate(d, 15), { paragraph: 2, column: 0 });
    assert.equal(d.paragraphs[0].container, 'body');
    assert.ok(d.pkg.parts.get('word/document.xml'));
    assert.equal(d.pkg.macroEnabled, false);
  });

  it('a word split across runs mid-word (rsid, proofErr, bookmarks) joins seamlessly', async () => {
    const d = await read(
      p(
        '<w:r w:rsidR="00A1"><w:t>各有关</w:t></w:r><w:proofErr w:type="spellStart"/>' +
          '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r w:rsidRPr="00B2"><w:rPr><w:b/></w:rPr><w:t>单</w:t></w:r>' +
          '<w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:r><w:t>位</w:t></w:r>',
      ),
    );
    assert.equal(d.text, '各有关单位');
    const para = d.paragraphs[0];
    assert.deepEqual(Array.from(para.node), [0, 0, 0, 1, 2]);
    assert.deepEqual(Array.from(para.offset), [0, 1, 2, 0, 0]);
    assert.equal(d.pkg.nodes.length, 3);
  });

  it('smart tags and custom XML wrappers are read through', async () => {
    const d = await read(
      p(
        r('二〇二四年') +
          '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">' +
          r('三月') +
          '</w:smartTag><w:customXml w:element="x">' +
          r('一日') +
          '</w:customXml>',
      ),
    );
    assert.equal(d.text, '二〇二四年三月一日');
  });

  it('leading/trailing spaces of a w:t count only with xml:space="preserve"', async () => {
    const d = await read(p('<w:r><w:t>  甲 </w:t></w:r><w:r><w:t xml:space="preserve"> 乙 </w:t></w:r>'));
    assert.equal(d.text, '甲 乙 ');
    assert.deepEqual(Array.from(d.paragraphs[0].offset), [2, 0, 1, 2]);
  });

  it('hidden text (w:vanish) is not read', async () => {
    const d = await read(p(r('看得见') + r('看不见', '<w:vanish/>') + r('的')));
    assert.equal(d.text, '看得见的');
  });
});

describe('docx read: tables', () => {
  it('cell by cell, row by row, container table', async () => {
    const cell = (s: string) => `<w:tc><w:tcPr/>${p(r(s))}</w:tc>`;
    const d = await read(
      p(r('前')) +
        `<w:tbl><w:tblPr/><w:tblGrid/><w:tr>${cell('A1')}${cell('B1')}</w:tr><w:tr>${cell('A2')}${cell('B2')}</w:tr></w:tbl>` +
        p(r('后')),
    );
    assert.deepEqual(lines(d), ['前', 'A1', 'B1', 'A2', 'B2', '后']);
    assert.deepEqual(
      d.paragraphs.map((x) => x.container),
      ['body', 'table', 'table', 'table', 'table', 'body'],
    );
  });

  it('nested tables in reading order; several paragraphs in one cell', async () => {
    const inner = `<w:tbl><w:tr><w:tc>${p(r('内1'))}</w:tc><w:tc>${p(r('内2'))}</w:tc></w:tr></w:tbl>`;
    const d = await read(
      `<w:tbl><w:tr><w:tc>${p(r('外1'))}${inner}${p(r('外1尾'))}</w:tc><w:tc>${p(r('外2'))}${p(r('外2下'))}</w:tc></w:tr></w:tbl>`,
    );
    assert.deepEqual(lines(d), ['外1', '内1', '内2', '外1尾', '外2', '外2下']);
    assert.ok(d.paragraphs.every((x) => x.container === 'table'));
  });

  it('a row whose deletion is tracked is skipped', async () => {
    const d = await read(
      `<w:tbl><w:tr><w:tc>${p(r('留'))}</w:tc></w:tr><w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr><w:tc>${p(r('删'))}</w:tc></w:tr></w:tbl>`,
    );
    assert.deepEqual(lines(d), ['留']);
  });
});

describe('docx read: characters inside runs', () => {
  it('w:tab → tab, mapped to the w:tab element', async () => {
    const d = await read(p('<w:r><w:t>姓名</w:t><w:tab/><w:t>张三</w:t></w:r>'));
    assert.equal(d.text, '姓名\t张三');
    assert.equal(d.pkg.nodes[d.paragraphs[0].node[2]].localName, 'tab');
  });

  it('w:br and w:cr end the DocxParagraph; the rest is the next line with the same layout', async () => {
    const d = await read(
      p('<w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r><w:r><w:cr/><w:t>第三行</w:t><w:br w:type="page"/></w:r>', '<w:jc w:val="center"/>'),
    );
    assert.deepEqual(lines(d), ['第一行', '第二行', '第三行', '']);
    assert.ok(d.paragraphs.every((x) => x.align === 'center'));
  });

  it('noBreakHyphen → "-", softHyphen → nothing', async () => {
    const d = await read(p('<w:r><w:t>GB/T 9704</w:t><w:noBreakHyphen/><w:t>2012 标</w:t><w:softHyphen/><w:t>准</w:t></w:r>'));
    assert.equal(d.text, 'GB/T 9704-2012 标准');
    assert.equal(d.pkg.nodes[d.paragraphs[0].node[9]].localName, 'noBreakHyphen');
  });

  it('w:sym → its character; Symbol-font F0xx codes in ASCII range → ASCII', async () => {
    const d = await read(
      p('<w:r><w:t>温度</w:t><w:sym w:font="Symbol" w:char="F02B"/><w:t>5</w:t><w:sym w:font="SimSun" w:char="2103"/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'),
    );
    assert.equal(d.text, '温度+5℃\uf0fc');
    assert.equal(d.pkg.nodes[d.paragraphs[0].node[2]].localName, 'sym');
  });
});

describe('docx read: fields, hyperlinks, content controls', () => {
  it('w:fldSimple → its displayed runs', async () => {
    const d = await read(p(r('第') + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>' + r('页')));
    assert.equal(d.text, '第3页');
  });

  it('complex field: only the result between separate and end, nested fields too', async () => {
    const fc = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const instr = (s: string) => `<w:r><w:instrText xml:space="preserve">${s}</w:instrText></w:r>`;
    // IF field whose code holds a nested MERGEFIELD (hidden), whose result holds a nested DATE field (shown).
    const d = await read(
      p(
        r('前') +
          fc('begin') +
          instr(' IF ') +
          fc('begin') +
          instr(' MERGEFIELD x ') +
          fc('separate') +
          r('代码里的结果') +
          fc('end') +
          instr(' = 1 "是" "否" ') +
          fc('separate') +
          r('结果') +
          fc('begin') +
          instr(' DATE ') +
          fc('separate') +
          r('2024年') +
          fc('end') +
          r('尾') +
          fc('end') +
          r('后'),
      ),
    );
    assert.equal(d.text, '前结果2024年尾后');
  });

  it('a field without a result shows nothing; a field spanning paragraphs (TOC) shows its result', async () => {
    const fc = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const d = await read(
      p(r('甲') + fc('begin') + '<w:r><w:instrText> XE "x" </w:instrText></w:r>' + fc('end') + r('乙')) +
        p(fc('begin') + '<w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>' + fc('separate') + r('一、总体要求')) +
        p(r('二、主要任务') + fc('end')),
    );
    assert.deepEqual(lines(d), ['甲乙', '一、总体要求', '二、主要任务']);
  });

  it('hyperlinks → their runs', async () => {
    const d = await read(p(r('详见') + '<w:hyperlink r:id="rId9" w:history="1"><w:r><w:t>www.gov.cn</w:t></w:r></w:hyperlink>' + r('。')));
    assert.equal(d.text, '详见www.gov.cn。');
  });

  it('content controls: block and inline w:sdt → their content, never w:sdtPr', async () => {
    const d = await read(
      '<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent>' +
        p(r('块内容')) +
        '</w:sdtContent></w:sdt>' +
        p(r('填写') + '<w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtEndPr/><w:sdtContent><w:r><w:t>单位名称</w:t></w:r></w:sdtContent></w:sdt>' + r('。')),
    );
    assert.deepEqual(lines(d), ['块内容', '填写单位名称。']);
  });
});

describe('docx read: text boxes', () => {
  const box = (s: string) => `<w:txbxContent>${p(r(s))}</w:txbxContent>`;
  it('read once: mc:Choice (DrawingML), not mc:Fallback (VML); after the anchoring paragraph', async () => {
    const drawing =
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">' +
      `<wps:wsp><wps:txbx>${box('框内文字')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('框内文字')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const d = await read(p(r('锚定段') + drawing + r('续')) + p(r('下一段')));
    assert.deepEqual(lines(d), ['锚定段续', '框内文字', '下一段']);
    assert.deepEqual(
      d.paragraphs.map((x) => x.container),
      ['body', 'textbox', 'body'],
    );
  });

  it('a VML-only text box (w:pict, no AlternateContent) is read', async () => {
    const d = await read(p(`<w:r><w:pict><v:shape><v:textbox>${box('旧式文本框')}</v:textbox></v:shape></w:pict></w:r>`));
    assert.deepEqual(lines(d), ['', '旧式文本框']);
  });
});

describe('docx read: tracked changes and comments', () => {
  it('as if accepted: w:ins and w:moveTo kept, w:del / w:delText / w:moveFrom skipped', async () => {
    const d = await read(
      p(
        r('请各') +
          '<w:del w:id="1" w:author="a"><w:r><w:delText>部门</w:delText></w:r></w:del>' +
          '<w:ins w:id="2" w:author="a"><w:r><w:t>单位</w:t></w:r></w:ins>' +
          '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧处</w:t></w:r></w:moveFrom>' +
          r('认真') +
          '<w:moveTo w:id="4" w:author="a"><w:r><w:t>落实</w:t></w:r></w:moveTo>',
      ),
    );
    assert.equal(d.text, '请各单位认真落实');
  });

  it('a paragraph whose mark deletion is tracked runs on into the next', async () => {
    const d = await read(
      p(r('上半'), '<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>') + p(r('下半')) + p(r('另段')),
    );
    assert.deepEqual(lines(d), ['上半下半', '另段']);
  });

  it('existing comments: ranges and references pass, the comment text is not read, the DOM untouched', async () => {
    const body = p(
      r('请') +
        '<w:commentRangeStart w:id="0"/>' +
        r('尽快') +
        '<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>' +
        r('报送'),
    );
    const comments =
      '<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="x"><w:p><w:r><w:t>批注文字</w:t></w:r></w:p></w:comment></w:comments>';
    const d = await read(body, { comments });
    assert.equal(d.text, '请尽快报送');
    const doc = d.pkg.parts.get('word/document.xml')!;
    assert.equal(doc.getElementsByTagName('w:commentRangeStart').length, 1);
    assert.equal(doc.getElementsByTagName('w:commentReference').length, 1);
  });

  it('headers and footnotes are not read', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const d = await read(p(r('正文') + '<w:r><w:footnoteReference w:id="1"/></w:r>'), {
      header: `<?xml version="1.0"?><w:hdr ${W}><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>`,
      footnotes: `<?xml version="1.0"?><w:footnotes ${W}><w:footnote w:id="1"><w:p><w:r><w:t>脚注</w:t></w:r></w:p></w:footnote></w:footnotes>`,
    });
    assert.equal(d.text, '正文');
  });
});

describe('docx read: automatic numbering', () => {
  const numbering = (abstracts: string, nums: string) => wrapNumbering(abstracts + nums);
  const num = (id: number, abs: number, overrides = '') =>
    `<w:num w:numId="${id}"><w:abstractNumId w:val="${abs}"/>${overrides}</w:num>`;

  it('公文 headings: 一、 at level 0, （一） at level 1 restarting under each 一、, 1. and （1）; generated characters are node −1', async () => {
    const d = await read(
      np('总体要求', 1, 0) +
        np('工作目标', 1, 1) +
        np('基本原则', 1, 1) +
        np('具体措施', 1, 2) +
        np('细则', 1, 3) +
        np('细则二', 1, 3) +
        np('措施二', 1, 2) +
        p(r('正文段落不编号。')) +
        np('主要任务', 1, 0) +
        np('任务一', 1, 1),
      { numbering: numbering(gongwenAbstract(0), num(1, 0)) },
    );
    assert.deepEqual(lines(d), [
      '一、总体要求',
      '（一）工作目标',
      '（二）基本原则',
      '1.具体措施',
      '（1）细则',
      '（2）细则二',
      '2.措施二',
      '正文段落不编号。',
      '二、主要任务',
      '（一）任务一',
    ]);
    const gen = checkMap(d);
    assert.deepEqual(gen.slice(0, 4), ['一、', '（一）', '（二）', '1.']);
    assert.equal(d.paragraphs[0].numbered, true);
    assert.equal(d.paragraphs[7].numbered, undefined);
    assert.equal(d.paragraphs[0].node[0], -1);
    assert.notEqual(d.paragraphs[0].node[2], -1);
  });

  it('numbering via the paragraph style (style numPr and level pStyle); numId 0 removes it', async () => {
    const styles = wrapStyles(
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>',
    );
    const abs =
      '<w:abstractNum w:abstractNumId="3">' +
      lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="1"/><w:suff w:val="nothing"/>') +
      lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="2"/><w:suff w:val="nothing"/>') +
      '</w:abstractNum>';
    const d = await read(
      p(r('标题甲'), '<w:pStyle w:val="1"/>') +
        p(r('标题乙'), '<w:pStyle w:val="2"/>') +
        p(r('不编号'), '<w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr>') +
        p(r('标题丙'), '<w:pStyle w:val="1"/>'),
      { styles, numbering: numbering(abs, num(5, 3)) },
    );
    assert.deepEqual(lines(d), ['一、标题甲', '（一）标题乙', '不编号', '二、标题丙']);
    assert.equal(d.paragraphs[0].style, 'heading 1');
  });

  it('decimal “1.” and “（1）” with tab and space suffixes; start value; startOverride starts its own count', async () => {
    const abs =
      '<w:abstractNum w:abstractNumId="0">' +
      lvl(0, 'decimal', '%1.') + // suffix tab (default): nothing
      '</w:abstractNum><w:abstractNum w:abstractNumId="1">' +
      '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="（%1）"/></w:lvl>' +
      '</w:abstractNum>';
    const d = await read(
      np('甲', 1) + np('乙', 1) + np('丙', 2) + np('丁', 2) + np('戊', 3) + np('己', 4),
      {
        numbering: numbering(
          abs,
          num(1, 0) +
            num(2, 1) +
            num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>') +
            num(4, 0), // shares abstract 0 with numId 1: continues its count
        ),
      },
    );
    assert.deepEqual(lines(d), ['1.甲', '2.乙', '（3） 丙', '（4） 丁', '7.戊', '3.己']);
  });

  it('multi-level text (%1.%2), lvlRestart 0 never restarts, a level override replaces the format', async () => {
    const abs =
      '<w:abstractNum w:abstractNumId="0">' +
      lvl(0, 'decimal', '%1.', '<w:suff w:val="nothing"/>') +
      lvl(1, 'decimal', '%1.%2', '<w:suff w:val="space"/>') +
      lvl(2, 'decimal', '(%3)', '<w:lvlRestart w:val="0"/><w:suff w:val="nothing"/>') +
      '</w:abstractNum>';
    const over =
      '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1、"/></w:lvl></w:lvlOverride>';
    const d = await read(
      np('a', 1, 0) + np('b', 1, 1) + np('c', 1, 2) + np('d', 1, 0) + np('e', 1, 1) + np('f', 1, 2) + np('g', 2, 0) + np('h', 2, 0),
      { numbering: numbering(abs, num(1, 0) + `<w:num w:numId="2"><w:abstractNumId w:val="0"/>${over}</w:num>`) },
    );
    // numId 2 shares abstract 0 (no start override): the level-0 count continues (3, 4).
    assert.deepEqual(lines(d), ['1.a', '1.1 b', '(1)c', '2.d', '2.1 e', '(2)f', 'III、g', 'IV、h']);
  });

  it('formats: chineseCountingThousand, ideographTraditional 甲乙丙, letters, roman, enclosed circle, full width, bullets', async () => {
    const fmts: Array<[string, string]> = [
      ['chineseCountingThousand', '%1、'],
      ['ideographTraditional', '%1、'],
      ['upperLetter', '%1.'],
      ['lowerLetter', '%1)'],
      ['upperRoman', '%1.'],
      ['lowerRoman', '%1.'],
      ['decimalEnclosedCircle', '%1'],
      ['decimalFullWidth', '%1．'],
      ['bullet', '●'],
      ['bullet', '\uf0b7'],
    ];
    const abs = fmts
      .map(
        ([f, text], i) =>
          `<w:abstractNum w:abstractNumId="${i}">${lvl(0, f, text, '<w:suff w:val="nothing"/>')}</w:abstractNum>`,
      )
      .join('');
    const nums = fmts.map((_, i) => num(i + 1, i)).join('');
    let body = '';
    fmts.forEach((_, i) => (body += np('项', i + 1) + np('项', i + 1) + np('项', i + 1)));
    const d = await read(body, { numbering: numbering(abs, nums) });
    const third = lines(d).filter((_, i) => i % 3 === 2);
    assert.deepEqual(third, ['三、项', '丙、项', 'C.项', 'c)项', 'III.项', 'iii.项', '③项', '３．项', '●项', '项']);
  });

  it('chinese counting beyond ten: 十, 十一, 二十', async () => {
    const abs = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>')}</w:abstractNum>`;
    let body = '';
    for (let i = 0; i < 21; i++) body += np('项', 1);
    const d = await read(body, { numbering: numbering(abs, num(1, 0)) });
    const l = lines(d);
    assert.equal(l[9], '十、项');
    assert.equal(l[10], '十一、项');
    assert.equal(l[19], '二十、项');
    assert.equal(l[20], '二十一、项');
  });
});

describe('docx read: layout hints', () => {
  it('style name, alignment, bold, size and colour from direct formatting and the style chain', async () => {
    const styles = wrapStyles(
      '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>' +
        '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="10"><w:name w:val="标题 1"/><w:basedOn w:val="a"/></w:style>',
    );
    const d = await read(
      p(r('某某市人民政府文件', '<w:color w:val="ff0000"/><w:sz w:val="72"/>'), '<w:jc w:val="center"/>') +
        p(r('关于') + r('通知', '<w:b w:val="0"/>'), '<w:pStyle w:val="Title"/>') +
        p(r('关于通知'), '<w:pStyle w:val="Title"/>') +
        p(r('一、总体要求'), '<w:pStyle w:val="10"/>') +
        p(r('2024年3月1日'), '<w:jc w:val="right"/>'),
      { styles },
    );
    const [head, title1, title2, h1, date] = d.paragraphs;
    assert.equal(head.color, 'FF0000');
    assert.equal(head.sizeHalfPoints, 72);
    assert.equal(head.align, 'center');
    assert.equal(head.bold, false);
    assert.equal(head.style, 'Normal');
    assert.equal(title1.style, 'Title');
    assert.equal(title1.align, 'center');
    assert.equal(title1.bold, false); // 通知 is not bold
    assert.equal(title2.bold, true);
    assert.equal(title2.sizeHalfPoints, 44);
    assert.equal(h1.style, '标题 1');
    assert.equal(h1.sizeHalfPoints, 21);
    assert.equal(date.align, 'right');
    assert.equal(date.color, undefined);
  });
});
