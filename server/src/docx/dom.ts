// A light, namespace-aware DOM for the XML parts of a .docx, built from the
// events of saxes (the streaming parser jsdom uses). It implements the
// subset of the W3C DOM that server/src/docx/*.ts uses, with the same names
// and semantics, and nothing else:
//
//   Node      nodeType, nodeName, nodeValue, textContent (get/set),
//             parentNode, firstChild, lastChild, previousSibling,
//             nextSibling, childNodes (a snapshot), ownerDocument,
//             appendChild, insertBefore, removeChild, replaceChild,
//             hasChildNodes, cloneNode(deep)
//   Element   namespaceURI, prefix, localName, tagName, attributes
//             (length, item(i)), getAttribute[NS], setAttribute[NS],
//             hasAttribute[NS], removeAttribute[NS],
//             getElementsByTagName[NS] (a snapshot with item(i))
//   Attr      name, prefix, localName, namespaceURI, value
//   Text, CDATASection, Comment (data), ProcessingInstruction (target, data)
//   Document  documentElement, createElementNS, createElement,
//             createTextNode, createCDATASection, createComment,
//             createProcessingInstruction, getElementsByTagName[NS]
//
// plus parseXml (text → Document) and serializeXml (Document or node →
// text). What it keeps for a faithful round trip: the XML declaration as
// the input wrote it (Word needs standalone="yes") and the white space after
// it, every element's prefix, namespace declarations as attributes
// (xmlns, xmlns:w) in their order, every attribute in its order, text,
// CDATA, comments and processing instructions. Entity and character
// references are decoded when parsing and written back escaped (&, <, > in
// text; &, <, " and tab/newline/carriage return in attributes). What it
// drops: a DOCTYPE is refused (no Word part has one), white space outside
// the root element (other than after the declaration) is not kept.
//
// Where it departs from the DOM, on purpose:
// - childNodes and getElementsByTagName[NS] answer snapshots, not live lists;
// - setAttribute('xml:…') / setAttribute('xmlns…') put the attribute in the
//   xml / xmlns namespace (as the parser would), other prefixed names stay in
//   no namespace as the DOM says;
// - the serialiser declares a namespace that is not in scope where an
//   element or attribute created with createElementNS/setAttributeNS needs
//   it, after the element's own attributes.
//
// Speed: siblings are linked (no child arrays), attributes are one flat
// array per element (Attr objects are made only when asked for), names and
// short attribute values are shared per document, no maps per node, every
// walk (textContent, serialising, cloning, searching) follows the links
// without recursion. saxes runs without its own namespace processing (half
// its time); prefixes are resolved here with the same checks. The 2.7 MB
// word/document.xml of a 100-page document parses in ~0.2 s (xmldom:
// ~0.7–1.1 s) and its DOM holds ~18 MB (xmldom's: ~100 MB).

import { SaxesParser } from 'saxes';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export const ELEMENT_NODE = 1;
export const ATTRIBUTE_NODE = 2;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const PROCESSING_INSTRUCTION_NODE = 7;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;

/** A DOM operation that the tree does not allow (the DOM's DOMException). */
export class DomError extends Error {
  constructor(
    message: string,
    readonly code: 'HierarchyRequestError' | 'NotFoundError' | 'InvalidCharacterError',
  ) {
    super(message);
    this.name = code;
  }
}

/** The links of a node, writable inside this module only. */
interface Links {
  parentNode: Node | null;
  previousSibling: Node | null;
  nextSibling: Node | null;
  firstChild: Node | null;
  lastChild: Node | null;
}
const links = (n: Node) => n as unknown as Links;

export abstract class Node {
  declare readonly nodeType: number;
  /** The document the node belongs to (null for a Document). */
  declare readonly ownerDocument: Document | null;
  declare readonly parentNode: Node | null;
  declare readonly previousSibling: Node | null;
  declare readonly nextSibling: Node | null;
  declare readonly firstChild: Node | null;
  declare readonly lastChild: Node | null;

  constructor(nodeType: number, ownerDocument: Document | null) {
    this.nodeType = nodeType;
    this.ownerDocument = ownerDocument;
    this.parentNode = null;
    this.previousSibling = null;
    this.nextSibling = null;
    this.firstChild = null;
    this.lastChild = null;
  }

  abstract get nodeName(): string;

  /** The data of a text, CDATA, comment or PI node; null for elements and documents. */
  get nodeValue(): string | null {
    return null;
  }

  set nodeValue(_value: string | null) {
    // No effect on elements and documents (as in the DOM).
  }

  /** Elements: the text of every Text/CDATA descendant; character data: its data; a document: null. */
  get textContent(): string | null {
    return null;
  }

