// The writer of comments (批注) and tracked changes (修订), checked through
// the reader: readDocx → reviewDocx → (a) each comment's range covers exactly
// the finding's characters, per construct; (b) accepting every revision (and
// rejecting every one) and reading again gives the edited (the original)
// text; (c) comments.xml, its content type and relationship; (d) LibreOffice
// opens the reviewed file with every comment.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { readDocx } from '../../../server/src/docx/read';
import { reviewDocx, reviewDocxWithResult } from '../../../server/src/docx/review';
import type { DocxDraft, ReviewItem } from '../../../server/src/docx/types';
import { buildDocx, gongwenAbstract, np, p, r, wrapNumbering, wrapStyles, type DocxSpec } from '../../helpers/docx';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const AUTHOR = '公文助手';
const DATE = new Date('2025-03-01T08:00:00Z');

// --- building blocks ----------------------------------------------------------

const hyperlink = (inner: string) => `<w:hyperlink w:anchor="target" w:history="1">${inner}</w:hyperlink>`;
const complexField = (code: string, result: string) =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  `<w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  result +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
const fldSimple = (inner: string) => `<w:fldSimple w:instr=" PAGE ">${inner}</w:fldSimple>`;
const sdt = (inner: string) => `<w:sdt><w:sdtPr><w:id w:val="12345"/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
const tracked = (inner: string) => `<w:ins w:id="7" w:author="张三" w:date="2024-01-01T00:00:00Z">${inner}</w:ins>`;
const cell = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${inner}</w:tc>`;
const table = (rows: string[][]) =>
  '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>' +
  rows.map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`).join('') +
  '</w:tbl>';
/** A floating text box, as Word writes it (DrawingML in mc:Choice, VML in mc:Fallback). */
const textBox = (paras: string) =>
  '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>' +
  '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
  '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>' +
  '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>' +
  '<wp:extent cx="2000000" cy="600000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>' +
  '<wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>' +
  '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">' +
  '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="600000"/></a:xfrm>' +
  '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>' +
  `<wps:txbx><w:txbxContent>${paras}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"/></wps:wsp>` +
  '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>' +
  `<mc:Fallback><w:pict><v:shape style="width:157pt;height:47pt" type="#_x0000_t202"><v:textbox><w:txbxContent>${paras}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` +
  '</mc:AlternateContent></w:r>';

const numbering = wrapNumbering(`${gongwenAbstract(0)}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`);
const commentStyles = wrapStyles(
  '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="character" w:styleId="a5"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="a6"><w:name w:val="annotation text"/></w:style>',
);

/** A document with every construct the writer must handle. */
function constructsBody(): string {
  return (
    p(r('关于') + r('加强') + r('文稿') + r('管理的通知')) + // 0 split runs
    p(r('普通文字') + r('重要事项', '<w:b/><w:color w:val="FF0000"/>') + r('结束')) + // 1 formatting
    p(r('详见') + hyperlink(r('办公厅网站') + r('通知栏')) + r('。')) + // 2 hyperlink
    p(r('日期：') + complexField('DATE \\@ "yyyy年M月d日"', r('2025年3月1日')) + r('止') + fldSimple(r('12'))) + // 3 fields
    table([[p(r('单元格甲乙')), p(r('单元格丙丁'))]]) + // 4, 5 table
    np('加强组织领导', 1) + // 6 numbered
    p(r('锚定') + textBox(p(r('框内的文字'))) + r('段落')) + // 7 anchor, 8 text box
    p(r('控件前') + sdt(r('内容控件文字')) + r('后')) + // 9 sdt
    p(r('原有') + tracked(r('修订插入文字')) + r('之后')) + // 10 existing insertion
    p(r('制表') + '<w:r><w:tab/></w:r>' + r('符号') + '<w:r><w:noBreakHyphen/></w:r>' + r('连')) + // 11 tab, hyphen
    p(r('参见') + complexField('HYPERLINK "https://www.gov.cn/"', r('政府网链接', '<w:u w:val="single"/>')) + r('。')) // 12 hyperlink field
  );
}

// --- helpers ------------------------------------------------------------------------

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const isEl = (n: Node | null): n is Element => !!n && n.nodeType === 1;

async function partsOf(bytes: Uint8Array): Promise<{ zip: JSZip; files: Record<string, string> }> {
  const zip = await JSZip.loadAsync(bytes);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (/\.(xml|rels)$/.test(name)) files[name] = await zip.file(name)!.async('string');
  }
  return { zip, files };
}

/** The offset range of the first occurrence of `needle` in the draft's text (after `from`). */
function find(draft: DocxDraft, needle: string, from = 0): { start: number; end: number } {
  const start = draft.text.indexOf(needle, from);
  assert.ok(start >= 0, `“${needle}” not in ${JSON.stringify(draft.text)}`);
  return { start, end: start + needle.length };
}

