// Writes findings back into a received .docx: one Word comment (批注) per
// finding, anchored on exactly its characters, and the safe fixes as
// tracked changes (修订: w:del + w:ins). Works on the DOM the reader built
// (DocxDraft.pkg), through its character map: a range of DocxDraft.text is
// a run of (element, offset) places; the runs are split there (runs.ts) and
// the markers go between the split runs, in whatever holds the run
// (paragraph, hyperlink, field result, content control, text box, an
// existing insertion).
//
// Only the parts that change are serialised again (word/document.xml,
// word/comments.xml, [Content_Types].xml, word/_rels/document.xml.rels);
// every other entry of the package keeps its bytes (even its compressed
// bytes), [Content_Types].xml first. The draft is edited in place (its DOM
// and its zip): read the file again to review it a second time.
//
// What is left out, on purpose:
// - an edit that touches a generated character (a numbering ordinal), that
//   crosses a paragraph, that inserts a line break, that overlaps an edit
//   applied before it, or whose characters share a run with something that
//   is not text (a picture, a field code, a break), or that lies in the
//   result of a field other than HYPERLINK (DATE, PAGE, REF…: updating the
//   field would replace it) is not written: the finding keeps its comment;
//   an insertion touching a deletion (or another insertion) counts as
//   overlapping;
// - a comment whose range ends in a field result keeps its range there, but
//   its reference run goes after the field (LibreOffice drops the text of a
//   comment referenced inside a field; an update would drop the reference);
// - a comment on generated characters only (an ordinal) is anchored at the
//   first real character of its paragraph, as a point;
// - a text box written twice (mc:AlternateContent) is edited in the
//   variant the reader read (mc:Choice); the fallback for old readers keeps
//   the old text.

import { parseXml, serializeXml, type Document, type Element, type Node } from './dom';
import type { DocxDraft, ReviewItem, ReviewOptions } from './types';
import { DocxError } from './types';
import { locate } from './read';
import { RunSplitter, XML_NS, childElement, copyElement, isElement, setText, type Place } from './runs';

const DOCUMENT = 'word/document.xml';
const CONTENT_TYPES = '[Content_Types].xml';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const DEFAULT_AUTHOR = '公文助手';
const INITIALS = 'GW';

/** What a review wrote. */
export interface ReviewResult {
  /** Comments written (one per item). */
  comments: number;
  /** Edits written as tracked changes. */
  editsApplied: number;
  /** Edits left out (see the header of review.ts); their findings keep their comments. */
  editsSkipped: number;
}

/**
 * A reviewed copy of the package: one comment per item, the items' edits
 * as tracked changes (unless `commentsOnly`). Edits the draft's DOM in place.
 */
export async function reviewDocx(draft: DocxDraft, items: ReviewItem[], opts: ReviewOptions = {}): Promise<Uint8Array> {
  return (await reviewDocxWithResult(draft, items, opts)).bytes;
}

