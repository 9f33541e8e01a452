// The .docx export read back as OOXML: page, margins, grid, fonts per
// element, footers, the red 版头 and the 版记 (GB/T 9704-2012).

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportDocx, exportFile, defaultOutPath, formatOfPath } from '../../../server/src/export';
import { buildContent } from '../../../server/src/export/model';
import { noGridSnap } from '../../../server/src/export/docx';
import { attr, eastAsiaFont, para, paragraphsOf, readDocx, size, type Docx } from './ooxml';

const SAMPLE = path.resolve(__dirname, '../../../samples/export/通知.md');
const sampleSource = () => fs.readFileSync(SAMPLE, 'utf8');

describe('export: page setup', function () {
  this.timeout(20_000);
  let doc: Docx;
  before(async () => {
    doc = await readDocx(await exportDocx(sampleSource(), 'markdown'));
  });

  it('A4 with margins 37/35/28/26 mm', () => {
    assert.equal(attr(doc.document, 'w:pgSz', 'w:w'), '11906');
    assert.equal(attr(doc.document, 'w:pgSz', 'w:h'), '16838');
    assert.equal(attr(doc.document, 'w:pgMar', 'w:top'), '2098'); // 37 mm
    assert.equal(attr(doc.document, 'w:pgMar', 'w:bottom'), '1984'); // 35 mm
    assert.equal(attr(doc.document, 'w:pgMar', 'w:left'), '1587'); // 28 mm
    assert.equal(attr(doc.document, 'w:pgMar', 'w:right'), '1474'); // 26 mm
  });

  it('a document grid of 22 lines × 28 characters', () => {
    assert.equal(attr(doc.document, 'w:docGrid', 'w:type'), 'linesAndChars');
    const linePitch = Number(attr(doc.document, 'w:docGrid', 'w:linePitch'));
    assert.equal(linePitch, 579);
    assert.ok(22 * linePitch <= 16838 - 2098 - 1984 && 23 * linePitch > 16838 - 2098 - 1984);
    // charSpace = (pitch − 16 pt) × 4096: 28 characters of the pitch fill 156 mm.
    const charSpace = Number(attr(doc.document, 'w:docGrid', 'w:charSpace'));
    const pitch = 16 + charSpace / 4096;
    const width = (11906 - 1587 - 1474) / 20;
    assert.ok(28 * pitch <= width && 29 * pitch > width, `pitch ${pitch}`);
  });

  it('the Normal style is 三号 仿宋 with Times New Roman for Latin', () => {
    const styles = doc.files['word/styles.xml'];
    const normal = /<w:style [^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)![0];
    assert.equal(eastAsiaFont(normal), '仿宋_GB2312');
    assert.equal(attr(normal, 'w:rFonts', 'w:ascii'), 'Times New Roman');
    assert.equal(size(normal), 16);
  });

  it('font table names the fallbacks', () => {
    const ft = doc.files['word/fontTable.xml'];
    assert.match(ft, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    assert.match(ft, /<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"\/>/);
    assert.match(ft, /<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
    assert.match(ft, /<w:font w:name="Times New Roman">/);
  });

  it('different odd and even footers with — N — in 四号宋体, odd right, even left', () => {
    assert.match(doc.files['word/settings.xml'], /<w:evenAndOddHeaders\/>/);
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(doc.document)![0];
    const rels = doc.files['word/_rels/document.xml.rels'];
    const target = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)![1];
      return 'word/' + new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    };
    const odd = paragraphsOf(doc.files[target('default')])[0];
    const even = paragraphsOf(doc.files[target('even')])[0];
    for (const [p, side] of [
      [odd, 'right'],
      [even, 'left'],
    ] as const) {
      assert.equal(attr(p.pPr, 'w:jc', 'w:val'), side);
      assert.equal(attr(p.pPr, 'w:ind', `w:${side}`), '280'); // one 四号 character in
      assert.match(p.xml, /<w:instrText[^>]*>PAGE<\/w:instrText>/);
      assert.equal(p.text.replace(/\s/g, ''), '——'); // dashes either side of the PAGE field
      assert.equal(eastAsiaFont(p.runs[0].rPr), '宋体');
      assert.equal(attr(p.runs[0].rPr, 'w:rFonts', 'w:ascii'), '宋体');
      assert.equal(size(p.runs[0].rPr), 14);
    }
  });

  it('every paragraph has exact 28.95 pt lines and leaves the character grid to run spacing', () => {
    const body = para(doc, '为深入贯彻');
    assert.equal(attr(body.pPr, 'w:spacing', 'w:line'), '579');
    assert.equal(attr(body.pPr, 'w:spacing', 'w:lineRule'), 'exact');
    assert.equal(attr(body.pPr, 'w:snapToGrid', 'w:val'), '0');
    assert.equal(attr(body.runs[0].rPr, 'w:spacing', 'w:val'), '-6');
  });
});

describe('export: elements', function () {
  this.timeout(20_000);
  let doc: Docx;
  before(async () => {
    doc = await readDocx(await exportDocx(sampleSource(), 'markdown'));
  });

  it('发文机关标志: red, 小标宋, centred, 35 mm below the top of the type area', () => {
    const mark = para(doc, '临江市人民政府文件');
    assert.equal(attr(mark.pPr, 'w:jc', 'w:val'), 'center');
    assert.equal(attr(mark.runs[0].rPr, 'w:color', 'w:val'), 'FF0000');
    assert.equal(eastAsiaFont(mark.runs[0].rPr), '方正小标宋简体');
    const before = Number(attr(mark.pPr, 'w:spacing', 'w:before'));
    assert.ok(before > 1700 && before <= 1984, `space before ${before}`);
    assert.ok(size(mark.runs[0].rPr)! > 22);
  });

  it('发文字号 centred two lines below the mark, then the red rule', () => {
    const num = para(doc, '临政发〔2024〕12号');
    assert.equal(attr(num.pPr, 'w:jc', 'w:val'), 'center');
    assert.equal(attr(num.pPr, 'w:spacing', 'w:before'), String(2 * 579));
    const k = doc.paragraphs.indexOf(num);
    const rule = doc.paragraphs[k + 1];
    assert.equal(rule.text, '');
    assert.equal(attr(rule.pPr, 'w:bottom', 'w:color'), 'FF0000');
    assert.equal(attr(rule.pPr, 'w:bottom', 'w:val'), 'single');
    assert.equal(attr(rule.pPr, 'w:ind', 'w:left') ?? '0', '0'); // as wide as the type area
  });

  it('标题: 二号 小标宋, centred, two lines below the rule, broken between words', () => {
    const t1 = para(doc, '临江市人民政府关于');
    const t2 = doc.paragraphs[doc.paragraphs.indexOf(t1) + 1];
    assert.equal(t1.text + t2.text, '临江市人民政府关于进一步做好2024年度安全生产工作的通知');
    assert.equal(t1.text, '临江市人民政府关于进一步做好');
    for (const t of [t1, t2]) {
      assert.equal(attr(t.pPr, 'w:jc', 'w:val'), 'center');
      assert.equal(eastAsiaFont(t.runs[0].rPr), '方正小标宋简体');
      assert.equal(size(t.runs[0].rPr), 22);
    }
    assert.equal(attr(t1.pPr, 'w:spacing', 'w:before'), String(2 * 579));
  });

  it('主送 flush left one line below the title; body 仿宋 with a two-character indent', () => {
    const r = para(doc, '各区县人民政府');
    assert.equal(attr(r.pPr, 'w:ind', 'w:firstLine'), undefined);
    assert.equal(attr(r.pPr, 'w:spacing', 'w:before'), '579');
    const b = para(doc, '为深入贯彻');
    assert.equal(attr(b.pPr, 'w:ind', 'w:firstLine'), '640');
    assert.equal(attr(b.pPr, 'w:ind', 'w:firstLineChars'), '200');
    assert.equal(eastAsiaFont(b.runs[0].rPr), '仿宋_GB2312');
    assert.equal(attr(b.runs[0].rPr, 'w:rFonts', 'w:ascii'), 'Times New Roman');
    assert.equal(size(b.runs[0].rPr), 16);
  });

  it('headings: 一、 黑体; （一） 楷体 for the run-in heading only, the rest 仿宋', () => {
    const h1 = para(doc, '一、强化');
    assert.deepEqual(
      h1.runs.map((r) => eastAsiaFont(r.rPr)),
      h1.runs.map(() => '黑体'),
    );
    const h2 = para(doc, '（一）压实属地管理责任。');
    assert.equal(h2.runs[0].text, '（一）压实属地管理责任。');
    assert.equal(eastAsiaFont(h2.runs[0].rPr), '楷体_GB2312');
    assert.equal(eastAsiaFont(h2.runs[1].rPr), '仿宋_GB2312');
    assert.ok(h2.runs[1].text.startsWith('各区县人民政府要'));
  });

  it('附件说明: one line below the body, 附件： left by two characters, names aligned', () => {
    const a1 = para(doc, '附件：1.');
    const a2 = para(doc, /^2\.\s*临江市安全生产/);
    assert.equal(attr(a1.pPr, 'w:spacing', 'w:before'), '579');
    const left1 = Number(attr(a1.pPr, 'w:ind', 'w:left'));
    const hang1 = Number(attr(a1.pPr, 'w:ind', 'w:hanging'));
    assert.equal(left1 - hang1, 640); // first line starts two characters in
    const left2 = Number(attr(a2.pPr, 'w:ind', 'w:left'));
    const hang2 = Number(attr(a2.pPr, 'w:ind', 'w:hanging'));
    assert.equal(left2, left1); // names wrap to the same column
    assert.equal(left2 - hang2, 640 + 3 * 320); // `2.` under `1.`
  });

  it('署名 centred over the date; date right by four characters (sealed)', () => {
    const sig = para(doc, /^临江市人民政府$/);
    const date = para(doc, '2024年3月15日');
    assert.equal(attr(date.pPr, 'w:jc', 'w:val'), 'right');
    assert.equal(attr(date.pPr, 'w:ind', 'w:right'), String(4 * 320));
    assert.equal(attr(sig.pPr, 'w:jc', 'w:val'), 'center');
    const left = Number(attr(sig.pPr, 'w:ind', 'w:left'));
    const right = Number(attr(sig.pPr, 'w:ind', 'w:right'));
    const sigCentre = (left + (8845 - right)) / 2;
    // date: 4 digits + 年 + 1 digit + 月 + 2 digits + 日 = 7 half + 3 full characters
    const dateWidth = 7 * (160 - 6) + 3 * (320 - 6);
    const dateCentre = 8845 - 4 * 320 - dateWidth / 2;
    assert.ok(Math.abs(sigCentre - dateCentre) < 20, `署名 centre ${sigCentre}, date centre ${dateCentre}`);
    assert.equal(attr(sig.pPr, 'w:spacing', 'w:before'), String(2 * 579));
    assert.match(sig.pPr, /<w:keepNext\/>/);
  });

  it('附注 on the line after the date, left by two characters', () => {
    const n = para(doc, '（此件公开发布）');
    assert.equal(attr(n.pPr, 'w:ind', 'w:left'), '640');
  });

  it('版记: a table at the bottom of the type area, 四号, with rules', () => {
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc.document)?.[0];
    assert.ok(tbl, 'no 版记 table');
    assert.equal(attr(tbl, 'w:tblpPr', 'w:tblpYSpec'), 'bottom');
    assert.equal(attr(tbl, 'w:tblpPr', 'w:vertAnchor'), 'margin');
    assert.equal(attr(tbl, 'w:tblW', 'w:w'), '8845');
    const cells = paragraphsOf(tbl);
    const cc = para(cells, '抄送：');
    const print = para(cells, '临江市人民政府办公室');
    assert.match(print.text, /2024年3月15日印发$/);
    assert.equal(size(cc.runs[0].rPr), 14);
    assert.equal(eastAsiaFont(cc.runs[0].rPr), '仿宋_GB2312');
    // first rule thick (1 pt), last rule thick
    const tcs = [...tbl.matchAll(/<w:tcBorders>([\s\S]*?)<\/w:tcBorders>/g)].map((m) => m[1]);
    assert.equal(attr(tcs[0], 'w:top', 'w:sz'), '8');
    assert.equal(attr(tcs[tcs.length - 1], 'w:bottom', 'w:sz'), '8');
    assert.equal(attr(tcs[0], 'w:bottom', 'w:sz'), '6');
  });
});