  set textContent(_value: string | null) {
    // No effect on a document (as in the DOM).
  }

  /** The children as an array: a snapshot, not a live list. */
  get childNodes(): NodeList<Node> {
    const out = new NodeList<Node>();
    for (let c = this.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  }

  hasChildNodes(): boolean {
    return this.firstChild !== null;
  }

  appendChild<T extends Node>(node: T): T {
    return this.insertBefore(node, null);
  }

  /** Inserts (or moves) `node` before `ref`, a child of this node; at the end when `ref` is null. */
  insertBefore<T extends Node>(node: T, ref: Node | null | undefined): T {
    ref ??= null;
    if (ref !== null && ref.parentNode !== this) throw new DomError('insertBefore: the reference node is not a child of this node', 'NotFoundError');
    this.checkChild(node);
    if (node === ref) return node;
    if (node.parentNode) node.parentNode.unlink(node);
    const n = links(node);
    const self = links(this);
    n.parentNode = this;
    if (ref === null) {
      n.previousSibling = self.lastChild;
      n.nextSibling = null;
      if (self.lastChild) links(self.lastChild).nextSibling = node;
      else self.firstChild = node;
      self.lastChild = node;
    } else {
      const before = ref.previousSibling;
      n.previousSibling = before;
      n.nextSibling = ref;
      links(ref).previousSibling = node;
      if (before) links(before).nextSibling = node;
      else self.firstChild = node;
    }
    return node;
  }

  removeChild<T extends Node>(node: T): T {
    if (node.parentNode !== this) throw new DomError('removeChild: the node is not a child of this node', 'NotFoundError');
    this.unlink(node);
    return node;
  }

  /** Puts `node` where `old` is; answers `old`, removed. */
  replaceChild<T extends Node>(node: Node, old: T): T {
    if (old.parentNode !== this) throw new DomError('replaceChild: the node to replace is not a child of this node', 'NotFoundError');
    if (node === old) return old;
    this.insertBefore(node, old);
    this.unlink(old);
    return old;
  }

  /** A copy of the node (with its attributes), and of its descendants when `deep`; not in any tree. */
  cloneNode(deep = false): this {
    const copy = shallowClone(this);
    if (!deep) return copy as this;
    // Walk the subtree by its links, appending copies to the matching copied parent.
    let src: Node | null = this.firstChild;
    let dst: Node = copy;
    while (src) {
      const c = shallowClone(src);
      append(dst, c); // a fresh copy: nothing to check or unlink
      if (src.firstChild) {
        src = src.firstChild;
        dst = c;
        continue;
      }
      while (src && !src.nextSibling) {
        src = src.parentNode;
        if (src === this) src = null;
        else if (src) dst = dst.parentNode!;
      }
      if (src) src = src.nextSibling;
    }
    return copy as this;
  }

  /** Unlinks a child (known to be one). */
  private unlink(node: Node): void {
    const n = links(node);
    const self = links(this);
    if (n.previousSibling) links(n.previousSibling).nextSibling = n.nextSibling;
    else self.firstChild = n.nextSibling;
    if (n.nextSibling) links(n.nextSibling).previousSibling = n.previousSibling;
    else self.lastChild = n.previousSibling;
    n.parentNode = null;
    n.previousSibling = null;
    n.nextSibling = null;
  }

  private checkChild(node: Node): void {
    if (this.nodeType !== ELEMENT_NODE && this.nodeType !== DOCUMENT_NODE) {
      throw new DomError(`${this.nodeName} nodes cannot have children`, 'HierarchyRequestError');
    }
    if (node.nodeType === DOCUMENT_NODE) throw new DomError('a document cannot be a child', 'HierarchyRequestError');
    // Only a node with children can be an ancestor of this one.
    if (node === this || node.firstChild) {
      for (let a: Node | null = this; a; a = a.parentNode) {
        if (a === node) throw new DomError('a node cannot be inserted into itself or its descendants', 'HierarchyRequestError');
      }
    }
    if (this.nodeType === DOCUMENT_NODE) {
      if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
        throw new DomError('a document cannot hold text', 'HierarchyRequestError');
      }
      if (node.nodeType === ELEMENT_NODE) {
        const root = (this as unknown as Document).documentElement;
        if (root && root !== node) throw new DomError('a document has one root element', 'HierarchyRequestError');
      }
    }
  }
}

/** An array of nodes with the DOM's item(i). A snapshot, not live. */
export class NodeList<T> extends Array<T> {
  item(i: number): T | null {
    return this[i] ?? null;
  }
}

/**
 * An attribute as the DOM's Attr: a view of one attribute of its element
 * (the element keeps its attributes in a flat array; see Element.attrs).
 */