/** reviewDocx, also saying how many comments and edits were written. */
export async function reviewDocxWithResult(
  draft: DocxDraft,
  items: ReviewItem[],
  opts: ReviewOptions = {},
): Promise<ReviewResult & { bytes: Uint8Array }> {
  const pkg = draft.pkg;
  const doc = pkg.parts.get(DOCUMENT);
  if (!doc) throw new DocxError('文档缺少正文部分（word/document.xml）');
  const author = opts.author ?? DEFAULT_AUTHOR;
  const date = isoDate(opts.date ?? new Date());
  const changed = new Map<string, string>();

  const rels = await partOf(draft, 'word/_rels/document.xml.rels');
  const commentsPath = (rels && commentsTarget(rels)) ?? 'word/comments.xml';
  const commentsDoc = await partOf(draft, commentsPath);
  const ids = IdPool.scan(draft, commentsDoc ? [commentsDoc] : []);
  const styles = await commentStyles(draft);

  const writer = new ReviewWriter(draft, doc, ids, author, date, styles);
  const result: ReviewResult = { comments: 0, editsApplied: 0, editsSkipped: 0 };
  if (!opts.commentsOnly) {
    for (const item of items) {
      for (const edit of item.edits ?? []) {
        if (writer.edit(edit.start, edit.end, xmlSafe(edit.newText))) result.editsApplied++;
        else result.editsSkipped++;
      }
    }
  }
  const comments: Array<{ id: number; text: string }> = [];
  for (const item of items) {
    const id = ids.next();
    writer.comment(item.start, item.end, id);
    comments.push({ id, text: xmlSafe(item.comment) });
  }
  result.comments = comments.length;
  if (items.length === 0) return { ...result, bytes: await pkg.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) };

  changed.set(DOCUMENT, serialize(doc));
  const cdoc = commentsDoc ?? newComments(writer.splitter.W);
  appendComments(cdoc, comments, author, date, styles);
  changed.set(commentsPath, serialize(cdoc));
  pkg.parts.set(commentsPath, cdoc);

  const relsDoc = rels ?? newRels();
  if (addCommentsRel(relsDoc, commentsPath) || !rels) changed.set('word/_rels/document.xml.rels', serialize(relsDoc));
  const ct = await partOf(draft, CONTENT_TYPES);
  if (!ct) throw new DocxError('文档缺少内容类型清单（[Content_Types].xml）');
  if (addCommentsOverride(ct, commentsPath)) changed.set(CONTENT_TYPES, serialize(ct));

  const zip = pkg.zip;
  for (const [path, xml] of changed) zip.file(path, xml);
  // [Content_Types].xml first, every other entry in its order (entries not
  // rewritten keep their compressed bytes).
  const files = zip.files as Record<string, unknown>;
  const names = Object.keys(files);
  if (names[0] !== CONTENT_TYPES && CONTENT_TYPES in files) {
    for (const name of names) {
      if (name === CONTENT_TYPES) continue;
      const entry = files[name];
      delete files[name];
      files[name] = entry;
    }
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { ...result, bytes };
}

// ---------------------------------------------------------------------------

/** w:id values for comments and revisions, unique across the document. */
class IdPool {
  private nextId: number;
  constructor(
    private readonly used: Set<number>,
    max: number,
  ) {
    this.nextId = max + 1;
  }

  next(): number {
    while (this.used.has(this.nextId)) this.nextId++;
    const id = this.nextId++;
    this.used.add(id);
    return id;
  }

  /** The ids in use in the parsed parts and the comments part (headers and notes are not inflated: their ids are their own). */
  static scan(draft: DocxDraft, extra: Document[]): IdPool {
    const used = new Set<number>();
    let max = -1;
    const note = (v: string | null) => {
      if (!v || !/^\d+$/.test(v)) return;
      const n = Number(v);
      used.add(n);
      if (n < 2 ** 30 && n > max) max = n;
    };
    for (const doc of draft.pkg.parts.values()) {
      walkElements(doc.documentElement, (el) => {
        if (el.localName === 'bookmarkStart' || el.localName === 'bookmarkEnd') return;
        note(el.getAttributeNS(el.namespaceURI, 'id'));
      });
    }
    for (const doc of extra) {
      walkElements(doc.documentElement, (el) => note(el.getAttributeNS(el.namespaceURI, 'id')));
    }
    return new IdPool(used, max);
  }
}

function walkElements(root: Element | null, visit: (el: Element) => void): void {
  if (!root) return;
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    visit(n);
    for (let c = n.lastChild; c; c = c.previousSibling) if (isElement(c)) stack.push(c);
  }
}

interface Styles {
  /** Character style of comment references (“annotation reference”), when the document defines one. */
  reference?: string;
  /** Paragraph style of comment text (“annotation text”). */
  text?: string;
}

async function commentStyles(draft: DocxDraft): Promise<Styles> {
  const styles = await partOf(draft, 'word/styles.xml');
  const out: Styles = {};
  if (!styles) return out;
  walkElements(styles.documentElement, (el) => {
    if (el.localName !== 'style') return;
    const ns = el.namespaceURI;
    const id = el.getAttributeNS(ns, 'styleId');
    const nameEl = childElement(el, ns ?? '', 'name');
    const name = (nameEl?.getAttributeNS(ns, 'val') ?? '').toLowerCase();
    if (!id) return;
    if (name === 'annotation reference' || (!out.reference && id === 'CommentReference')) out.reference = id;
    if (name === 'annotation text' || (!out.text && id === 'CommentText')) out.text = id;
  });
  return out;
}

