// Splitting `w:r` runs at character positions of the reader's character map,
// for review.ts. A position is given as (index in DocxPackage.nodes, offset
// in that element's text). Splitting moves the part of a run after the
// position into a new run right after it, with a copy of the run's `w:rPr`,
// in the same parent (paragraph, hyperlink, field, content control, text box
// paragraph, existing w:ins…): the text and its formatting do not change.
//
// Each split answers a place between two sibling nodes, `{ parent, ref }`
// (insert before `ref`; null = at the end of `parent`). A place stays right
// when other runs are split later, in any order: a split only ever moves the
// tail of one run into a new run inserted immediately after that run, so the
// nodes on either side of an earlier place keep their side.
//
// A split `w:t` is found again through `pieces`: per original element, the
// elements that now hold its text, by the offset where each starts.

import type { Document, Element, Node } from './dom';
import { symChar } from './read';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** A place between two sibling nodes: insert before `ref`, or at the end of `parent` when `ref` is null. */
export interface Place {
  parent: Node;
  ref: Node | null;
}

interface Piece {
  start: number;
  el: Element;
}

const ELEMENT_NODE = 1;

export function isElement(n: Node | null | undefined): n is Element {
  return !!n && n.nodeType === ELEMENT_NODE;
}

/** The first element child named `local` in namespace `ns`. */
export function childElement(parent: Node, ns: string, local: string): Element | null {
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (isElement(c) && c.localName === local && c.namespaceURI === ns) return c;
  }
  return null;
}

export class RunSplitter {
  private readonly pieces = new Map<number, Piece[]>();
  readonly W: string;
  readonly prefix: string;

  constructor(
    readonly doc: Document,
    private readonly nodes: Element[],
    /** Called with every element copied into a new run (a w:rPr), to renumber w:id attributes inside it. */
    private readonly onCopy: (copy: Element) => void = () => {},
  ) {
    const root = doc.documentElement!;
    this.W = root.namespaceURI ?? '';
    this.prefix = root.prefix ?? 'w';
  }

  /** A new element of the WordprocessingML namespace, e.g. el('r'). */
  el(local: string): Element {
    return this.doc.createElementNS(this.W, `${this.prefix}:${local}`);
  }

  /** Sets a w: attribute. */
  attr(el: Element, local: string, value: string): void {
    el.setAttributeNS(this.W, `${this.prefix}:${local}`, value);
  }

  /** The length of an element's text: w:t/w:delText their raw text, w:sym its character (maybe two units), others one. */
  static lengthOf(el: Element): number {
    if (isText(el)) return (el.textContent ?? '').length;
    return el.localName === 'sym' ? Math.max(1, symChar(el).length) : 1;
  }

  private piecesOf(node: number): Piece[] {
    let list = this.pieces.get(node);
    if (!list) {
      list = [{ start: 0, el: this.nodes[node] }];
      this.pieces.set(node, list);
    }
    return list;
  }

  /** The element holding character `offset` of original node `node` now, and the offset in it. */
  locate(node: number, offset: number): { el: Element; at: number } {
    const list = this.piecesOf(node);
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { el: list[lo].el, at: offset - list[lo].start };
  }

  /** The elements that now hold characters [from, to) of original node `node`, in order. */
  elementsOf(node: number, from: number, to: number): Element[] {
    const list = this.piecesOf(node);
    const out: Element[] = [];
    for (let i = 0; i < list.length; i++) {
      const start = list[i].start;
      const end = i + 1 < list.length ? list[i + 1].start : Infinity;
      if (start < to && end > from) out.push(list[i].el);
    }
    return out;
  }

  /** Replaces the element of a piece (after renaming it, e.g. w:t → w:delText). */
  replaceElement(node: number, old: Element, el: Element): void {
    for (const p of this.piecesOf(node)) if (p.el === old) p.el = el;
  }

  /** The place just before character `offset` of node `node`, splitting its run there. */
  before(node: number, offset: number): Place {
    const { el, at } = this.locate(node, offset);
    return this.splitAt(node, offset - at, el, at);
  }

  /** The place just after character `offset` of node `node`, splitting its run there. */
  after(node: number, offset: number): Place {
    const { el, at } = this.locate(node, offset);
    return this.splitAt(node, offset - at, el, at + 1);
  }