export class Attr {
  readonly nodeType = ATTRIBUTE_NODE;
  constructor(
    readonly ownerElement: Element,
    /** The qualified name, e.g. “w:val”, “xmlns:w”, “Id”. */
    readonly name: string,
    readonly prefix: string | null,
    readonly localName: string,
    readonly namespaceURI: string | null,
  ) {}

  get value(): string {
    return this.ownerElement.getAttribute(this.name) ?? '';
  }

  set value(v: string) {
    const a = this.ownerElement.attrs;
    for (let i = 0; i < a.length; i += STRIDE) if (a[i] === this.name) a[i + 4] = String(v);
  }

  get nodeName(): string {
    return this.name;
  }

  get nodeValue(): string {
    return this.value;
  }
}

/** The attributes of an element, as the DOM's NamedNodeMap: length and item(i), in document order. */
export class NamedNodeMap {
  constructor(private readonly el: Element) {}

  get length(): number {
    return this.el.attrs.length / STRIDE;
  }

  item(i: number): Attr | null {
    const a = this.el.attrs;
    const k = i * STRIDE;
    if (!(i >= 0 && k < a.length)) return null;
    return new Attr(this.el, a[k] as string, a[k + 1], a[k + 2] as string, a[k + 3]);
  }

  *[Symbol.iterator](): Iterator<Attr> {
    const n = this.length;
    for (let i = 0; i < n; i++) yield this.item(i)!;
  }
}

/**
 * Attributes are kept flat, STRIDE entries each: qualified name, prefix
 * (null when none), local name, namespace URI (null when none), value.
 */
const STRIDE = 5;
type AttrList = Array<string | null>;
const NO_ATTRS: AttrList = [];

export class Element extends Node {
  declare readonly nodeType: typeof ELEMENT_NODE;
  declare readonly ownerDocument: Document;
  declare readonly namespaceURI: string | null;
  declare readonly prefix: string | null;
  declare readonly localName: string;
  /** The qualified name as written, e.g. “w:p”. */
  declare readonly tagName: string;
  /** @internal The attributes in document order, flat (see STRIDE); a shared empty array until the first is set. */
  declare attrs: AttrList;

  constructor(doc: Document, namespaceURI: string | null, prefix: string | null, localName: string, tagName: string) {
    super(ELEMENT_NODE, doc);
    this.namespaceURI = namespaceURI;
    this.prefix = prefix;
    this.localName = localName;
    this.tagName = tagName;
    this.attrs = NO_ATTRS;
  }

  get nodeName(): string {
    return this.tagName;
  }

  /** A view of the attributes (length, item(i)). */
  get attributes(): NamedNodeMap {
    return new NamedNodeMap(this);
  }