/** A part as a DOM: the reader's, or parsed from the zip; null when the package has none. */
async function partOf(draft: DocxDraft, path: string): Promise<Document | null> {
  const have = draft.pkg.parts.get(path);
  if (have) return have;
  const file = draft.pkg.zip.file(path);
  if (!file) return null;
  const xml = await file.async('string');
  try {
    return parseXml(xml);
  } catch {
    throw new DocxError(`文档的 ${path} 不是有效的 XML`);
  }
}

function serialize(doc: Document): string {
  const xml = serializeXml(doc);
  return xml.startsWith('<?xml') ? xml : DECLARATION + xml;
}

/** Text without the characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF). */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

function isoDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---------------------------------------------------------------------------

/** Comments and tracked changes written into word/document.xml. */
class ReviewWriter {
  readonly splitter: RunSplitter;
  /** w:del and w:ins elements written here, and the w:ins written after each w:del. */
  private readonly wrappers = new Set<Node>();
  private readonly insAfter = new Map<Node, Element>();
  private readonly applied: Array<{ start: number; end: number }> = [];

  constructor(
    private readonly draft: DocxDraft,
    private readonly doc: Document,
    private readonly ids: IdPool,
    private readonly author: string,
    private readonly date: string,
    private readonly styles: Styles,
  ) {
    this.splitter = new RunSplitter(doc, draft.pkg.nodes, (copy) => this.renumber(copy));
  }

  /** The paragraph holding offset `at` of draft.text. */
  private paragraphAt(at: number): number {
    return locate(this.draft, at).paragraph;
  }

  // --- tracked changes ------------------------------------------------------

  /** Writes one edit as a tracked change; false when it is left out. */
  edit(start: number, end: number, newText: string): boolean {
    const text = this.draft.text;
    if (!(start >= 0 && end >= start && end <= text.length) || /[\r\n]/.test(newText)) return false;
    if (start === end && !newText) return false;
    const n = this.paragraphAt(start);
    const para = this.draft.paragraphs[n];
    const base = this.draft.paragraphStarts[n];
    const s = start - base;
    const e = end - base;
    if (e > para.text.length) return false;
    for (const a of this.applied) {
      const overlaps = Math.max(a.start, start) < Math.min(a.end, end);
      const touches = (start === end && start >= a.start && start <= a.end) || (a.start === a.end && a.start >= start && a.start <= end);
      if (overlaps || touches) return false;
    }
    if (s === e) {
      if (!this.insertOnly(para, s, newText)) return false;
    } else if (!this.replace(para, s, e, newText)) return false;
    this.applied.push({ start, end });
    return true;
  }

  private insertOnly(para: DocxDraft['paragraphs'][number], s: number, newText: string): boolean {
    let place: Place;
    let near: Element;
    if (s > 0 && para.node[s - 1] >= 0) {
      place = this.splitter.after(para.node[s - 1], para.offset[s - 1]);
      near = this.splitter.locate(para.node[s - 1], para.offset[s - 1]).el;
    } else if (s < para.text.length && para.node[s] >= 0) {
      place = this.splitter.before(para.node[s], para.offset[s]);
      near = this.splitter.locate(para.node[s], para.offset[s]).el;
    } else return false;
    if (!this.editableField(near)) return false;
    const ins = this.insertion(newText, near.parentNode as Element);
    this.insert(place, [ins], 'end');
    return true;
  }