/**
 * The characters each comment range covers, in the document as it was (text
 * deleted by the review counted, text it inserted not), or as it would be
 * after accepting every revision. mc:Fallback (the VML copy of a text box) is
 * not read, as by the reader.
 */
function commentRanges(doc: Document, mode: 'original' | 'accepted'): Map<string, string> {
  const open = new Set<string>();
  const out = new Map<string, string>();
  const add = (s: string) => {
    for (const id of open) out.set(id, (out.get(id) ?? '') + s);
  };
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (!isEl(c)) continue;
      if (c.namespaceURI === MC && c.localName === 'Fallback') continue;
      if (c.namespaceURI === W && c.localName === 'txbxContent') {
        // A text box is text of its own: ranges open around its anchor do not run into it.
        const outside = [...open];
        open.clear();
        walk(c);
        open.clear();
        for (const id of outside) open.add(id);
        continue;
      }
      if (c.namespaceURI === W) {
        const id = c.getAttributeNS(W, 'id') ?? '';
        const ours = c.getAttributeNS(W, 'author') === AUTHOR;
        switch (c.localName) {
          case 'commentRangeStart':
            open.add(id);
            out.set(id, out.get(id) ?? '');
            continue;
          case 'commentRangeEnd':
            open.delete(id);
            continue;
          case 'del':
            if (mode === 'accepted') continue;
            break;
          case 'ins':
            if (mode === 'original' && ours) continue;
            break;
          case 't':
            add(c.textContent ?? '');
            continue;
          case 'delText':
            if (mode === 'original') add(c.textContent ?? '');
            continue;
          case 'tab':
            if (c.parentNode && (c.parentNode as Element).localName === 'r') add('\t');
            continue;
          case 'noBreakHyphen':
            add('-');
            continue;
          case 'instrText':
            continue;
        }
      }
      walk(c);
    }
  };
  walk(doc.documentElement!);
  return out;
}

/** The package with every revision accepted (or rejected): w:del dropped and w:ins unwrapped, or the reverse. */
async function resolveRevisions(bytes: Uint8Array, how: 'accept' | 'reject'): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = parse(await zip.file('word/document.xml')!.async('string'));
  const all = (local: string) => {
    const list: Element[] = [];
    const walk = (n: Node) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (!isEl(c)) continue;
        if (c.namespaceURI === W && c.localName === local) list.push(c);
        walk(c);
      }
    };
    walk(doc);
    return list;
  };
  const [drop, keep] = how === 'accept' ? ['del', 'ins'] : ['ins', 'del'];
  for (const el of all(drop)) if (el.getAttributeNS(W, 'author') === AUTHOR) el.parentNode!.removeChild(el);
  for (const el of all(keep)) {
    if (el.getAttributeNS(W, 'author') !== AUTHOR) continue;
    while (el.firstChild) el.parentNode!.insertBefore(el.firstChild, el);
    el.parentNode!.removeChild(el);
  }
  if (how === 'reject') {
    for (const dt of all('delText')) {
      const t2 = doc.createElementNS(W, 'w:t');
      t2.setAttribute('xml:space', 'preserve');
      t2.appendChild(doc.createTextNode(dt.textContent ?? ''));
      dt.parentNode!.replaceChild(t2, dt);
    }
  }
  zip.file('word/document.xml', new XMLSerializer().serializeToString(doc));
  return zip.generateAsync({ type: 'uint8array' });
}