  override get textContent(): string {
    const first = this.firstChild;
    if (first === null) return '';
    // The usual w:t: one text node.
    if (first === this.lastChild && (first.nodeType === TEXT_NODE || first.nodeType === CDATA_SECTION_NODE)) return (first as Text).data;
    let out = '';
    let n: Node | null = first;
    while (n) {
      if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) out += (n as Text).data;
      else if (n.nodeType === ELEMENT_NODE && n.firstChild) {
        n = n.firstChild;
        continue;
      }
      while (n && !n.nextSibling) {
        n = n.parentNode;
        if (n === this) n = null;
      }
      if (n) n = n.nextSibling;
    }
    return out;
  }

  /** Replaces the children with one text node (none for an empty string). */
  override set textContent(value: string | null) {
    while (this.firstChild) this.removeChild(this.firstChild);
    if (value) this.appendChild(this.ownerDocument.createTextNode(value));
  }

  getAttribute(name: string): string | null {
    const a = this.attrs;
    for (let i = 0; i < a.length; i += STRIDE) if (a[i] === name) return a[i + 4];
    return null;
  }

  getAttributeNS(namespaceURI: string | null | undefined, localName: string): string | null {
    const ns = namespaceURI || null;
    const a = this.attrs;
    for (let i = 0; i < a.length; i += STRIDE) if (a[i + 2] === localName && a[i + 3] === ns) return a[i + 4];
    return null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }

  hasAttributeNS(namespaceURI: string | null | undefined, localName: string): boolean {
    return this.getAttributeNS(namespaceURI, localName) !== null;
  }

  /** Sets the attribute of this qualified name (a new one in no namespace; xml:… and xmlns… in theirs). */
  setAttribute(name: string, value: string): void {
    const a = this.attrs;
    value = String(value);
    for (let i = 0; i < a.length; i += STRIDE) {
      if (a[i] === name) {
        a[i + 4] = value;
        return;
      }
    }
    const { prefix, localName } = splitName(name);
    if (prefix === 'xml') this.push(name, prefix, localName, XML_NS, value);
    else if (prefix === 'xmlns') this.push(name, prefix, localName, XMLNS_NS, value);
    else if (name === 'xmlns') this.push(name, null, name, XMLNS_NS, value);
    else this.push(name, null, name, null, value);
  }

  /** Sets the attribute `localName` of the namespace (keeping its prefix when it exists); `qualifiedName` may carry a prefix. */
  setAttributeNS(namespaceURI: string | null | undefined, qualifiedName: string, value: string): void {
    const ns = namespaceURI || null;
    const { prefix, localName } = splitName(qualifiedName);
    if (prefix !== null && ns === null) throw new DomError(`setAttributeNS: prefix ${prefix} without a namespace`, 'InvalidCharacterError');
    const a = this.attrs;
    value = String(value);
    for (let i = 0; i < a.length; i += STRIDE) {
      if (a[i + 2] === localName && a[i + 3] === ns) {
        a[i + 4] = value;
        return;
      }
    }
    this.push(qualifiedName, prefix, localName, ns, value);
  }

  removeAttribute(name: string): void {
    const a = this.attrs;
    for (let i = 0; i < a.length; i += STRIDE) {
      if (a[i] === name) {
        a.splice(i, STRIDE);
        return;
      }
    }
  }

  removeAttributeNS(namespaceURI: string | null | undefined, localName: string): void {
    const ns = namespaceURI || null;
    const a = this.attrs;
    for (let i = 0; i < a.length; i += STRIDE) {
      if (a[i + 2] === localName && a[i + 3] === ns) {
        a.splice(i, STRIDE);
        return;
      }
    }
  }

  /** The descendant elements of this qualified name ('*': all), in document order: a snapshot. */
  getElementsByTagName(name: string): NodeList<Element> {
    return collect(this, (el) => name === '*' || el.tagName === name);
  }

  /** The descendant elements of this namespace and local name ('*' matches any), in document order: a snapshot. */
  getElementsByTagNameNS(namespaceURI: string | null | undefined, localName: string): NodeList<Element> {
    const ns = namespaceURI || null;
    return collect(this, (el) => (ns === '*' || el.namespaceURI === ns) && (localName === '*' || el.localName === localName));
  }

  /** @internal Appends an attribute (known not to be there). */
  push(name: string, prefix: string | null, localName: string, ns: string | null, value: string): void {
    if (this.attrs === NO_ATTRS) this.attrs = [name, prefix, localName, ns, value];
    else this.attrs.push(name, prefix, localName, ns, value);
  }
}

/** Text, CDATA, comments and processing instructions: nodes with `data`. */
export abstract class CharacterData extends Node {
  declare data: string;

  constructor(nodeType: number, doc: Document, data: string) {
    super(nodeType, doc);
    this.data = data;
  }

  get length(): number {
    return this.data.length;
  }

  override get nodeValue(): string {
    return this.data;
  }

  override set nodeValue(value: string | null) {
    this.data = value ?? '';
  }

  override get textContent(): string {
    return this.data;
  }

  override set textContent(value: string | null) {
    this.data = value ?? '';
  }
}

export class Text extends CharacterData {
  constructor(doc: Document, data: string, nodeType: number = TEXT_NODE) {
    super(nodeType, doc, data);
  }

  get nodeName(): string {
    return '#text';
  }
}

export class CDATASection extends Text {
  constructor(doc: Document, data: string) {
    super(doc, data, CDATA_SECTION_NODE);
  }

  override get nodeName(): string {
    return '#cdata-section';
  }
}

export class Comment extends CharacterData {
  constructor(doc: Document, data: string) {
    super(COMMENT_NODE, doc, data);
  }

  get nodeName(): string {
    return '#comment';
  }
}

export class ProcessingInstruction extends CharacterData {
  declare readonly target: string;

  constructor(doc: Document, target: string, data: string) {
    super(PROCESSING_INSTRUCTION_NODE, doc, data);
    this.target = target;
  }

  get nodeName(): string {
    return this.target;
  }
}

export class Document extends Node {
  declare readonly nodeType: typeof DOCUMENT_NODE;
  /** The XML declaration as the input wrote it (e.g. `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`), or null. */
  declare xmlDeclaration: string | null;
  /** The white space the input had between the declaration and what follows it (Word: “\r\n”). */
  declare afterDeclaration: string;

  constructor() {
    super(DOCUMENT_NODE, null);
    this.xmlDeclaration = null;
    this.afterDeclaration = '';
  }

  get nodeName(): string {
    return '#document';
  }

  get documentElement(): Element | null {
    for (let c = this.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) return c as Element;
    return null;
  }