  private replace(para: DocxDraft['paragraphs'][number], s: number, e: number, newText: string): boolean {
    for (let i = s; i < e; i++) if (para.node[i] < 0) return false;
    const sp = this.splitter;
    if (!this.editableField(sp.locate(para.node[s], para.offset[s]).el)) return false;
    if (!this.editableField(sp.locate(para.node[e - 1], para.offset[e - 1]).el)) return false;
    sp.before(para.node[s], para.offset[s]);
    sp.after(para.node[e - 1], para.offset[e - 1]);
    // The elements now holding the characters, by original node.
    const covered: Array<{ node: number; el: Element }> = [];
    for (let i = s; i < e; ) {
      const node = para.node[i];
      let j = i + 1;
      while (j < e && para.node[j] === node && para.offset[j] === para.offset[j - 1] + 1) j++;
      for (const el of sp.elementsOf(node, para.offset[i], para.offset[j - 1] + 1)) covered.push({ node, el });
      i = j;
    }
    const coveredSet = new Set<Node>(covered.map((c) => c.el));
    const runs: Element[] = [];
    for (const { el } of covered) {
      const run = el.parentNode as Element;
      if (runs[runs.length - 1] !== run) runs.push(run);
    }
    if (new Set(runs).size !== runs.length) return false;
    for (const run of runs) {
      if (!isElement(run) || run.localName !== 'r') return false;
      for (let c = run.firstChild; c; c = c.nextSibling) {
        if (!isElement(c) || coveredSet.has(c)) continue;
        if (c.localName !== 'rPr' && c.localName !== 'lastRenderedPageBreak') return false;
      }
    }
    const firstRun = runs[0];
    // Wrap each group of adjacent runs in a w:del.
    let last: Element | null = null;
    for (let i = 0; i < runs.length; ) {
      let j = i + 1;
      while (j < runs.length && nextElement(runs[j - 1]) === runs[j]) j++;
      const del = this.revision('del');
      runs[i].parentNode!.insertBefore(del, runs[i]);
      for (let k = i; k < j; k++) del.appendChild(runs[k]);
      this.wrappers.add(del);
      last = del;
      i = j;
    }
    for (const { node, el } of covered) {
      if (el.localName !== 't') continue;
      const dt = this.splitter.el('delText');
      for (let a = 0; a < el.attributes.length; a++) {
        const at = el.attributes.item(a)!;
        dt.setAttributeNS(at.namespaceURI, at.name, at.value);
      }
      setText(dt, el.textContent ?? '');
      el.parentNode!.replaceChild(dt, el);
      sp.replaceElement(node, el, dt);
    }
    if (newText && last) {
      const ins = this.insertion(newText, firstRun);
      last.parentNode!.insertBefore(ins, last.nextSibling);
      this.insAfter.set(last, ins);
    }
    return true;
  }

  /** A w:ins or w:del with a new id, the author and the date. */
  private revision(kind: 'ins' | 'del'): Element {
    const el = this.splitter.el(kind);
    this.splitter.attr(el, 'id', String(this.ids.next()));
    this.splitter.attr(el, 'author', this.author);
    this.splitter.attr(el, 'date', this.date);
    return el;
  }

  /** `<w:ins><w:r>(the run's rPr)<w:t>text</w:t></w:r></w:ins>`, a tab as w:tab. */
  private insertion(text: string, like: Element): Element {
    const sp = this.splitter;
    const ins = this.revision('ins');
    const run = sp.el('r');
    const rPr = isElement(like) ? childElement(like, sp.W, 'rPr') : null;
    if (rPr) {
      const copy = copyElement(rPr, true);
      for (let c = copy.firstChild; c; ) {
        const next = c.nextSibling;
        if (isElement(c) && (c.localName === 'rPrChange' || c.localName === 'ins' || c.localName === 'del')) copy.removeChild(c);
        c = next;
      }
      this.renumber(copy);
      run.appendChild(copy);
    }
    text.split('\t').forEach((part, i) => {
      if (i > 0) run.appendChild(sp.el('tab'));
      if (!part) return;
      const t = sp.el('t');
      t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
      t.appendChild(this.doc.createTextNode(part));
      run.appendChild(t);
    });
    ins.appendChild(run);
    this.wrappers.add(ins);
    return ins;
  }

  /** New ids for the w:id attributes in a copied w:rPr (a w:rPrChange must not share its id). */
  private renumber(copy: Element): void {
    walkElements(copy, (el) => {
      if (el.hasAttributeNS(this.splitter.W, 'id')) this.splitter.attr(el, 'id', String(this.ids.next()));
    });
  }

  // --- comments -------------------------------------------------------------