/** Applies edits (offsets in `text`) that do not overlap, last first. */
function applyEdits(text: string, edits: Array<{ start: number; end: number; newText: string }>): string {
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

interface Reviewed {
  before: DocxDraft;
  bytes: Uint8Array;
  files: Record<string, string>;
  doc: Document;
  /** Comment ids in the order of the items. */
  ids: string[];
}

async function review(spec: DocxSpec, items: (d: DocxDraft) => ReviewItem[], commentsOnly = false): Promise<Reviewed & { items: ReviewItem[] }> {
  const source = await buildDocx(spec);
  const before = await readDocx(source);
  const list = items(before);
  const draft = await readDocx(source); // the review edits its draft in place
  const bytes = await reviewDocx(draft, list, { date: DATE, commentsOnly });
  const { files } = await partsOf(bytes);
  const doc = parse(files['word/document.xml']);
  const comments = parse(files['word/comments.xml']);
  const ids: string[] = [];
  for (let c = comments.documentElement!.firstChild; c; c = c.nextSibling) {
    if (isEl(c) && c.localName === 'comment' && c.getAttributeNS(W, 'author') === AUTHOR) ids.push(c.getAttributeNS(W, 'id')!);
  }
  return { before, bytes, files, doc, ids, items: list };
}

const item = (range: { start: number; end: number }, comment = '问题', edits?: ReviewItem['edits']): ReviewItem => ({
  ...range,
  comment,
  edits,
});

// --- (a) comments on exactly the finding's characters -------------------------------------------

describe('docx review: comment ranges per construct', function () {
  this.timeout(20_000);

  const cases: Array<[string, string]> = [
    ['split runs (across three runs)', '于加强文'],
    ['inside one run', '管理'],
    ['whole run', '加强'],
    ['run with formatting', '要事'],
    ['hyperlink (part of it)', '厅网'],
    ['hyperlink (into the text after it)', '知栏。'],
    ['complex field result', '3月'],
    ['field result into the text after it', '1日止'],
    ['fldSimple result', '12'],
    ['table cell', '元格甲'],
    ['second table cell', '丙丁'],
    ['numbered paragraph: the whole line', '一、加强组织领导'],
    ['text box', '内的文'],
    ['anchor paragraph around the text box', '定段'],
    ['content control', '控件文字后'],
    ['existing insertion of another author', '有修订'],
    ['tab and no-break hyphen', '\t符号-'],
    ['HYPERLINK field result', '政府网链'],
  ];

  let rv: Reviewed & { items: ReviewItem[] };
  before(async () => {
    rv = await review({ body: constructsBody(), numbering }, (d) => cases.map(([, s]) => item(find(d, s))));
  });

  cases.forEach(([name, needle], i) => {
    it(name, () => {
      const covered = commentRanges(rv.doc, 'original').get(rv.ids[i]);
      const want = needle.startsWith('一、') ? needle.slice(2) : needle; // the ordinal is generated, not covered
      assert.equal(covered, want);
    });
  });

  it('one comment, reference and range per item, in order', () => {
    const count = (local: string) => rv.doc.getElementsByTagNameNS(W, local).length;
    assert.equal(rv.ids.length, cases.length);
    assert.equal(count('commentRangeStart'), cases.length);
    assert.equal(count('commentRangeEnd'), cases.length);
    assert.equal(count('commentReference'), cases.length);
    const refs = Array.from(rv.doc.getElementsByTagNameNS(W, 'commentReference')).map((e) => e.getAttributeNS(W, 'id'));
    assert.deepEqual(new Set(refs), new Set(rv.ids));
  });

  it('the text is unchanged: read again, the same paragraphs', async () => {
    const again = await readDocx(rv.bytes);
    assert.equal(again.text, rv.before.text);
  });

  it('a split run keeps its formatting on both halves', () => {
    for (const tEl of Array.from(rv.doc.getElementsByTagNameNS(W, 't'))) {
      if (!'重要事项'.includes(tEl.textContent ?? '')) continue;
      const rPr = (tEl.parentNode as Element).getElementsByTagNameNS(W, 'rPr')[0];
      assert.ok(rPr, `no rPr on “${tEl.textContent}”`);
      assert.equal(rPr.getElementsByTagNameNS(W, 'b').length, 1);
      assert.equal(rPr.getElementsByTagNameNS(W, 'color')[0]?.getAttributeNS(W, 'val'), 'FF0000');
    }
    const texts = Array.from(rv.doc.getElementsByTagNameNS(W, 't')).map((e) => e.textContent);
    assert.ok(texts.includes('重') && texts.includes('要事') && texts.includes('项'), texts.join('|'));
  });

  it('markers stay in the parent of the run: hyperlink, field, content control, text box (mc:Choice)', () => {
    const parentOf = (id: string, local: string) => {
      const el = Array.from(rv.doc.getElementsByTagNameNS(W, local)).find((e) => e.getAttributeNS(W, 'id') === id)!;
      return (el.parentNode as Element).localName;
    };
    assert.equal(parentOf(rv.ids[4], 'commentRangeStart'), 'hyperlink');
    assert.equal(parentOf(rv.ids[4], 'commentRangeEnd'), 'hyperlink');
    assert.equal(parentOf(rv.ids[14], 'commentRangeStart'), 'sdtContent');
    assert.equal(parentOf(rv.ids[8], 'commentRangeStart'), 'fldSimple');
    assert.equal(parentOf(rv.ids[8], 'commentRangeEnd'), 'fldSimple');
    const box = Array.from(rv.doc.getElementsByTagNameNS(W, 'commentRangeStart')).find((e) => e.getAttributeNS(W, 'id') === rv.ids[12])!;
    let n: Node | null = box;
    while (n && !(isEl(n) && n.localName === 'Choice')) n = n.parentNode;
    assert.ok(n, 'the text-box comment is in mc:Choice');
  });
});

describe('docx review: comments in fields', function () {
  it('the range stays in the field result, the reference run follows the field', async () => {
    const body = p(r('日期：') + complexField('DATE', r('2025年') + r('3月1日')) + r('止') + fldSimple(r('12')) + r('页'));
    const rv = await review({ body }, (d) => [item(find(d, '年3')), item(find(d, '2', find(d, '止').end))]);
    assert.deepEqual(
      rv.ids.map((id) => commentRanges(rv.doc, 'original').get(id)),
      ['年3', '2'],
    );
    const xml = new XMLSerializer().serializeToString(rv.doc);
    const ref = (id: string) => xml.indexOf(`<w:commentReference w:id="${id}"/>`);
    assert.ok(ref(rv.ids[0]) > xml.indexOf('w:fldCharType="end"'), 'after the end of the DATE field');
    assert.ok(ref(rv.ids[0]) < xml.indexOf('>止<'));
    assert.ok(ref(rv.ids[1]) > xml.indexOf('</w:fldSimple>') && ref(rv.ids[1]) < xml.indexOf('>页<'), 'after the fldSimple');
  });
});

describe('docx review: overlapping, empty and odd ranges', function () {
  this.timeout(20_000);

  it('overlapping and nested comments each cover their own characters', async () => {
    const rv = await review({ body: p(r('一二三') + r('四五六七')) }, (d) => [
      item(find(d, '二三四')),
      item(find(d, '三四五')),
      item(find(d, '一二三四五六七')),
      item(find(d, '四')),
    ]);
    const got = commentRanges(rv.doc, 'original');
    assert.deepEqual(
      rv.ids.map((id) => got.get(id)),
      ['二三四', '三四五', '一二三四五六七', '四'],
    );
  });

  it('an empty range is a point comment; a range across paragraphs is clipped to its first', async () => {
    const rv = await review({ body: p(r('第一段文字')) + p(r('第二段')) }, (d) => [
      { start: find(d, '段文').start, end: find(d, '段文').start, comment: '此处缺字' },
      { start: find(d, '文字').start, end: find(d, '第二').end, comment: '跨段' },
    ]);
    const got = commentRanges(rv.doc, 'original');
    assert.deepEqual(
      rv.ids.map((id) => got.get(id)),
      ['', '文字'],
    );
  });

  it('a comment on the ordinal only is anchored at the first character after it', async () => {
    const rv = await review({ body: np('工作要求', 1), numbering }, (d) => [item({ start: 0, end: 2 })]);
    const start = rv.doc.getElementsByTagNameNS(W, 'commentRangeStart')[0];
    const next = start.nextSibling as Element;
    assert.equal(commentRanges(rv.doc, 'original').get(rv.ids[0]), '');
    assert.equal(next.localName, 'commentRangeEnd');
    assert.ok(rv.doc.getElementsByTagNameNS(W, 'p')[0].textContent!.includes('工作要求'));
  });

  it('white space at the ends of a w:t without xml:space="preserve" stays invisible when the run is split', async () => {
    const body = p('<w:r><w:t>  甲乙 丙丁  </w:t></w:r>');
    const rv = await review({ body }, (d) => [item(find(d, '乙 丙'), '改', [{ ...find(d, '乙'), newText: '己' }])]);
    assert.equal(rv.before.text, '甲乙 丙丁');
    assert.equal(commentRanges(rv.doc, 'original').get(rv.ids[0]), '乙 丙');
    assert.equal((await readDocx(await resolveRevisions(rv.bytes, 'reject'))).text, '甲乙 丙丁');
    assert.equal((await readDocx(await resolveRevisions(rv.bytes, 'accept'))).text, '甲己 丙丁');
  });

  it('a range at the first or last visible character of such a w:t leaves no empty w:t behind', async () => {
    const body = p('<w:r><w:t>  甲乙丙  </w:t></w:r>');
    const rv = await review({ body }, (d) => [item(find(d, '甲')), item(find(d, '丙'))]);
    const got = commentRanges(rv.doc, 'original');
    assert.deepEqual(rv.ids.map((id) => got.get(id)), ['甲', '丙']);
    const texts = Array.from(rv.doc.getElementsByTagNameNS(W, 't')).map((x) => x.textContent);
    assert.ok(texts.every((x) => x !== ''), JSON.stringify(texts));
    assert.equal((await readDocx(rv.bytes)).text, '甲乙丙');
  });

  it('characters XML cannot hold are left out of comments and insertions', async () => {
    const rv = await review({ body: p(r('正文内容')) }, (d) => [item(find(d, '正文'), 'bad\u0001\u0008 text\uD800', [{ ...find(d, '内容'), newText: 'x\u0002y' }])]);
    const comments = parse(rv.files['word/comments.xml']);
    assert.equal(comments.getElementsByTagNameNS(W, 'comment')[0].textContent, 'bad text');
    assert.equal((await readDocx(await resolveRevisions(rv.bytes, 'accept'))).text, '正文xy');
  });

  it('no items: the package is unchanged', async () => {
    const source = await buildDocx({ body: p(r('正文')) });
    const out = await reviewDocx(await readDocx(source), []);
    assert.equal((await readDocx(out)).text, '正文');
    assert.equal((await JSZip.loadAsync(out)).file('word/comments.xml'), null);
  });
});

// --- (b) tracked changes: accept all / reject all ----------------------------------------

describe('docx review: tracked changes', function () {
  this.timeout(20_000);

  type Edit = { start: number; end: number; newText: string };
  let rv: Reviewed & { items: ReviewItem[] };
  let applied: Edit[];
  let result: { editsApplied: number; editsSkipped: number };

  before(async () => {
    const source = await buildDocx({ body: constructsBody(), numbering });
    const d = await readDocx(source);
    const e = (needle: string, newText: string, from = 0): Edit => ({ ...find(d, needle, from), newText });
    const ins = (needle: string, newText: string): Edit => {
      const at = find(d, needle).end;
      return { start: at, end: at, newText };
    };
    const good: Edit[] = [
      e('于加强文', '於加强公文'), // across runs
      e('要事', '大事'), // formatted run
      e('厅网', '厅官网'), // hyperlink
      e('府网', '府门户网'), // the result of a HYPERLINK field: its displayed text
      e('元格甲', '元格子甲'), // table cell
      e('丙', ''), // deletion only
      ins('单元格丙丁', '。'), // insertion at the end of a cell paragraph
      e('组织', '组织的'), // numbered paragraph, after the ordinal
      e('内的', '里的'), // text box
      e('控件文字', '控件的文字'), // content control
      e('修订插入', '修订新插入'), // inside another author's insertion
      e('\t符号-', ' 符号—'), // tab and hyphen
      ins('日期：', '\t'), // a tab inserted
    ];
    const skipped: Edit[] = [
      { start: find(d, '一、').start, end: find(d, '一、加').end, newText: '（一）加' }, // touches the ordinal
      e('加强文稿', '加强文件'), // overlaps the first edit
      { start: find(d, '12').start, end: find(d, '12').start + 1, newText: 'x\ny' }, // a line break
      ins('于加', '在'), // insertion inside an applied deletion
      e('3月', '4月'), // the result of a DATE field: replaced when the field is updated
      e('12', '13'), // fldSimple PAGE
    ];
    const items: ReviewItem[] = [
      ...good.map((x) => item(x, '改', [x])),
      ...skipped.map((x) => item({ start: x.start, end: Math.max(x.start, x.end) }, '不改', [x])),
    ];
    applied = good;
    const draft = await readDocx(source);
    const out = await reviewDocxWithResult(draft, items, { date: DATE });
    result = out;
    const { files } = await partsOf(out.bytes);
    rv = { before: d, bytes: out.bytes, files, doc: parse(files['word/document.xml']), ids: [], items };
  });

  it('counts applied and skipped edits', () => {
    assert.equal(result.editsApplied, applied.length);
    assert.equal(result.editsSkipped, 6);
  });

  it('accepting every revision gives the text with the edits applied', async () => {
    const accepted = await readDocx(await resolveRevisions(rv.bytes, 'accept'));
    assert.equal(accepted.text, applyEdits(rv.before.text, applied));
  });

  it('rejecting every revision gives the original text', async () => {
    const rejected = await readDocx(await resolveRevisions(rv.bytes, 'reject'));
    assert.equal(rejected.text, rv.before.text);
  });

  it('the reader reads the reviewed file as if its revisions were accepted', async () => {
    const again = await readDocx(rv.bytes);
    assert.equal(again.text, applyEdits(rv.before.text, applied));
  });

  it('w:del holds w:delText runs, w:ins new runs with the run formatting; author, date, unique ids', () => {
    const dels = Array.from(rv.doc.getElementsByTagNameNS(W, 'del'));
    const inss = Array.from(rv.doc.getElementsByTagNameNS(W, 'ins')).filter((x) => x.getAttributeNS(W, 'author') === AUTHOR);
    assert.ok(dels.length >= 11 && inss.length === 12, `${dels.length} del, ${inss.length} ins`);
    for (const x of [...dels, ...inss]) {
      assert.equal(x.getAttributeNS(W, 'author'), AUTHOR);
      assert.equal(x.getAttributeNS(W, 'date'), '2025-03-01T08:00:00Z');
    }
    for (const d of dels) {
      assert.equal(d.getElementsByTagNameNS(W, 't').length, 0);
      assert.ok(d.getElementsByTagNameNS(W, 'delText').length + d.getElementsByTagNameNS(W, 'tab').length > 0);
    }
    const bold = inss.find((x) => x.textContent === '大事')!;
    assert.ok(bold.getElementsByTagNameNS(W, 'b').length === 1, 'the inserted text keeps the bold of the replaced run');
    const ids = [...rv.doc.getElementsByTagNameNS(W, 'del'), ...rv.doc.getElementsByTagNameNS(W, 'ins'), ...rv.doc.getElementsByTagNameNS(W, 'commentRangeStart')].map(
      (x) => x.getAttributeNS(W, 'id'),
    );
    assert.equal(new Set(ids).size, ids.length, `ids ${ids.join(',')}`);
    const inserted = inss.find((x) => x.textContent === ' 符号—');
    assert.ok(inserted, 'the replacement of a tab');
    assert.equal(inss.filter((x) => x.getElementsByTagNameNS(W, 'tab').length === 1).length, 1, 'an inserted tab is a w:tab');
  });

  it('a comment on a replaced range covers the deletion and its insertion', () => {
    const orig = commentRanges(rv.doc, 'original');
    const acc = commentRanges(rv.doc, 'accepted');
    const idOf = (text: string) => [...orig].find(([, v]) => v === text)![0];
    let n = 0;
    for (const e of applied) {
      if (e.start === e.end || !e.newText) continue;
      const id = idOf(rv.before.text.slice(e.start, e.end));
      assert.equal(acc.get(id), e.newText);
      n++;
    }
    assert.equal(n, 10);
  });

  it('comments only: no revision at all', async () => {
    const rv2 = await review({ body: constructsBody(), numbering }, () => rv.items, true);
    assert.equal(rv2.doc.getElementsByTagNameNS(W, 'del').length, 0);
    assert.equal(Array.from(rv2.doc.getElementsByTagNameNS(W, 'ins')).filter((x) => x.getAttributeNS(W, 'author') === AUTHOR).length, 0);
    assert.equal((await readDocx(rv2.bytes)).text, rv.before.text);
    assert.equal(rv2.ids.length, rv.items.length);
  });
});

// --- (c) the package: comments part, content type, relationship -----------------------------

describe('docx review: comments part, content type and relationship', function () {
  this.timeout(20_000);

  it('a package without comments gets comments.xml, its override and relationship, once', async () => {
    const rv = await review({ body: p(r('第一句。') + r('第二句。')) }, (d) => [
      { ...find(d, '第一'), comment: '用词不当\n建议：改为“首先”\n依据：GB/T 9704' },
      item(find(d, '二句')),
    ]);
    const ct = rv.files['[Content_Types].xml'];
    assert.equal(ct.match(/PartName="\/word\/comments\.xml"/g)?.length, 1);
    assert.match(ct, /application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.comments\+xml/);
    const rels = rv.files['word/_rels/document.xml.rels'];
    assert.equal(rels.match(/relationships\/comments"/g)?.length, 1);
    assert.match(rels, /Target="comments\.xml"/);
    const comments = parse(rv.files['word/comments.xml']);
    const list = comments.getElementsByTagNameNS(W, 'comment');
    assert.equal(list.length, 2);
    const first = list[0];
    assert.equal(first.getAttributeNS(W, 'author'), AUTHOR);
    assert.equal(first.getAttributeNS(W, 'initials'), 'GW');
    assert.equal(first.getAttributeNS(W, 'date'), '2025-03-01T08:00:00Z');
    const paras = Array.from(first.getElementsByTagNameNS(W, 'p')).map((x) => x.textContent);
    assert.deepEqual(paras, ['用词不当', '建议：改为“首先”', '依据：GB/T 9704']);
    assert.equal(first.getElementsByTagNameNS(W, 'annotationRef').length, 1);
    // No comment styles in the package: none referenced.
    assert.doesNotMatch(rv.files['word/document.xml'], /rStyle/);
    assert.doesNotMatch(rv.files['word/comments.xml'], /rStyle|pStyle/);
  });

  it('[Content_Types].xml is the first entry; the parts keep the XML declaration with standalone="yes"', async () => {
    const rv = await review({ body: p(r('正文')) }, (d) => [item(find(d, '正'))]);
    const zip = await JSZip.loadAsync(rv.bytes);
    assert.equal(Object.keys(zip.files)[0], '[Content_Types].xml');
    for (const name of ['word/document.xml', 'word/comments.xml', '[Content_Types].xml', 'word/_rels/document.xml.rels']) {
      assert.match(rv.files[name], /^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>/, name);
    }
  });

  it('the document’s comment styles are used when it defines them', async () => {
    const rv = await review({ body: p(r('正文')), styles: commentStyles }, (d) => [item(find(d, '正文'))]);
    assert.match(rv.files['word/document.xml'], /<w:rStyle w:val="a5"\/><\/w:rPr><w:commentReference/);
    assert.match(rv.files['word/comments.xml'], /<w:pStyle w:val="a6"\/>/);
  });

  it('existing comments stay untouched, new ids follow every id in use, nothing is added twice', async () => {
    const existing =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<w:comments xmlns:w="${W}"><w:comment w:id="3" w:author="李四" w:date="2024-05-01T00:00:00Z" w:initials="LS"><w:p><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment></w:comments>`;
    const body =
      p('<w:commentRangeStart w:id="3"/>' + r('已有批注的文字') + '<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>') +
      p(tracked(r('他人修订')) + '<w:del w:id="9" w:author="张三" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>删去</w:delText></w:r></w:del>' + r('正文'));
    const source = await buildDocx({ body, comments: existing });
    const srcComments = await (await JSZip.loadAsync(source)).file('word/comments.xml')!.async('string');
    const d = await readDocx(source);
    const out = await reviewDocx(d, [item(find(d, '批注'), '新批注', [{ ...find(d, '正文'), newText: '本文' }]), item(find(d, '他人'))], { date: DATE });
    const { files } = await partsOf(out);
    const comments = parse(files['word/comments.xml']);
    const list = Array.from(comments.getElementsByTagNameNS(W, 'comment'));
    assert.equal(list.length, 3);
    assert.equal(list[0].getAttributeNS(W, 'author'), '李四');
    assert.equal(list[0].textContent, '原有批注');
    const oldXml = new XMLSerializer().serializeToString(parse(srcComments).getElementsByTagNameNS(W, 'comment')[0]);
    assert.equal(new XMLSerializer().serializeToString(list[0]), oldXml);
    const doc = parse(files['word/document.xml']);
    const used = [...doc.getElementsByTagNameNS(W, 'ins'), ...doc.getElementsByTagNameNS(W, 'del'), ...list].map((x) => Number(x.getAttributeNS(W, 'id')));
    assert.equal(new Set(used).size, used.length, used.join(','));
    for (const id of used.filter((x) => ![3, 7, 9].includes(x))) assert.ok(id > 9, `new id ${id}`);
    assert.equal(files['[Content_Types].xml'].match(/comments\+xml/g)?.length, 1);
    assert.equal(files['word/_rels/document.xml.rels'].match(/relationships\/comments"/g)?.length, 1);
    // The existing comment's range still covers its text.
    assert.equal(commentRanges(doc, 'original').get('3'), '已有批注的文字');
  });

  it('the entries not rewritten are the same bytes', async () => {
    const source = await buildDocx({ body: p(r('正文')), styles: commentStyles, numbering, header: `<?xml version="1.0"?><w:hdr xmlns:w="${W}"><w:p/></w:hdr>` });
    const out = await reviewDocx(await readDocx(source), [item({ start: 0, end: 1 })]);
    const a = await JSZip.loadAsync(source);
    const b = await JSZip.loadAsync(out);
    for (const name of ['word/styles.xml', 'word/numbering.xml', 'word/header1.xml', '_rels/.rels']) {
      assert.deepEqual(await b.file(name)!.async('uint8array'), await a.file(name)!.async('uint8array'), name);
    }
  });
});

// --- speed --------------------------------------------------------------------------------------

describe('docx review: speed', function () {
  this.timeout(60_000);

  it('300 comments and 100 edits on a 60,000-character document in well under a second', async () => {
    const sentence = '为进一步加强和改进机关公文处理工作，现就有关事项通知如下，请认真贯彻执行。';
    const paras: string[] = [];
    for (let i = 0; i < 600; i++) {
      const s = (sentence + sentence + sentence).slice(0, 100);
      paras.push(p(r(s.slice(0, 30)) + r(s.slice(30, 55), '<w:b/>') + r(s.slice(55))));
    }
    const source = await buildDocx({ body: paras.join('') });
    const draft = await readDocx(source);
    assert.ok(draft.text.length >= 60_000);
    const items: ReviewItem[] = [];
    for (let i = 0; i < 300; i++) {
      const at = draft.paragraphStarts[i * 2] + 25 + (i % 10);
      const edits = i % 3 === 0 ? [{ start: at + 1, end: at + 3, newText: '修改' }] : undefined;
      items.push({ start: at, end: at + 8, comment: `第 ${i} 条：用词不当\n建议：改为“某某”`, edits });
    }
    const t0 = performance.now();
    const out = await reviewDocxWithResult(draft, items, { date: DATE });
    const ms = performance.now() - t0;
    console.log(`      review of ${draft.text.length} characters, 300 comments + ${out.editsApplied} edits: ${ms.toFixed(0)} ms`);
    assert.equal(out.editsApplied, 100);
    assert.ok(ms < 1000, `${ms} ms`);
    const again = await readDocx(out.bytes);
    assert.equal(again.text.length, draft.text.length);
  });
});


// --- (d) LibreOffice opens the reviewed file with every comment -----------------------------------

describe('docx review: LibreOffice round trip', function () {
  this.timeout(60_000);

  let work: string;
  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-review-'));
  });
  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  const soffice = (args: string[]) =>
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', ...args], {
      env: { ...process.env, HOME: work },
      stdio: 'ignore',
      timeout: 50_000,
    });

  it('converts to .odt and .pdf with one annotation per item and the tracked changes', async () => {
    const source = await buildDocx({ body: constructsBody(), numbering, styles: commentStyles });
    const d = await readDocx(source);
    const needles = ['于加强文', '要事', '厅网', '知栏。', '3月', '12', '元格甲', '一、加强组织领导', '内的文', '控件文字后', '有修订', '\t符号-'];
    const items = needles.map((s, i) => {
      const range = find(d, s);
      const edits = i % 2 === 0 && !s.startsWith('一') ? [{ ...range, newText: `〔${s.trim()}〕` }] : undefined;
      return { ...range, comment: `第 ${i + 1} 条：用词不当\n建议：改为“某某”\n依据：《党政机关公文格式》`, edits };
    });
    items.push({ start: find(d, '段落').end, end: find(d, '段落').end, comment: '此处缺少句号', edits: [{ start: find(d, '段落').end, end: find(d, '段落').end, newText: '。' }] });
    const out = await reviewDocxWithResult(d, items, { date: DATE });
    assert.ok(out.editsApplied >= 6, `${out.editsApplied} edits`);
    const file = path.join(work, 'reviewed.docx');
    fs.writeFileSync(file, out.bytes);

    soffice(['--convert-to', 'odt', '--outdir', work, file]);
    const odt = path.join(work, 'reviewed.odt');
    assert.ok(fs.existsSync(odt), 'LibreOffice wrote no .odt');
    const content = await (await JSZip.loadAsync(fs.readFileSync(odt))).file('content.xml')!.async('string');
    const annotations = content.match(/<office:annotation[\s>]/g) ?? [];
    assert.equal(annotations.length, items.length, 'office:annotation elements');
    for (let i = 1; i <= needles.length; i++) assert.ok(content.includes(`第 ${i} 条：用词不当`), `comment ${i} text`);
    assert.ok(content.includes('李四') === false);
    const changes = content.match(/<text:changed-region[\s>]/g) ?? [];
    assert.ok(changes.length >= out.editsApplied, `${changes.length} changed regions for ${out.editsApplied} edits`);
    assert.ok(content.includes('公文助手'), 'author of comments and changes');

    const pdfOpts = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}';
    soffice(['--convert-to', pdfOpts, '--outdir', work, file]);
    const pdf = path.join(work, 'reviewed.pdf');
    assert.ok(fs.existsSync(pdf), 'LibreOffice wrote no PDF');
    const raw = fs.readFileSync(pdf).toString('latin1');
    assert.ok(raw.startsWith('%PDF'), 'a PDF');
    const notes = raw.match(/\/Subtype\s*\/Text\b/g) ?? [];
    assert.equal(notes.length, items.length, 'comment annotations in the PDF');
  });

  it('a document written by LibreOffice: reviewed, opened again, every comment there, accepted text as edited', async () => {
    const html =
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' +
      '<p align="center"><b>关于做好二〇二五年度安全生产工作的通知</b></p>' +
      '<p>各有关单位：</p>' +
      '<p>为进一步加强安全生产工作，<i>切实</i>保障人民群众生命财产安全，现将有关事项通知如下：</p>' +
      '<table border="1"><tr><td>责任单位</td><td>完成时限</td></tr><tr><td>办公室</td><td>三月底前</td></tr></table>' +
      '<p>请各单位认真贯彻落实，详见<a href="https://www.gov.cn/">政府网站</a>。</p>' +
      '</body></html>';
    const htmlFile = path.join(work, 'lo-source.html');
    fs.writeFileSync(htmlFile, html);
    soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, htmlFile]);
    const source = fs.readFileSync(path.join(work, 'lo-source.docx'));
    const d = await readDocx(source);
    const edits = [
      { ...find(d, '进一步加强'), newText: '进一步加强和改进' },
      { ...find(d, '切实'), newText: '切实' + '有效' },
      { ...find(d, '三月底前'), newText: '3月底前' },
      { ...find(d, '政府网站'), newText: '政府门户网站' },
    ];
    const items: ReviewItem[] = [
      ...edits.map((e, i) => ({ start: e.start, end: e.end, comment: `修改 ${i + 1}`, edits: [e] })),
      { ...find(d, '各有关单位'), comment: '主送机关' },
      { ...find(d, '责任单位'), comment: '表头' },
      { ...find(d, '二〇二五年度'), comment: '年份' },
    ];
    const draft = await readDocx(source);
    const out = await reviewDocxWithResult(draft, items, { date: DATE });
    assert.equal(out.editsApplied, edits.length);
    assert.equal((await readDocx(await resolveRevisions(out.bytes, 'accept'))).text, applyEdits(d.text, edits));
    assert.equal((await readDocx(await resolveRevisions(out.bytes, 'reject'))).text, d.text);
    const covered = commentRanges(parse((await partsOf(out.bytes)).files['word/document.xml']), 'original');
    assert.deepEqual(
      [...covered.values()].sort(),
      items.map((x) => d.text.slice(x.start, x.end)).sort(),
    );
    const file = path.join(work, 'lo-reviewed.docx');
    fs.writeFileSync(file, out.bytes);
    soffice(['--convert-to', 'odt', '--outdir', work, file]);
    const content = await (await JSZip.loadAsync(fs.readFileSync(path.join(work, 'lo-reviewed.odt')))).file('content.xml')!.async('string');
    assert.equal((content.match(/<office:annotation[\s>]/g) ?? []).length, items.length);
    for (let i = 1; i <= edits.length; i++) assert.ok(content.includes(`修改 ${i}`));
  });
});