  /** A new element; `qualifiedName` may carry a prefix (“w:p”), which then needs a namespace. */
  createElementNS(namespaceURI: string | null | undefined, qualifiedName: string): Element {
    const ns = namespaceURI || null;
    const { prefix, localName } = splitName(qualifiedName);
    if (prefix !== null && ns === null) throw new DomError(`createElementNS: prefix ${prefix} without a namespace`, 'InvalidCharacterError');
    return new Element(this, ns, prefix, localName, qualifiedName);
  }

  /** A new element in no namespace. */
  createElement(name: string): Element {
    return new Element(this, null, null, name, name);
  }

  createTextNode(data: string): Text {
    return new Text(this, String(data));
  }

  createCDATASection(data: string): CDATASection {
    return new CDATASection(this, String(data));
  }

  createComment(data: string): Comment {
    return new Comment(this, String(data));
  }

  createProcessingInstruction(target: string, data: string): ProcessingInstruction {
    return new ProcessingInstruction(this, target, String(data));
  }

  getElementsByTagName(name: string): NodeList<Element> {
    return collect(this, (el) => name === '*' || el.tagName === name);
  }

  getElementsByTagNameNS(namespaceURI: string | null | undefined, localName: string): NodeList<Element> {
    const ns = namespaceURI || null;
    return collect(this, (el) => (ns === '*' || el.namespaceURI === ns) && (localName === '*' || el.localName === localName));
  }
}

function splitName(name: string): { prefix: string | null; localName: string } {
  const colon = name.indexOf(':');
  return colon < 0 ? { prefix: null, localName: name } : { prefix: name.slice(0, colon), localName: name.slice(colon + 1) };
}

/** The elements below `root` (not itself) that `match`, in document order. */
function collect(root: Node, match: (el: Element) => boolean): NodeList<Element> {
  const out = new NodeList<Element>();
  let n: Node | null = root.firstChild;
  while (n) {
    if (n.nodeType === ELEMENT_NODE) {
      if (match(n as Element)) out.push(n as Element);
      if (n.firstChild) {
        n = n.firstChild;
        continue;
      }
    }
    while (n && !n.nextSibling) {
      n = n.parentNode;
      if (n === root) n = null;
    }
    if (n) n = n.nextSibling;
  }
  return out;
}

function shallowClone(n: Node): Node {
  switch (n.nodeType) {
    case ELEMENT_NODE: {
      const el = n as Element;
      const copy = new Element(el.ownerDocument, el.namespaceURI, el.prefix, el.localName, el.tagName);
      if (el.attrs.length) copy.attrs = el.attrs.slice();
      return copy;
    }
    case TEXT_NODE:
      return new Text(n.ownerDocument!, (n as Text).data);
    case CDATA_SECTION_NODE:
      return new CDATASection(n.ownerDocument!, (n as Text).data);
    case COMMENT_NODE:
      return new Comment(n.ownerDocument!, (n as Comment).data);
    case PROCESSING_INSTRUCTION_NODE:
      return new ProcessingInstruction(n.ownerDocument!, (n as ProcessingInstruction).target, (n as ProcessingInstruction).data);
    case DOCUMENT_NODE: {
      const d = n as Document;
      const copy = new Document();
      copy.xmlDeclaration = d.xmlDeclaration;
      copy.afterDeclaration = d.afterDeclaration;
      return copy;
    }
    default:
      throw new DomError(`cannot clone a node of type ${n.nodeType}`, 'NotFoundError');
  }
}

// --- parsing -------------------------------------------------------------------

/** Malformed XML: saxes's message (“line:column: reason” when the position is known). */
export class XmlParseError extends Error {
  constructor(
    message: string,
    /** What is wrong, without the position. */
    readonly reason: string,
    /** 1-based line and column of where saxes stopped, when known. */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'XmlParseError';
  }
}

const DECLARATION = /^<\?xml[ \t\r\n][^]*?\?>/;

/**
 * Parses a whole XML document with namespaces. Throws XmlParseError on
 * malformed XML (also: a DOCTYPE, which is refused).
 *
 * The fast pass runs saxes without its namespace processing (half of
 * saxes's time) and resolves prefixes here, with the checks saxes would
 * make (unbound prefixes, malformed names, reserved prefixes, duplicate
 * expanded names), names shared through a per-document table; it keeps no
 * positions. When it fails, the text is parsed again by saxes with
 * namespaces and positions, for saxes's own message.
 */
export function parseXml(xml: string): Document {
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
  try {
    return build(xml);
  } catch (first) {
    const e = diagnose(xml);
    if (e) throw e;
    // The checking parse found nothing: the fast pass's own check (or a bug) answered.
    if (first instanceof XmlParseError) throw first;
    const msg = first instanceof Error ? first.message : String(first);
    throw new XmlParseError(msg, msg);
  }
}