  comment(start: number, end: number, id: number): void {
    const text = this.draft.text;
    start = Math.max(0, Math.min(start, text.length));
    end = Math.max(start, Math.min(end, text.length));
    const n = this.paragraphAt(start);
    const para = this.draft.paragraphs[n] ?? { text: '', node: new Int32Array(0), offset: new Int32Array(0) };
    const base = this.draft.paragraphStarts[n] ?? 0;
    let s = start - base;
    let e = Math.min(end - base, para.text.length);
    while (s < e && para.node[s] < 0) s++;
    while (e > s && para.node[e - 1] < 0) e--;
    const sp = this.splitter;
    let from: Place;
    let to: Place;
    if (s < e) {
      from = sp.before(para.node[s], para.offset[s]);
      to = sp.after(para.node[e - 1], para.offset[e - 1]);
    } else {
      from = to = this.point(n, s);
    }
    const rangeStart = sp.el('commentRangeStart');
    sp.attr(rangeStart, 'id', String(id));
    this.insert(from, [rangeStart], 'start');
    const rangeEnd = sp.el('commentRangeEnd');
    sp.attr(rangeEnd, 'id', String(id));
    const refRun = sp.el('r');
    if (this.styles.reference) {
      const rPr = sp.el('rPr');
      const rStyle = sp.el('rStyle');
      sp.attr(rStyle, 'val', this.styles.reference);
      rPr.appendChild(rStyle);
      refRun.appendChild(rPr);
    }
    const ref = sp.el('commentReference');
    sp.attr(ref, 'id', String(id));
    refRun.appendChild(ref);
    this.insert(to, [rangeEnd, refRun], 'end');
    this.outOfFields(refRun);
  }

  /**
   * Moves a comment's reference run out of the fields around it, to just
   * after the field: a field's result is replaced when the field is
   * updated, and LibreOffice, which turns fields into its own, drops the
   * text of a comment referenced inside one. The range still ends where it
   * should.
   */
  private outOfFields(refRun: Element): void {
    const p = ancestor(refRun, this.splitter.W, 'p');
    if (!p) return;
    const ctx = fieldContext(p, refRun, this.splitter.W);
    if (ctx.depth > 0) {
      // The end of the outermost open field, after the reference.
      let depth = ctx.depth;
      const found: { endRun?: Node | null } = {};
      walkFrom(refRun, p, (el) => {
        if (el.localName !== 'fldChar' || el.namespaceURI !== this.splitter.W) return false;
        const type = el.getAttributeNS(this.splitter.W, 'fldCharType');
        if (type === 'begin') depth++;
        else if (type === 'end' && --depth === 0) {
          found.endRun = el.parentNode;
          return true;
        }
        return false;
      });
      const endRun = found.endRun;
      if (endRun) endRun.parentNode!.insertBefore(refRun, endRun.nextSibling);
    }
    let simple: Node | null = null;
    for (let n = refRun.parentNode; n && n !== p; n = n.parentNode) {
      if (isElement(n) && n.localName === 'fldSimple' && n.namespaceURI === this.splitter.W) simple = n;
    }
    if (simple) simple.parentNode!.insertBefore(refRun, simple.nextSibling);
  }

  /** Whether text at `node` may be edited as to fields: outside any field, or in the result of a HYPERLINK field only. */
  private editableField(node: Element): boolean {
    const p = ancestor(node, this.splitter.W, 'p');
    if (!p) return true;
    const { instructions } = fieldContext(p, node, this.splitter.W);
    for (let n = node.parentNode; n && n !== p; n = n.parentNode) {
      if (isElement(n) && n.localName === 'fldSimple') instructions.push(n.getAttributeNS(this.splitter.W, 'instr') ?? '');
    }
    return instructions.every((i) => /^\s*HYPERLINK\b/i.test(i));
  }

  /** The place for a comment on no real character at offset s of paragraph n. */
  private point(n: number, s: number): Place {
    const sp = this.splitter;
    const paras = this.draft.paragraphs;
    const para = paras[n] ?? { text: '', node: new Int32Array(0), offset: new Int32Array(0) };
    for (let i = s; i < para.text.length; i++) if (para.node[i] >= 0) return sp.before(para.node[i], para.offset[i]);
    for (let i = Math.min(s, para.text.length) - 1; i >= 0; i--) if (para.node[i] >= 0) return sp.after(para.node[i], para.offset[i]);
    for (let m = n + 1; m < paras.length; m++) {
      const p = paras[m];
      for (let i = 0; i < p.text.length; i++) if (p.node[i] >= 0) return sp.before(p.node[i], p.offset[i]);
    }
    for (let m = n - 1; m >= 0; m--) {
      const p = paras[m];
      for (let i = p.text.length - 1; i >= 0; i--) if (p.node[i] >= 0) return sp.after(p.node[i], p.offset[i]);
    }
    // No character at all: a paragraph of its own at the end of the body.
    const body = childElement(this.doc.documentElement!, sp.W, 'body');
    if (!body) throw new DocxError('文档缺少正文（w:body）');
    const p = sp.el('p');
    const sectPr = childElement(body, sp.W, 'sectPr');
    body.insertBefore(p, sectPr);
    return { parent: p, ref: null };
  }

