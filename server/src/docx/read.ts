// Reading a received .docx into the engine's text model: the paragraphs of
// the document body in reading order, one line of `DocxDraft.text` each,
// with every visible character mapped back to the element that holds it
// (`DocxPackage.nodes`: w:t, w:tab, w:noBreakHyphen, w:sym).
//
// What is read (word/document.xml only):
// - body paragraphs; tables cell by cell, row by row, nested tables too
//   (container 'table'); text boxes (w:txbxContent) after the paragraph that
//   anchors them (container 'textbox'), read once: of mc:AlternateContent only
//   mc:Choice is read, mc:Fallback repeats the text box as VML;
// - runs joined, whatever wraps them: hyperlinks, smart tags, custom XML,
//   content controls (w:sdt, block and inline), bidi wrappers; proofErr,
//   bookmarks, comment ranges and permissions carry no text and are passed over;
// - w:tab → "\t", w:noBreakHyphen → "-", w:softHyphen → nothing, w:sym → its
//   character (Symbol-font codes F020–F07E → the ASCII character);
//   w:br / w:cr end the DocxParagraph (the rest of the w:p is the next one);
// - fields as displayed: w:fldSimple → its runs; w:fldChar begin/separate/end
//   → only the result between separate and end (nested fields too), never
//   the field code (w:instrText);
// - tracked changes as if accepted: w:ins and w:moveTo read, w:del,
//   w:moveFrom (w:delText) skipped, a table row whose deletion is tracked
//   skipped, a paragraph whose mark is deleted runs on into the next;
// - the generated ordinal of automatic numbering (w:numPr, directly or via
//   the paragraph style; numbering.ts), node −1: not editable;
// - layout hints: style name (styles.xml), alignment, bold, size and colour.
//
// What is skipped, and why: headers and footers, footnotes and endnotes, and
// comments are not part of the 正文 the rules check (the 版记 and page
// numbers of a 公文 are not in headers either in practice: a footer holds
// the page number only); hidden text (w:vanish) is not visible; ruby text
// (w:rt) is a pronunciation guide, not text; math (m:oMath) is not prose;
// footnote/endnote reference marks are generated numbers. Existing comment
// ranges and references stay untouched in the DOM. Nothing in a package ever
// runs (a .docm is read as text, `macroEnabled` is set).
//
// A newline or carriage return inside a w:t (not written by Word) is read as
// a space, so that a DocxParagraph stays one line.

import type { Document, Element } from './dom';
import { openPackage, MAIN_PART } from './package';
import { Numbering, wAttr } from './numbering';
import { DOCX_LIMITS, type DocxDraft, type DocxLimits, type DocxParagraph } from './types';

const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const isW = (el: Element) => W_NS.has(el.namespaceURI ?? '');

function wChild(el: Element, local: string): Element | undefined {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === local && isW(c as Element)) return c as Element;
  }
  return undefined;
}

/** A boolean (toggle) property: present without w:val, or with a true value. */
function onOff(el: Element | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = wAttr(el);
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}

/** The visible text of one element of `DocxPackage.nodes`. */
export function nodeText(el: Element): string {
  switch (el.localName) {
    case 't':
      return el.textContent ?? '';
    case 'tab':
      return '\t';
    case 'noBreakHyphen':
      return '-';
    case 'sym':
      return symChar(el);
    default:
      return '';
  }
}

/** The character of a w:sym: w:char in hex; Symbol-font private-use F020–F07E → ASCII. */
export function symChar(el: Element): string {
  const hex = wAttr(el, 'char');
  const code = hex ? parseInt(hex, 16) : NaN;
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return '';
  if (code >= 0xf020 && code <= 0xf07e) return String.fromCharCode(code - 0xf000);
  return String.fromCodePoint(code);
}

/** Where an offset of `DocxDraft.text` lies: DocxParagraph index (the CLI's line) and column in it. */
export function locate(draft: DocxDraft, offset: number): { paragraph: number; column: number } {
  const starts = draft.paragraphStarts;
  if (starts.length === 0) return { paragraph: 0, column: 0 };
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { paragraph: lo, column: Math.max(0, offset - starts[lo]) };
}

