// Minimal OOXML packages for tests of the Word module (server/src/docx/).
//
//   const bytes = await buildDocx({ body: p(r('关于') + r('测试') + '<w:proofErr w:type="spellStart"/>') });
//   const draft = await readDocx(bytes);
//
// buildDocx zips a word/document.xml (given whole as `document`, or as the
// inner XML of w:body as `body`, wrapped by wrapDocument with every namespace
// a Word file uses) with [Content_Types].xml, _rels/.rels and
// word/_rels/document.xml.rels, and whichever of styles.xml, numbering.xml,
// comments.xml, footnotes.xml, header1.xml are given (each with its content
// type and relationship). `extra` adds any other entries verbatim; `omit`
// leaves entries out (to build broken packages); `macroEnabled` writes the
// .docm content type. The small builders p(), r(), t() write paragraphs and
// runs; oleFile() writes a minimal OLE compound file (old .doc, encrypted
// .docx) with the given directory entry names. checkMap() asserts a
// draft's character map.

import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import { nodeText } from '../../server/src/docx/read';
import type { DocxDraft } from '../../server/src/docx/types';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
};

const XMLNS = Object.entries(NS)
  .map(([k, v]) => `xmlns:${k}="${v}"`)
  .join(' ');

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Escapes text for XML content and attributes. */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A whole word/document.xml around the inner XML of w:body. */
export const wrapDocument = (body: string): string =>
  `${DECL}<w:document ${XMLNS} mc:Ignorable="w14"><w:body>${body}<w:sectPr/></w:body></w:document>`;

/** A w:t with xml:space="preserve". */
export const t = (text: string): string => `<w:t xml:space="preserve">${esc(text)}</w:t>`;
/** A run with one w:t (and optional w:rPr inner XML). */
export const r = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${t(text)}</w:r>`;
/** A paragraph from inner XML (runs etc.) and optional w:pPr inner XML. */
export const p = (inner: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
/** A numbered paragraph: w:numPr with numId and ilvl. */
export const np = (text: string, numId: number, ilvl = 0, pPr = ''): string =>
  p(r(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>${pPr}`);

/** w:styles around inner XML (w:style elements). */
export const wrapStyles = (inner: string): string => `${DECL}<w:styles ${XMLNS}>${inner}</w:styles>`;
/** w:numbering around inner XML (w:abstractNum then w:num elements). */
export const wrapNumbering = (inner: string): string => `${DECL}<w:numbering ${XMLNS}>${inner}</w:numbering>`;