  /** Splits the run of `el` (a piece of `node` starting at `pieceStart`) after `at` characters of it. */
  private splitAt(node: number, pieceStart: number, el: Element, at: number): Place {
    const run = el.parentNode!;
    const len = RunSplitter.lengthOf(el);
    if (!isText(el)) at = at <= 0 ? 0 : len; // w:tab, w:sym…: before or after, never inside
    else if (at > 0 && at < len && el.getAttributeNS(XML_NS, 'space') !== 'preserve') {
      // Invisible white space at the ends (no xml:space="preserve") stays with the element.
      const text = el.textContent ?? '';
      if (/^[ \t\r\n]*$/.test(text.slice(0, at))) at = 0;
      else if (/^[ \t\r\n]*$/.test(text.slice(at))) at = len;
    }
    let first: Node | null; // the first node that belongs after the place
    if (at > 0 && at < len) {
      const text = el.textContent ?? '';
      const tail = copyElement(el, false);
      const list = this.piecesOf(node);
      const i = list.findIndex((p) => p.el === el);
      let head = text.slice(0, at);
      let rest = text.slice(at);
      if (el.getAttributeNS(XML_NS, 'space') !== 'preserve') {
        // Without xml:space="preserve" white space at the ends of a w:t is
        // not shown (the reader maps no character to it); the halves get
        // preserve when they start or end with a space, so that white space
        // must go, or it would appear. The head then starts later in the
        // original text.
        const lead = text.length - text.replace(/^[ \t\r\n]+/, '').length;
        if (lead > 0 && lead <= at) {
          head = head.slice(lead);
          list[i].start += lead;
        }
        rest = rest.replace(/[ \t\r\n]+$/, '');
      }
      setText(el, head);
      setText(tail, rest);
      run.insertBefore(tail, el.nextSibling);
      list.splice(i + 1, 0, { start: pieceStart + at, el: tail });
      first = tail;
    } else {
      first = at <= 0 ? el : el.nextSibling;
    }
    const parent = run.parentNode!;
    if (!isElement(run) || run.localName !== 'r') {
      // Not inside a run (should not happen): the element itself is the unit.
      return at <= 0 ? { parent: run, ref: el } : { parent: run, ref: el.nextSibling };
    }
    if (!hasElementFrom(first)) return { parent, ref: run.nextSibling };
    if (!hasContentBefore(run, first!)) return { parent, ref: run };
    const right = copyElement(run, false);
    const rPr = childElement(run, this.W, 'rPr');
    if (rPr) {
      const copy = copyElement(rPr, true);
      this.onCopy(copy);
      right.appendChild(copy);
    }
    for (let n: Node | null = first; n; ) {
      const next: Node | null = n.nextSibling;
      right.appendChild(n); // appendChild moves it out of `run`
      n = next;
    }
    parent.insertBefore(right, run.nextSibling);
    return { parent, ref: right };
  }
}

/** Sets the text of a w:t (or w:delText), with xml:space="preserve" when it starts or ends with white space. */
export function setText(el: Element, text: string): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  if (text) el.appendChild(el.ownerDocument!.createTextNode(text));
  if (/^[ \t\r\n]|[ \t\r\n]$/.test(text)) el.setAttributeNS(XML_NS, 'xml:space', 'preserve');
}

/**
 * A copy of an element with its attributes (and, when deep, its element and
 * text children): only what the serialiser writes (no comments or PIs).
 */
export function copyElement(el: Element, deep: boolean): Element {
  const doc = el.ownerDocument!;
  const out = doc.createElementNS(el.namespaceURI, el.nodeName);
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)!;
    out.setAttributeNS(a.namespaceURI, a.name, a.value);
  }
  if (deep) {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (isElement(c)) out.appendChild(copyElement(c, true));
      else if (c.nodeType === 3) out.appendChild(doc.createTextNode(c.nodeValue ?? ''));
    }
  }
  return out;
}

function isText(el: Element): boolean {
  return el.localName === 't' || el.localName === 'delText';
}

function hasElementFrom(n: Node | null): boolean {
  for (; n; n = n.nextSibling) if (isElement(n)) return true;
  return false;
}

/** Whether `run` has a child element other than w:rPr before `first`. */
function hasContentBefore(run: Element, first: Node): boolean {
  for (let c = run.firstChild; c && c !== first; c = c.nextSibling) {
    if (isElement(c) && c.localName !== 'rPr') return true;
  }
  return false;
}