interface RunProps {
  bold?: boolean;
  size?: number;
  color?: string;
}
interface StyleInfo extends RunProps {
  name?: string;
  align?: DocxParagraph['align'];
  numId?: string;
  ilvl?: number;
}

function runPropsOf(rPr: Element | undefined): RunProps {
  if (!rPr) return {};
  const sz = wAttr(wChild(rPr, 'sz'));
  const color = wAttr(wChild(rPr, 'color'));
  return {
    bold: onOff(wChild(rPr, 'b')),
    size: sz !== undefined && /^\d+$/.test(sz) ? Number(sz) : undefined,
    color: color && /^[0-9a-f]{6}$/i.test(color) ? color.toUpperCase() : undefined,
  };
}

function alignOf(v: string | undefined): DocxParagraph['align'] {
  switch (v) {
    case 'left':
    case 'start':
      return 'left';
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'both':
    case 'justify':
      return 'both';
    case 'distribute':
    case 'thaiDistribute':
      return 'distribute';
    default:
      return undefined;
  }
}

/** Styles (styles.xml) resolved along w:basedOn, with the document defaults. */
class Styles {
  private readonly raw = new Map<string, Element>();
  private readonly cache = new Map<string, StyleInfo>();
  readonly defaults: RunProps = {};
  defaultParagraph?: string;

  constructor(doc: Document | null) {
    const root = doc?.documentElement;
    if (!root) return;
    for (let c = root.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1 || !isW(c as Element)) continue;
      const el = c as Element;
      if (el.localName === 'style') {
        const id = wAttr(el, 'styleId');
        if (id === undefined) continue;
        this.raw.set(id, el);
        if (wAttr(el, 'type') === 'paragraph' && /^(1|true|on)$/i.test(wAttr(el, 'default') ?? '')) {
          this.defaultParagraph = id;
        }
      } else if (el.localName === 'docDefaults') {
        const rPr = wChild(wChild(el, 'rPrDefault') ?? el, 'rPr');
        Object.assign(this.defaults, runPropsOf(rPr));
      }
    }
  }

  get(id: string | undefined, depth = 0): StyleInfo {
    if (id === undefined) return {};
    const hit = this.cache.get(id);
    if (hit) return hit;
    const el = this.raw.get(id);
    if (!el || depth > 20) return { name: el ? wAttr(wChild(el, 'name')) : undefined };
    const base = this.get(wAttr(wChild(el, 'basedOn')), depth + 1);
    const pPr = wChild(el, 'pPr');
    const numPr = pPr && wChild(pPr, 'numPr');
    const own = runPropsOf(wChild(el, 'rPr'));
    const ilvl = numPr ? wAttr(wChild(numPr, 'ilvl')) : undefined;
    const info: StyleInfo = {
      name: wAttr(wChild(el, 'name')) ?? id,
      align: (pPr && alignOf(wAttr(wChild(pPr, 'jc')))) ?? base.align,
      bold: own.bold ?? base.bold,
      size: own.size ?? base.size,
      color: own.color ?? base.color,
      numId: (numPr && wAttr(wChild(numPr, 'numId'))) ?? base.numId,
      ilvl: ilvl !== undefined ? Number(ilvl) : base.ilvl,
    };
    this.cache.set(id, info);
    return info;
  }

  /** The w:numId of a numbering style (for w:numStyleLink). */
  numIdOf(id: string): string | undefined {
    return this.get(id).numId;
  }
}

/** A DocxParagraph being built: characters with the element and offset each comes from. */
interface Builder {
  text: string[];
  els: Array<Element | null>;
  offs: number[];
  container: DocxParagraph['container'];
  style?: string;
  align?: DocxParagraph['align'];
  numbered?: boolean;
  paraRun: RunProps;
  /** Characters (not white space) counted per run property, for the paragraph's hints. */
  nonSpace: number;
  boldChars: number;
  sizes: Map<number, number>;
  colors: Map<string, number>;
}

interface Built {
  p: Omit<DocxParagraph, 'node' | 'offset'>;
  els: Array<Element | null>;
  offs: number[];
}

type FieldState = Array<'code' | 'result'>;