/** One numbering level. */
export const lvl = (ilvl: number, numFmt: string, lvlText: string, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${esc(lvlText)}"/></w:lvl>`;

/** The 公文 heading numbering: 一、 （一） 1. （1）, suffix nothing, in abstractNum `id`. */
export const gongwenAbstract = (id = 0): string =>
  `<w:abstractNum w:abstractNumId="${id}">` +
  lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>') +
  lvl(1, 'chineseCounting', '（%2）', '<w:suff w:val="nothing"/>') +
  lvl(2, 'decimal', '%3.', '<w:suff w:val="nothing"/>') +
  lvl(3, 'decimal', '（%4）', '<w:suff w:val="nothing"/>') +
  '</w:abstractNum>';

export interface DocxSpec {
  /** Inner XML of w:body (wrapped by wrapDocument). */
  body?: string;
  /** A whole word/document.xml (instead of body). */
  document?: string;
  /** Whole word/styles.xml (see wrapStyles). */
  styles?: string;
  /** Whole word/numbering.xml (see wrapNumbering). */
  numbering?: string;
  /** Whole word/comments.xml. */
  comments?: string;
  /** Whole word/footnotes.xml. */
  footnotes?: string;
  /** Whole word/header1.xml. */
  header?: string;
  /** Other entries, verbatim. */
  extra?: Record<string, string | Uint8Array>;
  /** Entries to leave out, e.g. '[Content_Types].xml' or 'word/document.xml'. */
  omit?: string[];
  /** Write the .docm main content type. */
  macroEnabled?: boolean;
}

const PARTS: Array<{ key: keyof DocxSpec; path: string; type: string; rel: string }> = [
  { key: 'styles', path: 'styles.xml', type: 'wordprocessingml.styles+xml', rel: 'styles' },
  { key: 'numbering', path: 'numbering.xml', type: 'wordprocessingml.numbering+xml', rel: 'numbering' },
  { key: 'comments', path: 'comments.xml', type: 'wordprocessingml.comments+xml', rel: 'comments' },
  { key: 'footnotes', path: 'footnotes.xml', type: 'wordprocessingml.footnotes+xml', rel: 'footnotes' },
  { key: 'header', path: 'header1.xml', type: 'wordprocessingml.header+xml', rel: 'header' },
];

/** Zips a minimal but complete .docx (or .docm) as described by `spec`. */
export async function buildDocx(spec: DocxSpec): Promise<Uint8Array> {
  const zip = new JSZip();
  const omit = new Set(spec.omit ?? []);
  const put = (path: string, data: string | Uint8Array) => {
    if (!omit.has(path)) zip.file(path, data);
  };
  const main = spec.macroEnabled
    ? 'application/vnd.ms-word.document.macroEnabled.main+xml'
    : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
  const present = PARTS.filter((x) => typeof spec[x.key] === 'string');
  put(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/word/document.xml" ContentType="${main}"/>` +
      present
        .map(
          (x) =>
            `<Override PartName="/word/${x.path}" ContentType="application/vnd.openxmlformats-officedocument.${x.type}"/>`,
        )
        .join('') +
      '</Types>',
  );
  put(
    '_rels/.rels',
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  put(
    'word/_rels/document.xml.rels',
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      present
        .map(
          (x, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${x.rel}" Target="${x.path}"/>`,
        )
        .join('') +
      '</Relationships>',
  );
  put('word/document.xml', spec.document ?? wrapDocument(spec.body ?? ''));
  for (const x of present) put(`word/${x.path}`, spec[x.key] as string);
  for (const [path, data] of Object.entries(spec.extra ?? {})) put(path, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A minimal OLE compound file (the container of .doc and of encrypted .docx):
 * 512-byte header, one FAT sector (sector 0), one directory sector (sector 1)
 * with a root entry and one entry per name (e.g. 'EncryptionInfo',
 * 'EncryptedPackage' for an encrypted .docx; 'WordDocument' for a .doc).
 */
export function oleFile(names: string[]): Uint8Array {
  const SECTOR = 512;
  const buf = new Uint8Array(SECTOR * 3);
  const dv = new DataView(buf.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (buf[i] = b));
  dv.setUint16(0x18, 0x3e, true); // minor version
  dv.setUint16(0x1a, 3, true); // major version 3
  dv.setUint16(0x1c, 0xfffe, true); // little-endian
  dv.setUint16(0x1e, 9, true); // 512-byte sectors
  dv.setUint16(0x20, 6, true); // 64-byte mini sectors
  dv.setUint32(0x2c, 1, true); // one FAT sector
  dv.setUint32(0x30, 1, true); // directory starts at sector 1
  dv.setUint32(0x38, 4096, true); // mini stream cutoff
  dv.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  dv.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = SECTOR * 1;
  for (let i = 0; i < SECTOR / 4; i++) dv.setUint32(fat + i * 4, 0xffffffff, true);
  dv.setUint32(fat, 0xfffffffd, true); // sector 0: FAT
  dv.setUint32(fat + 4, 0xfffffffe, true); // sector 1: directory, end of chain
  const dir = SECTOR * 2;
  ['Root Entry', ...names].slice(0, 4).forEach((name, i) => {
    const e = dir + i * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(e + k * 2, name.charCodeAt(k), true);
    dv.setUint16(e + 0x40, (name.length + 1) * 2, true);
    buf[e + 0x42] = i === 0 ? 5 : 2; // root storage / stream
  });
  return buf;
}

/** Asserts the character map of every paragraph; returns the generated (node −1) characters per paragraph. */
export function checkMap(draft: DocxDraft): string[] {
  const generated: string[] = [];
  draft.paragraphs.forEach((para, n) => {
    assert.equal(para.node.length, para.text.length, `paragraph ${n}: node map length`);
    assert.equal(para.offset.length, para.text.length, `paragraph ${n}: offset map length`);
    assert.equal(draft.text.slice(draft.paragraphStarts[n], draft.paragraphStarts[n] + para.text.length), para.text);
    let gen = '';
    for (let i = 0; i < para.text.length; i++) {
      if (para.node[i] === -1) {
        assert.equal(para.offset[i], -1);
        gen += para.text[i];
        continue;
      }
      const el = draft.pkg.nodes[para.node[i]];
      assert.ok(el, `paragraph ${n} char ${i}: node ${para.node[i]} exists`);
      const s = nodeText(el);
      const ch = el.localName === 't' ? el.textContent![para.offset[i]] : s[para.offset[i]];
      assert.equal(ch, para.text[i], `paragraph ${n} char ${i} (${JSON.stringify(para.text)})`);
    }
    generated.push(gen);
  });
  return generated;
}