  /**
   * Inserts nodes at a place. A place at the edge of a w:del/w:ins written
   * here moves out of it: a comment starts before a deletion it starts
   * with, and ends after the insertion that replaces a deletion it ends with.
   */
  private insert(place: Place, nodes: Node[], side: 'start' | 'end'): void {
    let { parent, ref } = place;
    for (;;) {
      if (!this.wrappers.has(parent)) break;
      if (!elementBefore(parent, ref)) {
        ref = parent;
        parent = parent.parentNode!;
      } else if (!elementFrom(ref)) {
        const after: Node = this.insAfter.get(parent) ?? parent;
        ref = after.nextSibling;
        parent = after.parentNode!;
      } else break;
    }
    if (side === 'end' && ref && this.wrappers.has(ref) && isElement(ref) && ref.localName === 'ins') ref = ref.nextSibling;
    for (const node of nodes) parent.insertBefore(node, ref);
  }
}

function ancestor(n: Node, ns: string, local: string): Element | null {
  for (let a = n.parentNode; a; a = a.parentNode) if (isElement(a) && a.localName === local && a.namespaceURI === ns) return a;
  return null;
}

/**
 * The complex fields (w:fldChar begin … separate … end) open at `target`
 * within paragraph `p`: how many, and their instructions (w:instrText).
 */
function fieldContext(p: Element, target: Node, W: string): { depth: number; instructions: string[] } {
  const stack: string[] = [];
  let found = false;
  const visit = (n: Node): void => {
    for (let c = n.firstChild; c && !found; c = c.nextSibling) {
      if (c === target) {
        found = true;
        return;
      }
      if (!isElement(c)) continue;
      if (c.namespaceURI === W && c.localName === 'fldChar') {
        const type = c.getAttributeNS(W, 'fldCharType');
        if (type === 'begin') stack.push('');
        else if (type === 'end') stack.pop();
      } else if (c.namespaceURI === W && c.localName === 'instrText' && stack.length) {
        stack[stack.length - 1] += c.textContent ?? '';
      } else if (c.namespaceURI === W && c.localName === 'txbxContent') {
        continue; // a text box's fields are its own
      } else visit(c);
    }
  };
  visit(p);
  return { depth: stack.length, instructions: stack };
}

/** Visits the elements after `from` in document order within `root`, until `stop` answers true. */
function walkFrom(from: Node, root: Node, stop: (el: Element) => boolean): void {
  const inside = (n: Node): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (!isElement(c) || c.localName === 'txbxContent') continue;
      if (stop(c) || inside(c)) return true;
    }
    return false;
  };
  for (let n: Node | null = from; n && n !== root; n = n.parentNode) {
    for (let c = n.nextSibling; c; c = c.nextSibling) {
      if (!isElement(c) || c.localName === 'txbxContent') continue;
      if (stop(c) || inside(c)) return;
    }
  }
}

function nextElement(n: Node): Node | null {
  let c = n.nextSibling;
  while (c && !isElement(c)) c = c.nextSibling;
  return c;
}

function elementBefore(parent: Node, ref: Node | null): boolean {
  for (let c = parent.firstChild; c && c !== ref; c = c.nextSibling) if (isElement(c)) return true;
  return false;
}

function elementFrom(n: Node | null): boolean {
  for (; n; n = n.nextSibling) if (isElement(n)) return true;
  return false;
}

// --- comments part, relationships, content types -----------------------------

function newComments(W: string): Document {
  return parseXml(`${DECLARATION}<w:comments xmlns:w="${W}"/>`);
}