class Reader {
  out: Built[] = [];
  cur: Builder | null = null;
  /** Text-box paragraphs met inside the current w:p, emitted after it. */
  deferred: Built[] = [];
  fields: FieldState = [];

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  /** Block content: paragraphs, tables, content controls, custom XML; anything else is searched for them. */
  block(el: Element, container: DocxParagraph['container']): void {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (isW(e)) {
        switch (e.localName) {
          case 'p':
            this.paragraph(e, container);
            continue;
          case 'tbl':
            this.close();
            this.block(e, 'table');
            this.close();
            continue;
          case 'tr': {
            const trPr = wChild(e, 'trPr');
            if (trPr && (wChild(trPr, 'del') || wChild(trPr, 'moveFrom'))) continue;
            this.block(e, container);
            continue;
          }
          case 'sectPr':
          case 'sdtPr':
          case 'sdtEndPr':
          case 'tblPr':
          case 'tblGrid':
          case 'trPr':
          case 'tcPr':
          case 'del':
          case 'moveFrom':
          case 'altChunk':
            continue;
        }
      } else if (e.namespaceURI === MC_NS) {
        if (e.localName === 'AlternateContent') this.block(firstChoice(e) ?? e, container);
        continue;
      }
      this.block(e, container);
    }
  }

  paragraph(p: Element, container: DocxParagraph['container']): void {
    const pPr = wChild(p, 'pPr');
    const mark = pPr && wChild(pPr, 'rPr');
    const markDeleted = !!mark && !!(wChild(mark, 'del') || wChild(mark, 'moveFrom'));
    if (!this.cur) {
      const styleId = (pPr && wAttr(wChild(pPr, 'pStyle'))) ?? this.styles.defaultParagraph;
      const style = this.styles.get(styleId);
      const b = this.start(container);
      b.style = style.name;
      b.align = (pPr && alignOf(wAttr(wChild(pPr, 'jc')))) ?? style.align;
      b.paraRun = { bold: style.bold, size: style.size, color: style.color };
      // Numbering: w:numPr of the paragraph, else of its style.
      const numPr = pPr && wChild(pPr, 'numPr');
      const numId = (numPr && wAttr(wChild(numPr, 'numId'))) ?? style.numId;
      if (numId !== undefined && numId !== '0') {
        const direct = numPr && wAttr(wChild(numPr, 'ilvl'));
        const ilvl =
          direct !== undefined
            ? Number(direct)
            : (style.ilvl ?? (styleId !== undefined ? this.numbering.levelOfStyle(numId, styleId) : undefined) ?? 0);
        const ordinal = this.numbering.next(numId, Number.isFinite(ilvl) ? ilvl : 0);
        if (ordinal !== undefined) {
          b.numbered = true;
          for (const ch of ordinal) {
            for (let k = 0; k < ch.length; k++) {
              b.text.push(ch[k]);
              b.els.push(null);
              b.offs.push(-1);
            }
          }
        }
      }
    }
    this.inline(p);
    if (!markDeleted) this.close();
  }

  start(container: DocxParagraph['container']): Builder {
    this.cur = {
      text: [],
      els: [],
      offs: [],
      container,
      paraRun: {},
      nonSpace: 0,
      boldChars: 0,
      sizes: new Map(),
      colors: new Map(),
    };
    return this.cur;
  }

  /** Ends the open DocxParagraph (if any) and emits the text boxes it anchored. */
  close(): void {
    if (this.cur) {
      this.out.push(finish(this.cur));
      this.cur = null;
    }
    if (this.deferred.length) {
      this.out.push(...this.deferred);
      this.deferred = [];
    }
  }

  /** w:br / w:cr: the rest of the w:p is a DocxParagraph of its own, with the same layout. */
  lineBreak(): void {
    const b = this.cur;
    if (!b) return;
    this.out.push(finish(b));
    const n = this.start(b.container);
    n.style = b.style;
    n.align = b.align;
    n.paraRun = b.paraRun;
  }

  inline(el: Element): void {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (isW(e)) {
        switch (e.localName) {
          case 'r':
            this.run(e);
            continue;
          case 'pPr':
          case 'rPr':
          case 'del':
          case 'moveFrom':
          case 'sdtPr':
          case 'sdtEndPr':
          case 'rt': // ruby: the pronunciation guide above the base text
          case 'subDoc':
            continue;
          case 'txbxContent':
            this.textbox(e);
            continue;
          case 'fldSimple':
            // Its runs are the displayed result; a complex field inside it would be odd but is handled alike.
            this.inline(e);
            continue;
        }
      } else if (e.namespaceURI === MC_NS) {
        if (e.localName === 'AlternateContent') {
          const choice = firstChoice(e);
          if (choice) this.inline(choice);
        }
        continue;
      } else if (e.localName === 'oMath' || e.localName === 'oMathPara') {
        continue;
      }
      // hyperlink, smartTag, customXml, sdt, sdtContent, ins, moveTo, dir, bdo, ruby, rubyBase, drawing…
      this.inline(e);
    }
  }

  run(r: Element): void {
    const rPr = wChild(r, 'rPr');
    let props: RunProps | undefined;
    if (rPr) {
      const vanish = wChild(rPr, 'vanish');
      if (vanish && onOff(vanish)) {
        // Hidden text is not visible; a field character in it still counts.
        for (let c = r.firstChild; c; c = c.nextSibling) {
          if (c.nodeType === 1 && (c as Element).localName === 'fldChar') this.fieldChar(c as Element);
        }
        return;
      }
    }
    for (let c = r.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (!isW(e)) {
        if (e.namespaceURI === MC_NS) {
          if (e.localName === 'AlternateContent') {
            const choice = firstChoice(e);
            if (choice) this.inline(choice);
          }
        } else this.inline(e);
        continue;
      }
      switch (e.localName) {
        case 't': {
          if (!this.visible()) continue;
          const s = e.textContent ?? '';
          if (!s) continue;
          let from = 0;
          let to = s.length;
          if (e.getAttributeNS(XML_NS, 'space') !== 'preserve') {
            while (from < to && isXmlSpace(s.charCodeAt(from))) from++;
            while (to > from && isXmlSpace(s.charCodeAt(to - 1))) to--;
          }
          props ??= this.runProps(rPr);
          this.push(s, from, to, e, props);
          continue;
        }
        case 'tab':
          if (this.visible()) this.push('\t', 0, 1, e, (props ??= this.runProps(rPr)));
          continue;
        case 'noBreakHyphen':
          if (this.visible()) this.push('-', 0, 1, e, (props ??= this.runProps(rPr)));
          continue;
        case 'sym': {
          if (!this.visible()) continue;
          const ch = symChar(e);
          if (ch) this.push(ch, 0, ch.length, e, (props ??= this.runProps(rPr)));
          continue;
        }
        case 'br':
        case 'cr':
          if (this.visible()) this.lineBreak();
          continue;
        case 'fldChar':
          this.fieldChar(e);
          continue;
        case 'drawing':
        case 'pict':
        case 'object':
          this.inline(e); // text boxes only
          continue;
        default:
          // rPr, instrText, delText, delInstrText, softHyphen, lastRenderedPageBreak,
          // footnoteReference, endnoteReference, commentReference, annotationRef, ptab…
          continue;
      }
    }
  }

  fieldChar(e: Element): void {
    switch (wAttr(e, 'fldCharType')) {
      case 'begin':
        this.fields.push('code');
        break;
      case 'separate':
        if (this.fields.length) this.fields[this.fields.length - 1] = 'result';
        break;
      case 'end':
        this.fields.pop();
        break;
    }
  }

  /** Text is visible when every enclosing complex field is in its result part. */
  visible(): boolean {
    const f = this.fields;
    for (let i = 0; i < f.length; i++) if (f[i] === 'code') return false;
    return true;
  }

  runProps(rPr: Element | undefined): RunProps {
    const b = this.cur?.paraRun ?? {};
    const d = this.styles.defaults;
    if (!rPr) return { bold: b.bold ?? d.bold, size: b.size ?? d.size, color: b.color ?? d.color };
    const own = runPropsOf(rPr);
    const cs = this.styles.get(wAttr(wChild(rPr, 'rStyle')));
    return {
      bold: own.bold ?? cs.bold ?? b.bold ?? d.bold,
      size: own.size ?? cs.size ?? b.size ?? d.size,
      color: own.color ?? cs.color ?? b.color ?? d.color,
    };
  }

  push(s: string, from: number, to: number, el: Element, props: RunProps): void {
    const b = this.cur ?? this.start('body');
    for (let i = from; i < to; i++) {
      let ch = s[i];
      const code = s.charCodeAt(i);
      if (code === 10 || code === 13) ch = ' ';
      b.text.push(ch);
      b.els.push(el);
      b.offs.push(i);
      if (code > 32 && code !== 0x3000) {
        b.nonSpace++;
        if (props.bold) b.boldChars++;
        if (props.size !== undefined) b.sizes.set(props.size, (b.sizes.get(props.size) ?? 0) + 1);
        const col = props.color ?? '';
        b.colors.set(col, (b.colors.get(col) ?? 0) + 1);
      }
    }
  }

  /** A text box met inside a paragraph: its own paragraphs, emitted after the anchoring one. */
  textbox(txbx: Element): void {
    const saved = { out: this.out, cur: this.cur, deferred: this.deferred, fields: this.fields };
    this.out = [];
    this.cur = null;
    this.deferred = [];
    this.fields = [];
    this.block(txbx, 'textbox');
    this.close();
    const boxes = this.out;
    this.out = saved.out;
    this.cur = saved.cur;
    this.deferred = saved.deferred;
    this.fields = saved.fields;
    this.deferred.push(...boxes);
  }
}

function isXmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function firstChoice(alt: Element): Element | undefined {
  for (let c = alt.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === 'Choice' && (c as Element).namespaceURI === MC_NS) {
      return c as Element;
    }
  }
  return undefined;
}

function majority<K>(m: Map<K, number>): K | undefined {
  let best: K | undefined;
  let n = -1;
  for (const [k, v] of m) if (v > n) (best = k), (n = v);
  return best;
}

function finish(b: Builder): Built {
  const p: Built['p'] = { text: b.text.join(''), container: b.container };
  if (b.style !== undefined) p.style = b.style;
  if (b.align !== undefined) p.align = b.align;
  if (b.nonSpace > 0) p.bold = b.boldChars === b.nonSpace;
  const size = majority(b.sizes);
  if (size !== undefined) p.sizeHalfPoints = size;
  const color = majority(b.colors);
  if (color) p.color = color;
  if (b.numbered) p.numbered = true;
  return { p, els: b.els, offs: b.offs };
}

/**
 * Reads a .docx: the body's paragraphs in reading order with the character
 * map. Throws DocxError (one Chinese line) for anything that is not a
 * readable Word document.
 */
export async function readDocx(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<DocxDraft> {
  const pkg = await openPackage(bytes, limits);
  const document = (await pkg.readXml(MAIN_PART))!;
  const parts = new Map<string, Document>([[MAIN_PART, document]]);
  const stylesDoc = await pkg.readXml('word/styles.xml');
  if (stylesDoc) parts.set('word/styles.xml', stylesDoc);
  const numberingDoc = await pkg.readXml('word/numbering.xml');
  if (numberingDoc) parts.set('word/numbering.xml', numberingDoc);

  const styles = new Styles(stylesDoc);
  const numbering = new Numbering(numberingDoc, (id) => styles.numIdOf(id));
  const reader = new Reader(styles, numbering);
  const root = document.documentElement!;
  let body: Element | undefined;
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === 'body') body = c as Element;
  }
  if (body) reader.block(body, 'body');
  reader.close();

  // Node indices in reading order of the paragraphs as emitted.
  const nodes: Element[] = [];
  const index = new Map<Element, number>();
  const paragraphs: DocxParagraph[] = [];
  const paragraphStarts: number[] = [];
  let at = 0;
  for (const built of reader.out) {
    const n = built.els.length;
    const node = new Int32Array(n);
    const offset = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const el = built.els[i];
      if (el === null) {
        node[i] = -1;
        offset[i] = -1;
        continue;
      }
      let k = index.get(el);
      if (k === undefined) {
        k = nodes.length;
        nodes.push(el);
        index.set(el, k);
      }
      node[i] = k;
      offset[i] = built.offs[i];
    }
    paragraphs.push({ ...built.p, node, offset });
    paragraphStarts.push(at);
    at += built.p.text.length + 1;
  }
  return {
    paragraphs,
    text: paragraphs.map((p) => p.text).join('\n'),
    paragraphStarts,
    pkg: { zip: pkg.zip, parts, nodes, macroEnabled: pkg.macroEnabled },
  };
}