const DOCTYPE_REASON = 'a DOCTYPE declaration is not allowed.';

/** saxes's error for malformed XML (namespaces checked, position in the message), or null. */
function diagnose(xml: string): XmlParseError | null {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const fail = (reason: string) => {
    const prefix = `${parser.line}:${parser.column}: `;
    if (reason.startsWith(prefix)) reason = reason.slice(prefix.length);
    return new XmlParseError(`${parser.line}:${parser.column}: ${reason}`, reason, parser.line, parser.column + 1);
  };
  parser.on('error', (err) => {
    throw fail(err.message);
  });
  parser.on('doctype', () => {
    throw fail(DOCTYPE_REASON);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof XmlParseError) return e;
    const msg = e instanceof Error ? e.message : String(e);
    return new XmlParseError(msg, msg);
  }
  return null;
}

/** A qualified name split, shared by every use of that name in a document. */
interface Name {
  qname: string;
  prefix: string | null;
  local: string;
}

/** Namespaces in scope: prefix ('' = default) → URI ('' = none). */
type Scope = Record<string, string>;
const ROOT_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: XML_NS, xmlns: XMLNS_NS, '': '' });

function build(xml: string): Document {
  const doc = new Document();
  const parser = new SaxesParser({ xmlns: false, position: false });
  const fail = (reason: string): never => {
    throw new XmlParseError(reason, reason);
  };
  const names = new Map<string, Name>();
  const nameOf = (qname: string): Name => {
    let n = names.get(qname);
    if (n === undefined) {
      const colon = qname.indexOf(':');
      if (colon < 0) n = { qname, prefix: null, local: qname };
      else {
        const prefix = qname.slice(0, colon);
        const local = qname.slice(colon + 1);
        if (prefix === '' || local === '' || local.includes(':')) fail(`malformed name: ${qname}.`);
        n = { qname, prefix, local };
      }
      names.set(qname, n);
    }
    return n;
  };
  // Short attribute values repeat (sizes, fonts, rsids): one string each.
  const values = new Map<string, string>();
  const valueOf = (v: string): string => {
    if (v.length > 32) return v;
    const have = values.get(v);
    if (have !== undefined) return have;
    if (values.size < 50_000) values.set(v, v);
    return v;
  };

  let cur: Node = doc;
  let scope = ROOT_SCOPE;
  // The scope of each open element's parent, where the element declared namespaces.
  const scopes: Scope[] = [];
  const declared: boolean[] = [];

  parser.on('doctype', () => fail(DOCTYPE_REASON));
  parser.on('opentag', (tag) => {
    const tn = nameOf(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    // Namespace declarations first: they apply to the element and all its attributes.
    let own: Scope | null = null;
    let count = 0;
    for (const k in attrs) {
      count++;
      if (k.charCodeAt(0) !== 120 /* x */ || !k.startsWith('xmlns')) continue;
      let prefix: string;
      if (k === 'xmlns') prefix = '';
      else if (k.charCodeAt(5) === 58 /* : */) prefix = nameOf(k).local;
      else continue;
      const uri = attrs[k].trim();
      if (prefix !== '' && uri === '') fail('invalid attempt to undefine prefix in XML 1.0');
      checkBinding(prefix, uri, fail);
      own ??= Object.create(scope) as Scope;
      own[prefix] = uri;
    }
    if (own) {
      scopes.push(scope);
      scope = own;
    }
    declared.push(own !== null);
    let uri: string | undefined;
    if (tn.prefix === null) uri = scope[''];
    else {
      if (tn.prefix === 'xmlns') fail('tags may not have "xmlns" as prefix.');
      uri = scope[tn.prefix];
      if (!uri) fail(`unbound namespace prefix: ${JSON.stringify(tn.prefix)}.`);
    }
    const el = new Element(doc, uri || null, tn.prefix, tn.local, tn.qname);
    if (count > 0) {
      const list: AttrList = new Array(count * STRIDE);
      let i = 0;
      let namespaced = 0;
      for (const k in attrs) {
        const an = nameOf(k);
        let ns: string | null;
        if (an.prefix === null) ns = k === 'xmlns' ? XMLNS_NS : null;
        else {
          const u = scope[an.prefix];
          if (!u) fail(`unbound namespace prefix: ${JSON.stringify(an.prefix)}.`);
          ns = u;
          namespaced++;
        }
        list[i] = an.qname;
        list[i + 1] = an.prefix;
        list[i + 2] = an.local;
        list[i + 3] = ns;
        list[i + 4] = valueOf(attrs[k]);
        i += STRIDE;
      }
      if (namespaced > 1) checkDuplicates(list, fail);
      el.attrs = list;
    }
    const last = cur.lastChild;
    const e = links(el);
    e.parentNode = cur;
    if (last) {
      e.previousSibling = last;
      links(last).nextSibling = el;
    } else links(cur).firstChild = el;
    links(cur).lastChild = el;
    cur = el;
  });
  parser.on('closetag', () => {
    cur = cur.parentNode!;
    if (declared.pop()) scope = scopes.pop()!;
  });
  parser.on('text', (text: string) => {
    if (cur === doc) return; // white space outside the root element
    const last = cur.lastChild;
    if (last && last.nodeType === TEXT_NODE) (last as Text).data += text;
    else append(cur, new Text(doc, text));
  });
  parser.on('cdata', (data: string) => append(cur, new CDATASection(doc, data)));
  parser.on('comment', (data: string) => append(cur, new Comment(doc, data)));
  parser.on('processinginstruction', (pi: { target: string; body: string }) => append(cur, new ProcessingInstruction(doc, pi.target, pi.body)));

  parser.write(xml).close();

  const decl = DECLARATION.exec(xml);
  if (decl) {
    doc.xmlDeclaration = decl[0];
    let i = decl[0].length;
    while (i < xml.length && /[ \t\r\n]/.test(xml[i])) i++;
    doc.afterDeclaration = xml.slice(decl[0].length, i);
  }
  return doc;
}

/** The reserved prefixes and namespaces (as saxes checks them). */
function checkBinding(prefix: string, uri: string, fail: (reason: string) => never): void {
  if (prefix === 'xml' && uri !== XML_NS) fail(`xml prefix must be bound to ${XML_NS}.`);
  if (prefix === 'xmlns') fail(`xmlns prefix must be bound to ${XMLNS_NS}.`);
  if (uri === XMLNS_NS) {
    fail(prefix === '' ? `the default namespace may not be set to ${uri}.` : `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NS}.`);
  }
  if (uri === XML_NS && prefix !== 'xml') {
    fail(prefix === '' ? `the default namespace may not be set to ${uri}.` : 'may not assign the xml namespace to another prefix.');
  }
}

/** Two attributes with the same local name and namespace under different prefixes. */
function checkDuplicates(list: AttrList, fail: (reason: string) => never): void {
  for (let i = 0; i < list.length; i += STRIDE) {
    if (list[i + 1] === null) continue;
    for (let j = i + STRIDE; j < list.length; j += STRIDE) {
      if (list[j + 2] === list[i + 2] && list[j + 3] === list[i + 3]) fail(`duplicate attribute: {${list[i + 3]}}${list[i + 2]}.`);
    }
  }
}

function append(parent: Node, node: Node): void {
  const last = parent.lastChild;
  const n = links(node);
  n.parentNode = parent;
  if (last) {
    n.previousSibling = last;
    links(last).nextSibling = node;
  } else links(parent).firstChild = node;
  links(parent).lastChild = node;
}

// --- serialising -------------------------------------------------------------

const TEXT_SPECIAL = /[&<>\r]/;
const TEXT_SPECIAL_G = /[&<>\r]/g;
const ATTR_SPECIAL = /[&<"\t\n\r]/;
const ATTR_SPECIAL_G = /[&<"\t\n\r]/g;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const toEntity = (c: string) => ENTITY[c];

/** Text content escaped: &, <, > (and a carriage return, which a parser would drop). */
export function escapeText(s: string): string {
  return TEXT_SPECIAL.test(s) ? s.replace(TEXT_SPECIAL_G, toEntity) : s;
}

/** An attribute value escaped for double quotes: &, <, " (and tab, newline, carriage return, which a parser would turn into spaces). */
export function escapeAttribute(s: string): string {
  return ATTR_SPECIAL.test(s) ? s.replace(ATTR_SPECIAL_G, toEntity) : s;
}


/**
 * A document (its XML declaration as it was, then its nodes) or one node as
 * XML text. Elements keep their prefixes and attribute order; an empty
 * element is written `<x/>`. A namespace an element or attribute needs that
 * no ancestor (or the element itself) declares is declared on it; a node
 * serialised alone is a fragment of its own: what its ancestors declare is
 * declared on it.
 */
export function serializeXml(node: Node): string {
  let out = '';
  if (node.nodeType === DOCUMENT_NODE) {
    const d = node as Document;
    if (d.xmlDeclaration) out += d.xmlDeclaration + d.afterDeclaration;
    for (let c = node.firstChild; c; c = c.nextSibling) out += serializeTree(c, ROOT_SCOPE);
    return out;
  }
  return serializeTree(node, ROOT_SCOPE);
}

/** The scope with an element's own namespace declarations, or null when it declares none. */
function declaredScope(a: AttrList, scope: Scope): Scope | null {
  let own: Scope | null = null;
  for (let i = 0; i < a.length; i += STRIDE) {
    if (a[i + 3] !== XMLNS_NS) continue;
    own ??= Object.create(scope) as Scope;
    own[a[i + 1] === null ? '' : (a[i + 2] as string)] = (a[i + 4] as string).trim();
  }
  return own;
}

/** Whether an element and its attributes have their namespaces bound as they need in `scope`. */
function bound(el: Element, scope: Scope): boolean {
  const ep = el.prefix ?? '';
  const eu = el.namespaceURI ?? '';
  if (scope[ep] !== eu && !(ep !== '' && eu === '')) return false;
  const a = el.attrs;
  for (let i = 0; i < a.length; i += STRIDE) {
    const u = a[i + 3];
    if (u === null || u === XMLNS_NS || u === XML_NS) continue;
    const p = a[i + 1];
    if (p === null || scope[p] !== u) return false;
  }
  return true;
}

/**
 * The declarations an element needs that `scope` lacks (for nodes made with
 * createElementNS/setAttributeNS): the text to add to its start tag, the
 * scope with them, and the names to write for attributes in a namespace
 * but without a prefix (a prefix bound to it in scope, or a new one).
 */
function declare(el: Element, scope: Scope): { text: string; scope: Scope; names: Map<number, string> | null } {
  const s = Object.create(scope) as Scope;
  let text = '';
  let names: Map<number, string> | null = null;
  const add = (prefix: string, uri: string) => {
    s[prefix] = uri;
    text += prefix === '' ? ` xmlns="${escapeAttribute(uri)}"` : ` xmlns:${prefix}="${escapeAttribute(uri)}"`;
  };
  const ep = el.prefix ?? '';
  const eu = el.namespaceURI ?? '';
  if (s[ep] !== eu && !(ep !== '' && eu === '')) add(ep, eu);
  const a = el.attrs;
  let generated = 0;
  for (let i = 0; i < a.length; i += STRIDE) {
    const u = a[i + 3];
    if (u === null || u === XMLNS_NS || u === XML_NS) continue;
    const p = a[i + 1];
    if (p !== null) {
      if (s[p] !== u) add(p, u);
      continue;
    }
    let prefix: string | undefined;
    for (const k in s) if (k !== '' && s[k] === u) prefix = k;
    if (prefix === undefined) {
      do prefix = `ns${++generated}`;
      while (s[prefix] !== undefined);
      add(prefix, u);
    }
    (names ??= new Map()).set(i, `${prefix}:${a[i + 2]}`);
  }
  return { text, scope: s, names };
}

function serializeTree(root: Node, rootScope: Scope): string {
  let out = '';
  // Scopes of the open elements (a new scope only where an element declares or needs a namespace).
  const scopes: Scope[] = [];
  let scope = rootScope;
  let n: Node | null = root;
  while (n) {
    let descend = false;
    switch (n.nodeType) {
      case ELEMENT_NODE: {
        const el = n as Element;
        const a = el.attrs;
        let inner: Scope = a.length ? (declaredScope(a, scope) ?? scope) : scope;
        let names: Map<number, string> | null = null;
        let extra = '';
        if (!bound(el, inner)) {
          const d = declare(el, inner);
          inner = d.scope;
          names = d.names;
          extra = d.text;
        }
        out += '<' + el.tagName;
        for (let i = 0; i < a.length; i += STRIDE) {
          out += ' ' + ((names && names.get(i)) || a[i]) + '="' + escapeAttribute(a[i + 4] as string) + '"';
        }
        out += extra;
        if (el.firstChild) {
          out += '>';
          scopes.push(scope);
          scope = inner;
          descend = true;
        } else out += '/>';
        break;
      }
      case TEXT_NODE:
        out += escapeText((n as Text).data);
        break;
      case CDATA_SECTION_NODE:
        out += '<![CDATA[' + (n as Text).data.replace(/]]>/g, ']]]]><![CDATA[>') + ']]>';
        break;
      case COMMENT_NODE:
        out += '<!--' + (n as Comment).data + '-->';
        break;
      case PROCESSING_INSTRUCTION_NODE: {
        const pi = n as ProcessingInstruction;
        out += '<?' + pi.target + (pi.data ? ' ' + pi.data : '') + '?>';
        break;
      }
    }
    if (descend) {
      n = n.firstChild;
      continue;
    }
    if (n === root) break;
    while (n && !n.nextSibling) {
      n = n.parentNode;
      if (!n) break;
      out += '</' + (n as Element).tagName + '>';
      scope = scopes.pop()!;
      if (n === root) n = null;
    }
    if (n) n = n.nextSibling;
  }
  return out;
}