function appendComments(cdoc: Document, comments: Array<{ id: number; text: string }>, author: string, date: string, styles: Styles): void {
  const root = cdoc.documentElement!;
  const W = root.namespaceURI ?? '';
  const prefix = root.prefix ? `${root.prefix}:` : '';
  const el = (local: string) => cdoc.createElementNS(W, prefix + local);
  const attr = (e: Element, local: string, value: string) => e.setAttributeNS(W, prefix + local, value);
  for (const { id, text } of comments) {
    const c = el('comment');
    attr(c, 'id', String(id));
    attr(c, 'author', author);
    attr(c, 'date', date);
    attr(c, 'initials', INITIALS);
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
      const p = el('p');
      if (styles.text) {
        const pPr = el('pPr');
        const ps = el('pStyle');
        attr(ps, 'val', styles.text);
        pPr.appendChild(ps);
        p.appendChild(pPr);
      }
      if (i === 0) {
        const r = el('r');
        if (styles.reference) {
          const rPr = el('rPr');
          const rs = el('rStyle');
          attr(rs, 'val', styles.reference);
          rPr.appendChild(rs);
          r.appendChild(rPr);
        }
        r.appendChild(el('annotationRef'));
        p.appendChild(r);
      }
      if (line) {
        const r = el('r');
        line.split('\t').forEach((part, k) => {
          if (k > 0) r.appendChild(el('tab'));
          if (!part) return;
          const t = el('t');
          t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
          t.appendChild(cdoc.createTextNode(part));
          r.appendChild(t);
        });
        p.appendChild(r);
      }
      c.appendChild(p);
    });
    root.appendChild(c);
  }
}

/** The comments part named by the document's relationships (a path in the package), if any. */
function commentsTarget(rels: Document): string | null {
  let out: string | null = null;
  walkElements(rels.documentElement, (el) => {
    if (out || el.localName !== 'Relationship') return;
    const type = el.getAttribute('Type');
    if ((type === COMMENTS_REL || type === COMMENTS_REL_STRICT) && el.getAttribute('TargetMode') !== 'External') {
      out = resolveTarget(el.getAttribute('Target') ?? '');
    }
  });
  return out;
}

function resolveTarget(target: string): string {
  const parts = target.startsWith('/') ? [] : ['word'];
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function newRels(): Document {
  return parseXml(`${DECLARATION}<Relationships xmlns="${REL_NS}"/>`);
}

/** Adds the comments relationship when missing; true when added. */
function addCommentsRel(rels: Document, commentsPath: string): boolean {
  const root = rels.documentElement!;
  const taken = new Set<string>();
  let found = false;
  walkElements(root, (el) => {
    if (el.localName !== 'Relationship') return;
    taken.add(el.getAttribute('Id') ?? '');
    const type = el.getAttribute('Type');
    if ((type === COMMENTS_REL || type === COMMENTS_REL_STRICT) && resolveTarget(el.getAttribute('Target') ?? '') === commentsPath) found = true;
  });
  if (found) return false;
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const rel = rels.createElementNS(root.namespaceURI ?? REL_NS, root.prefix ? `${root.prefix}:Relationship` : 'Relationship');
  rel.setAttribute('Id', `rId${n}`);
  rel.setAttribute('Type', COMMENTS_REL);
  rel.setAttribute('Target', commentsPath.startsWith('word/') ? commentsPath.slice('word/'.length) : `/${commentsPath}`);
  root.appendChild(rel);
  return true;
}

/** Adds the content-type override of the comments part when missing; true when added. */
function addCommentsOverride(ct: Document, commentsPath: string): boolean {
  const root = ct.documentElement!;
  const partName = `/${commentsPath}`;
  let found = false;
  walkElements(root, (el) => {
    if (el.localName === 'Override' && (el.getAttribute('PartName') ?? '').toLowerCase() === partName.toLowerCase()) found = true;
  });
  if (found) return false;
  const o = ct.createElementNS(root.namespaceURI ?? CT_NS, root.prefix ? `${root.prefix}:Override` : 'Override');
  o.setAttribute('PartName', partName);
  o.setAttribute('ContentType', COMMENTS_CT);
  root.appendChild(o);
  return true;
}