describe('export: variants and options', function () {
  this.timeout(20_000);
  it('上行文: 发文字号 left, 签发人 right with the name in 楷体', async () => {
    const src = ['临江市财政局', '', '临财〔2024〕5号　　签发人：张三', '', '# 临江市财政局关于拨付专项经费的请示', '', '市人民政府：', '', '现将有关情况请示如下。', '', '妥否，请批示。', '', '临江市财政局', '', '2024年3月1日'].join('\n');
    const doc = await readDocx(await exportDocx(src, 'markdown'));
    const num = para(doc, '临财〔2024〕5号');
    assert.notEqual(attr(num.pPr, 'w:jc', 'w:val'), 'center');
    assert.equal(attr(num.pPr, 'w:ind', 'w:left'), '320');
    assert.match(num.pPr, /<w:tab w:val="right"/);
    const name = num.runs.find((r) => r.text === '张三');
    assert.ok(name);
    assert.equal(eastAsiaFont(name.rPr), '楷体_GB2312');
    assert.ok(num.runs.some((r) => r.text === '签发人：'));
  });

  it('configured fonts replace the defaults', async () => {
    const doc = await readDocx(
      await exportDocx(sampleSource(), 'markdown', { fonts: { title: ['华文中宋'], body: ['仿宋'], latin: 'Arial' } }),
    );
    const t = para(doc, '临江市人民政府关于');
    assert.equal(eastAsiaFont(t.runs[0].rPr), '华文中宋');
    const b = para(doc, '为深入贯彻');
    assert.equal(eastAsiaFont(b.runs[0].rPr), '仿宋');
    assert.equal(attr(b.runs[0].rPr, 'w:rFonts', 'w:ascii'), 'Arial');
  });

  it('attachments start on a new page headed 附件N in 黑体, title 小标宋', async () => {
    const src = sampleSource().replace(/\n抄送：[\s\S]*$/, '\n\n附件1\n\n临江市2024年度安全生产重点工作任务分工表\n\n一、目标任务\n\n全年事故总量持续下降。\n');
    const doc = await readDocx(await exportDocx(src, 'markdown'));
    const h = para(doc, '附件1');
    assert.match(h.pPr, /<w:pageBreakBefore\/>/);
    assert.equal(eastAsiaFont(h.runs[0].rPr), '黑体');
    const t = para(doc, '临江市2024年度安全生产重点工作任务分工表');
    assert.equal(attr(t.pPr, 'w:jc', 'w:val'), 'center');
    assert.equal(size(t.runs[0].rPr), 22);
    assert.equal(attr(t.pPr, 'w:spacing', 'w:before'), '579'); // title on line 3
  });

  it('信函格式 for 函: red mark in the first-page header, no page number on page 1', async () => {
    const src = ['临江市人民政府办公室', '', '临政办函〔2024〕8号', '', '# 临江市人民政府办公室关于商请支持开展联合调研的函', '', '市统计局：', '', '为做好相关工作，现商请贵局给予支持。', '', '特此函告。', '', '临江市人民政府办公室', '', '2024年4月2日'].join('\n');
    const doc = await readDocx(await exportDocx(src, 'markdown'));
    assert.match(doc.document, /<w:titlePg\/>/);
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(doc.document)![0];
    assert.match(sect, /<w:headerReference w:type="first"/);
    const headerXml = Object.entries(doc.files).find(([n, x]) => /^word\/header\d*\.xml$/.test(n) && x.includes('临江市人民政府办公室'));
    assert.ok(headerXml, 'mark not in a header');
    const mark = para(paragraphsOf(headerXml[1]), '临江市人民政府办公室');
    assert.equal(attr(mark.runs[0].rPr, 'w:color', 'w:val'), 'FF0000');
    assert.match(headerXml[1], /thickThinSmallGap/);
    assert.equal(attr(doc.document, 'w:pgMar', 'w:header'), '1701'); // 30 mm
    const num = para(doc, '临政办函〔2024〕8号');
    assert.equal(attr(num.pPr, 'w:jc', 'w:val'), 'right');
    const t = para(doc, '临江市人民政府办公室关于');
    assert.equal(attr(t.pPr, 'w:spacing', 'w:before'), String(2 * 579)); // two lines below the 文号
  });

  it('纪要格式: the 纪要 title becomes the red mark; 出席 in 黑体 with names aligned', async () => {
    const src = ['# 临江市人民政府常务会议纪要', '', '2024年3月20日，市长主持召开市政府常务会议，研究安全生产工作。', '', '出席：王一，李二，张三', '', '列席：赵四'].join('\n');
    const content = buildContent(src, 'markdown');
    assert.equal(content.docType, '纪要');
    const doc = await readDocx(await exportDocx(src, 'markdown'));
    const mark = para(doc, '临江市人民政府常务会议纪要');
    assert.equal(attr(mark.runs[0].rPr, 'w:color', 'w:val'), 'FF0000');
    assert.equal(attr(para(doc, '2024年3月20日').pPr, 'w:spacing', 'w:before'), String(2 * 579));
    const att = para(doc, '出席：');
    assert.equal(eastAsiaFont(att.runs[0].rPr), '黑体');
    assert.equal(att.runs[0].text, '出席：');
    assert.equal(eastAsiaFont(att.runs[1].rPr), '仿宋_GB2312');
    assert.equal(Number(attr(att.pPr, 'w:ind', 'w:left')) - Number(attr(att.pPr, 'w:ind', 'w:hanging')), 640);
  });

  it('Markdown inline markup is stripped, bold kept', async () => {
    const src = '# 关于测试的通知\n\n各单位：\n\n请**务必**按时报送，详见 `附表` 和 https://example.gov.cn/a 。\n';
    const doc = await readDocx(await exportDocx(src, 'markdown'));
    const b = para(doc, '请务必');
    assert.equal(b.text, '请务必按时报送，详见 附表 和 https://example.gov.cn/a 。');
    const bold = b.runs.find((r) => r.text === '务必');
    assert.ok(bold && /<w:b\/>/.test(bold.rPr));
    assert.ok(!/[*`#]/.test(doc.paragraphs.map((p) => p.text).join('')));
  });

  it('plain-text drafts export too', async () => {
    const src = '关于测试的通知\n各单位：\n　　现将有关事项通知如下。\n临江市人民政府\n2024年3月15日\n';
    const doc = await readDocx(await exportDocx(src, 'plaintext'));
    assert.equal(attr(para(doc, '关于测试的通知').pPr, 'w:jc', 'w:val'), 'center');
    assert.equal(para(doc, '现将有关事项').text, '现将有关事项通知如下。'); // leading 全角空格 dropped, indent set
    assert.equal(attr(para(doc, '现将有关事项').pPr, 'w:ind', 'w:firstLine'), '640');
  });
});

describe('export: files', function () {
  this.timeout(20_000);
  it('X.md → X.docx beside the draft, written atomically', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-export-'));
    try {
      const md = path.join(dir, '通知.md');
      fs.copyFileSync(SAMPLE, md);
      const { out } = await exportFile(md);
      assert.equal(out, path.join(dir, '通知.docx'));
      assert.equal(fs.readFileSync(out).subarray(0, 2).toString(), 'PK');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['通知.docx', '通知.md']); // no temp file left
      const custom = path.join(dir, 'out.docx');
      assert.equal((await exportFile(md, custom)).out, custom);
      assert.ok(fs.existsSync(custom));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a failed write leaves no file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-export-'));
    try {
      const md = path.join(dir, 'a.md');
      fs.writeFileSync(md, '# 关于测试的通知\n');
      await assert.rejects(exportFile(md, path.join(dir, 'missing-dir', 'a.docx')));
      assert.deepEqual(fs.readdirSync(dir), ['a.md']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('paths and formats', () => {
    assert.equal(defaultOutPath('/a/b/通知.md'), '/a/b/通知.docx');
    assert.equal(defaultOutPath('/a/b/draft'), '/a/b/draft.docx');
    assert.equal(formatOfPath('x.md'), 'markdown');
    assert.equal(formatOfPath('x.txt'), 'plaintext');
  });

  it('noGridSnap inserts w:snapToGrid before paragraph spacing only', () => {
    const xml = '<w:p><w:pPr><w:jc w:val="left"/></w:pPr></w:p><w:p><w:pPr><w:keepNext/><w:spacing w:line="579"/></w:pPr><w:r><w:rPr><w:spacing w:val="-6"/></w:rPr></w:r></w:p>';
    assert.equal(
      noGridSnap(xml),
      '<w:p><w:pPr><w:jc w:val="left"/></w:pPr></w:p><w:p><w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:line="579"/></w:pPr><w:r><w:rPr><w:spacing w:val="-6"/></w:rPr></w:r></w:p>',
    );
  });
});

describe('export: tables', function () {
  this.timeout(20_000);
  it('a Markdown table becomes a Word table with a 黑体 header row', async () => {
    const src = ['# 关于测试的通知', '', '各单位：', '', '现将分工通知如下。', '', '| 序号 | 工作任务 | 牵头单位 |', '| --- | --- | --- |', '| 1 | 开展**隐患**排查 | 市应急管理局 |', '| 2 | 完善应急预案 | 各区县政府 |', '', '特此通知。'].join('\n');
    const doc = await readDocx(await exportDocx(src, 'markdown'));
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc.document)?.[0];
    assert.ok(tbl, 'no table');
    assert.equal(attr(tbl, 'w:tblpPr', 'w:tblpYSpec'), undefined); // inline, not floating
    const rows = [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [^>]*>[\s\S]*?<\/w:tr>/g)].map((m) => paragraphsOf(m[0]).map((p) => p.text));
    assert.deepEqual(rows, [
      ['序号', '工作任务', '牵头单位'],
      ['1', '开展隐患排查', '市应急管理局'],
      ['2', '完善应急预案', '各区县政府'],
    ]);
    const header = paragraphsOf(tbl)[0];
    assert.equal(eastAsiaFont(header.runs[0].rPr), '黑体');
    // no table text leaks into body paragraphs
    assert.ok(!doc.paragraphs.some((p) => p.text === '市应急管理局' && !tbl.includes(p.xml)));
    assert.equal(para(doc, '特此通知。').text, '特此通知。');
  });
});

describe('export: more layouts', function () {
  this.timeout(20_000);
  it('unsealed: 署名 right by two characters, date below it moved right by two', async () => {
    const doc = await readDocx(await exportDocx(sampleSource(), 'markdown', { sealed: false }));
    const sig = para(doc, /^临江市人民政府$/);
    assert.equal(attr(sig.pPr, 'w:jc', 'w:val'), 'right');
    assert.equal(attr(sig.pPr, 'w:ind', 'w:right'), '640');
    assert.equal(attr(sig.pPr, 'w:spacing', 'w:before'), '579'); // 正文下空一行
    const date = para(doc, '2024年3月15日');
    const sigWidth = 7 * (320 - 6);
    assert.equal(Number(attr(date.pPr, 'w:ind', 'w:left')), 8845 - 640 - sigWidth + 640);
  });

  it('信函格式: 份号 left and 发文字号 right on the first line', async () => {
    const src = ['000045', '临江市人民政府办公室', '', '临政办函〔2024〕8号', '', '# 临江市人民政府办公室关于商请支持开展联合调研的函', '', '市统计局：', '', '现商请贵局给予支持。', '', '临江市人民政府办公室', '', '2024年4月2日'].join('\n');
    const doc = await readDocx(await exportDocx(src, 'markdown'));
    const first = para(doc, '000045');
    assert.equal(first.text, '000045临政办函〔2024〕8号');
    assert.match(first.pPr, /<w:tab w:val="right" w:pos="8845"\/>/);
    assert.ok(!doc.paragraphs.some((p) => p.text === '临政办函〔2024〕8号'));
  });

  it('survives drafts without structure', async () => {
    for (const src of ['', '\n\n', '---\n文种: 通知\n---\n', '附件1\n', '抄送：甲。', '# \n', '| a |\n| - |\n']) {
      const doc = await readDocx(await exportDocx(src, 'markdown'));
      assert.match(doc.document, /<w:sectPr>/);
    }
  });
});
