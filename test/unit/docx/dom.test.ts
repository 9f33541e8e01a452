// The light DOM of the Word module (server/src/docx/dom.ts): parse →
// serialise round trips of every XML part of the fixtures (and of XML as
// Word and LibreOffice write it), the tree compared with @xmldom/xmldom's
// (namespaces, prefixes, attributes, text), entities, malformed XML, and
// each DOM method the module uses.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import {
  Document,
  Element,
  Node,
  Text,
  XML_NS,
  XMLNS_NS,
  XmlParseError,
  parseXml,
  serializeXml,
} from '../../../server/src/docx/dom';
import { bigDocument } from './read-speed.test';
import { buildDocx, NS, p, r, wrapDocument } from '../../helpers/docx';

const W = NS.w;
const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = ['test/fixtures/docx/lo-basic.docx', 'test/fixtures/docx/lo-rich.docx', 'samples/请示-有错误.docx'].filter((f) =>
  fs.existsSync(path.join(ROOT, f)),
);

/** `<x ...></x>` written as `<x .../>`: the one way the serialiser differs from its input when nothing changed. */
const selfClose = (xml: string) => xml.replace(/<([^\s>/!?]+)((?:\s[^>]*?)?)><\/\1>/g, '<$1$2/>');

/** A plain description of a tree from either DOM: what must survive a round trip. */
type Shape = unknown;
interface AnyNode {
  nodeType: number;
  firstChild: AnyNode | null;
  nextSibling: AnyNode | null;
  namespaceURI?: string | null;
  prefix?: string | null;
  localName?: string | null;
  nodeName: string;
  nodeValue: string | null;
  attributes?: { length: number; item(i: number): { name: string; namespaceURI: string | null; localName: string | null; value: string } | null };
}
function shape(n: AnyNode): Shape {
  const kids: Shape[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (n.nodeType === 9 && c.nodeType !== 1 && c.nodeType !== 8) continue; // xmldom keeps the declaration as a PI
    kids.push(shape(c));
  }
  if (n.nodeType === 1) {
    const attrs: string[] = [];
    for (let i = 0; i < n.attributes!.length; i++) {
      const a = n.attributes!.item(i)!;
      attrs.push(`${a.name}|${a.namespaceURI ?? ''}|${a.localName}=${a.value}`);
    }
    return { el: `{${n.namespaceURI ?? ''}}${n.localName}`, prefix: n.prefix ?? null, attrs, kids };
  }
  if (n.nodeType === 9) return { doc: kids };
  return { type: n.nodeType, value: n.nodeValue };
}

const xmldom = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as AnyNode;
const mine = (xml: string) => parseXml(xml) as unknown as AnyNode;

function errorOf(xml: string): XmlParseError {
  try {
    parseXml(xml);
  } catch (e) {
    assert.ok(e instanceof XmlParseError, String(e));
    return e;
  }
  assert.fail(`parsed: ${xml}`);
}

describe('docx dom: round trips', function () {
  this.timeout(30_000);

  it('every XML part of the fixtures: the same string (but <x/>), the same tree as xmldom’s, and again after a second parse', async () => {
    assert.ok(FIXTURES.length >= 2);
    let parts = 0;
    for (const f of FIXTURES) {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(ROOT, f)));
      for (const name of Object.keys(zip.files)) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const xml = await zip.file(name)!.async('string');
        const doc = parseXml(xml);
        const out = serializeXml(doc);
        assert.equal(out, selfClose(xml), `${f} ${name}`);
        assert.deepEqual(shape(mine(out)), shape(doc as unknown as AnyNode), `${f} ${name}: reparsed`);
        assert.deepEqual(shape(doc as unknown as AnyNode), shape(xmldom(xml)), `${f} ${name}: as xmldom reads it`);
        parts++;
      }
    }
    assert.ok(parts > 20, `${parts} parts`);
  });

  it('XML as Word writes it: declaration with standalone="yes" and CRLF, mc:Ignorable, every namespace on the root', () => {
    const xml = wrapDocument(p(r('关于') + r('加强') + '<w:proofErr w:type="spellStart"/>' + r('a & b < c > d "e"'))).replace('\n', '\r\n');
    const out = serializeXml(parseXml(xml));
    assert.ok(out.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document '));
    // esc() writes &quot; and &gt; in text; the serialiser writes only what must be escaped there (&, <, >).
    assert.equal(out, xml.replace('&quot;e&quot;', '"e"'));
  });

  it('the 100-page document: the same string; parse time printed beside xmldom’s', () => {
    const xml = wrapDocument(bigDocument().body);
    const t0 = performance.now();
    const doc = parseXml(xml);
    const ours = performance.now() - t0;
    assert.equal(serializeXml(doc), xml);
    const t1 = performance.now();
    xmldom(xml);
    const theirs = performance.now() - t1;
    console.log(`      ${(xml.length / 1e6).toFixed(1)} M characters: ${ours.toFixed(0)} ms (xmldom ${theirs.toFixed(0)} ms)`);
  });

  it('a .docx built by the test helpers: every part round trips', async () => {
    const zip = await JSZip.loadAsync(await buildDocx({ body: p(r('正文')) }));
    for (const name of Object.keys(zip.files)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const xml = await zip.file(name)!.async('string');
      assert.equal(serializeXml(parseXml(xml)), selfClose(xml), name);
    }
  });

  it('comments, processing instructions, CDATA and white space between elements are kept', () => {
    const xml = '<?xml version="1.0"?>\n<!--before--><a>\n  <b>x</b>\n  <!-- c --><?pi some data?><?bare?><![CDATA[<raw> & ]]]]><![CDATA[>]]>\n</a><!--after-->';
    const doc = parseXml(xml);
    assert.equal(serializeXml(doc), xml);
    const a = doc.documentElement!;
    const kinds: number[] = [];
    for (let c = a.firstChild; c; c = c.nextSibling) kinds.push(c.nodeType);
    assert.deepEqual(kinds, [3, 1, 3, 8, 7, 7, 4, 4, 3]);
    assert.equal(a.textContent, '\n  x\n  <raw> & ]]>\n');
  });

  it('deep nesting: parse, serialise, textContent, cloneNode and search walk without recursion', () => {
    const n = 100_000;
    const xml = '<a>'.repeat(n) + 'x' + '</a>'.repeat(n);
    const doc = parseXml(xml);
    assert.equal(serializeXml(doc), xml);
    assert.equal(doc.documentElement!.textContent, 'x');
    assert.equal(doc.documentElement!.cloneNode(true).textContent, 'x');
    assert.equal(doc.getElementsByTagName('a').length, n);
  });

  it('no declaration: none written; a BOM is dropped', () => {
    assert.equal(serializeXml(parseXml('<a/>')), '<a/>');
    assert.equal(serializeXml(parseXml('\ufeff<?xml version="1.0" encoding="UTF-8"?><a/>')), '<?xml version="1.0" encoding="UTF-8"?><a/>');
  });
});

describe('docx dom: namespaces', () => {
  it('prefixes, default namespaces, redeclaration, attributes in no namespace, xml:space', () => {
    const xml =
      '<r:root xmlns:r="urn:r" xmlns="urn:d" plain="1" r:q="2">' +
      '<child xml:space="preserve"> x </child>' +
      '<r:inner xmlns:r="urn:r2" xmlns="" r:a="3"><none/></r:inner>' +
      '</r:root>';
    const doc = parseXml(xml);
    const root = doc.documentElement!;
    assert.deepEqual([root.namespaceURI, root.prefix, root.localName, root.tagName, root.nodeName], ['urn:r', 'r', 'root', 'r:root', 'r:root']);
    assert.equal(root.getAttribute('plain'), '1');
    assert.equal(root.getAttributeNS(null, 'plain'), '1');
    assert.equal(root.getAttributeNS('', 'plain'), '1');
    assert.equal(root.getAttributeNS('urn:r', 'q'), '2');
    assert.equal(root.getAttribute('r:q'), '2');
    assert.equal(root.getAttributeNS(XMLNS_NS, 'r'), 'urn:r');
    assert.equal(root.getAttributeNS(XMLNS_NS, 'xmlns'), 'urn:d');
    const child = root.firstChild as Element;
    assert.deepEqual([child.namespaceURI, child.prefix, child.localName], ['urn:d', null, 'child']);
    assert.equal(child.getAttributeNS(XML_NS, 'space'), 'preserve');
    const inner = child.nextSibling as Element;
    assert.equal(inner.namespaceURI, 'urn:r2');
    assert.equal(inner.getAttributeNS('urn:r2', 'a'), '3');
    assert.equal(inner.getAttributeNS('urn:r', 'a'), null);
    assert.equal((inner.firstChild as Element).namespaceURI, null);
    assert.equal(serializeXml(doc), xml);
    assert.deepEqual(shape(doc as unknown as AnyNode), shape(xmldom(xml)));
    // the declarations are attributes, in their order
    const names: string[] = [];
    for (let i = 0; i < root.attributes.length; i++) names.push(root.attributes.item(i)!.name);
    assert.deepEqual(names, ['xmlns:r', 'xmlns', 'plain', 'r:q']);
    const decl = root.attributes.item(0)!;
    assert.deepEqual([decl.namespaceURI, decl.prefix, decl.localName, decl.value], [XMLNS_NS, 'xmlns', 'r', 'urn:r']);
    const dflt = root.attributes.item(1)!;
    assert.deepEqual([dflt.namespaceURI, dflt.prefix, dflt.localName], [XMLNS_NS, null, 'xmlns']);
  });

  it('new elements and attributes in a namespace in scope are written with their prefix, without new declarations', () => {
    const doc = parseXml(`<w:document xmlns:w="${W}"><w:body/></w:document>`);
    const body = doc.documentElement!.firstChild as Element;
    const p = doc.createElementNS(W, 'w:p');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    t.setAttributeNS(W, 'w:id', '7');
    t.appendChild(doc.createTextNode(' 甲 '));
    p.appendChild(t);
    body.appendChild(p);
    assert.equal(serializeXml(doc), `<w:document xmlns:w="${W}"><w:body><w:p><w:t xml:space="preserve" w:id="7"> 甲 </w:t></w:p></w:body></w:document>`);
  });

  it('a namespace not in scope is declared where it is needed', () => {
    const doc = parseXml('<root xmlns="urn:d"/>');
    const root = doc.documentElement!;
    const a = doc.createElementNS('urn:x', 'x:a');
    a.setAttributeNS('urn:y', 'y:b', '1');
    a.setAttributeNS('urn:x', 'c', '2'); // no prefix: one bound to urn:x is used
    root.appendChild(a);
    root.appendChild(doc.createElement('plain')); // no namespace under a default one
    root.appendChild(doc.createElementNS('urn:d', 'same'));
    const out = serializeXml(doc);
    assert.equal(out, '<root xmlns="urn:d"><x:a y:b="1" x:c="2" xmlns:x="urn:x" xmlns:y="urn:y"/><plain xmlns=""/><same/></root>');
    const back = parseXml(out).documentElement!;
    const a2 = back.firstChild as Element;
    assert.deepEqual([a2.namespaceURI, a2.getAttributeNS('urn:y', 'b'), a2.getAttributeNS('urn:x', 'c')], ['urn:x', '1', '2']);
    assert.equal((a2.nextSibling as Element).namespaceURI, null);
    assert.equal((a2.nextSibling!.nextSibling as Element).namespaceURI, 'urn:d');
  });

  it('an element serialised alone carries the namespaces it needs from its ancestors', () => {
    const doc = parseXml(`<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:body></w:document>`);
    const p = doc.getElementsByTagNameNS(W, 'p')[0];
    assert.equal(serializeXml(p), `<w:p xmlns:w="${W}"><w:r><w:t>甲</w:t></w:r></w:p>`);
  });
});

describe('docx dom: entities and escaping', () => {
  it('entity and character references are decoded, and written back escaped', () => {
    const xml = `<a t="&lt;&amp;&gt;&quot;&apos;&#x4E00;&#20013;&#9;&#10;&#13;x">&lt;&amp;&gt;&quot;&apos;&#x4E00;&#20013;&#13;</a>`;
    const doc = parseXml(xml);
    const a = doc.documentElement!;
    assert.equal(a.getAttribute('t'), '<&>"\'一中\t\n\rx');
    assert.equal(a.textContent, '<&>"\'一中\r');
    const out = serializeXml(doc);
    assert.equal(out, `<a t="&lt;&amp;>&quot;'一中&#9;&#10;&#13;x">&lt;&amp;&gt;"'一中&#13;</a>`);
    const back = parseXml(out).documentElement!;
    assert.equal(back.getAttribute('t'), a.getAttribute('t'));
    assert.equal(back.textContent, a.textContent);
  });

  it('text set through the DOM is escaped: &, <, > (and ]]>)', () => {
    const doc = parseXml('<a/>');
    doc.documentElement!.appendChild(doc.createTextNode('a<b>&c]]>d'));
    doc.documentElement!.setAttribute('v', 'x"y<z>&');
    assert.equal(serializeXml(doc), '<a v="x&quot;y&lt;z>&amp;">a&lt;b&gt;&amp;c]]&gt;d</a>');
  });

  it('line ends in text are normalised as XML says (CRLF → LF)', () => {
    assert.equal(parseXml('<a>x\r\ny</a>').documentElement!.textContent, 'x\ny');
  });
});

describe('docx dom: malformed XML', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['mismatched tags', '<a><b></a>', /unexpected close tag|unclosed/],
    ['unclosed root', `<w:document xmlns:w="${W}"><w:body>`, /unclosed tag/],
    ['not XML', '这不是 XML', /text data outside of root node|root element/],
    ['empty', '', /root element/],
    ['unbound element prefix', '<w:document/>', /unbound namespace prefix: "w"/],
    ['unbound attribute prefix', '<a x:y="1"/>', /unbound namespace prefix: "x"/],
    ['duplicate attribute', '<a b="1" b="2"/>', /duplicate attribute/],
    ['duplicate expanded name', '<a xmlns:p="urn:x" xmlns:q="urn:x" p:b="1" q:b="2"/>', /duplicate attribute/],
    ['undefined entity', '<a>&nbsp;</a>', /undefined entity/],
    ['text after the root', '<a/>b', /text data outside of root node/],
    ['two roots', '<a/><b/>', /./],
    ['bad attribute', '<a b=1/>', /./],
    ['xml prefix rebound', '<a xmlns:xml="urn:x"/>', /xml prefix must be bound/],
    ['prefix undeclared in XML 1.0', '<a xmlns:p=""/>', /undefine prefix/],
    ['malformed name', '<a :b="1"/>', /./],
  ];
  for (const [what, xml, re] of cases) {
    it(`${what}: XmlParseError with saxes's message`, () => {
      const e = errorOf(xml);
      assert.match(e.message, re);
      assert.match(e.reason, re);
    });
  }

  it('the message says where: line and column (1-based) of where saxes stopped', () => {
    const e = errorOf('<a>\n  <b></c>\n</a>');
    assert.equal(e.line, 2);
    assert.ok(e.column! > 1);
    assert.match(e.message, /^2:\d+: /);
    assert.doesNotMatch(e.reason, /^\d+:\d+:/);
  });

  it('a DOCTYPE is refused (no entity is expanded)', () => {
    const e = errorOf('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>');
    assert.match(e.reason, /DOCTYPE/);
  });
});

describe('docx dom: the DOM methods the Word module uses', () => {
  const fresh = () => parseXml(`<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>甲</w:t></w:r><w:r><w:t>乙</w:t></w:r></w:p></w:body></w:document>`);
  const names = (parent: Node) => {
    const out: string[] = [];
    for (let c = parent.firstChild; c; c = c.nextSibling) out.push(c.nodeType === 1 ? (c as Element).textContent || c.nodeName : `#${c.nodeValue}`);
    return out;
  };
  /** Every link agrees with its neighbour's. */
  const linked = (parent: Node) => {
    let prev: Node | null = null;
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      assert.equal(c.parentNode, parent);
      assert.equal(c.previousSibling, prev);
      prev = c;
    }
    assert.equal(parent.lastChild, prev);
  };

  it('document, documentElement, ownerDocument, node types and names', () => {
    const doc = fresh();
    assert.ok(doc instanceof Document);
    assert.equal(doc.nodeType, 9);
    assert.equal(doc.nodeName, '#document');
    assert.equal(doc.ownerDocument, null);
    const root = doc.documentElement!;
    assert.equal(root.nodeType, 1);
    assert.equal(root.parentNode, doc);
    assert.equal(root.ownerDocument, doc);
    const t = doc.getElementsByTagNameNS(W, 't')[0];
    const text = t.firstChild as Text;
    assert.ok(text instanceof Text);
    assert.deepEqual([text.nodeType, text.nodeName, text.nodeValue, text.data, text.textContent, text.length], [3, '#text', '甲', '甲', '甲', 1]);
    assert.equal(text.ownerDocument, doc);
    assert.equal(t.nodeValue, null);
    assert.equal(doc.textContent, null);
  });

  it('firstChild, lastChild, nextSibling, previousSibling, parentNode, childNodes, hasChildNodes', () => {
    const doc = fresh();
    const p = doc.getElementsByTagNameNS(W, 'p')[0];
    const [r1, r2] = p.childNodes;
    assert.equal(p.firstChild, r1);
    assert.equal(p.lastChild, r2);
    assert.equal(r1.nextSibling, r2);
    assert.equal(r2.previousSibling, r1);
    assert.equal(r1.previousSibling, null);
    assert.equal(r2.nextSibling, null);
    assert.equal(r1.parentNode, p);
    assert.equal(p.childNodes.length, 2);
    assert.equal(p.childNodes.item(1), r2);
    assert.equal(p.childNodes.item(5), null);
    assert.ok(p.hasChildNodes());
    assert.ok(!(r1.firstChild!.firstChild!.hasChildNodes()));
  });

  it('appendChild, insertBefore (null/undefined reference, moves within and across parents), removeChild, replaceChild', () => {
    const doc = fresh();
    const p = doc.getElementsByTagNameNS(W, 'p')[0];
    const [r1, r2] = p.childNodes;
    const r3 = doc.createElementNS(W, 'w:r');
    r3.appendChild(doc.createElementNS(W, 'w:t')).appendChild(doc.createTextNode('丙'));
    assert.equal(p.appendChild(r3), r3);
    assert.deepEqual(names(p), ['甲', '乙', '丙']);
    p.insertBefore(r3, r1);
    assert.deepEqual(names(p), ['丙', '甲', '乙']);
    p.insertBefore(r3, null);
    assert.deepEqual(names(p), ['甲', '乙', '丙']);
    p.insertBefore(r1, undefined);
    assert.deepEqual(names(p), ['乙', '丙', '甲']);
    p.insertBefore(r2, r2); // before itself: nothing changes
    assert.deepEqual(names(p), ['乙', '丙', '甲']);
    p.insertBefore(r1, r1.nextSibling); // r1 is last: stays last
    assert.deepEqual(names(p), ['乙', '丙', '甲']);
    linked(p);
    // moved across parents: gone from the old one
    const body = p.parentNode as Element;
    body.appendChild(r2);
    assert.deepEqual(names(p), ['丙', '甲']);
    assert.equal(r2.parentNode, body);
    linked(p);
    linked(body);
    assert.equal(p.removeChild(r3), r3);
    assert.equal(r3.parentNode, null);
    assert.equal(r3.nextSibling, null);
    assert.equal(r3.previousSibling, null);
    assert.deepEqual(names(p), ['甲']);
    assert.equal(p.replaceChild(r3, r1), r1);
    assert.deepEqual(names(p), ['丙']);
    assert.equal(r1.parentNode, null);
    linked(p);
    // replace with a node from elsewhere in the same parent
    p.appendChild(r1);
    p.replaceChild(r1, r3);
    assert.deepEqual(names(p), ['甲']);
    linked(p);
    assert.equal(serializeXml(p), `<w:p xmlns:w="${W}"><w:r><w:t>甲</w:t></w:r></w:p>`);
  });

  it('errors: a reference or child that is not a child, a cycle, children of text, a second root', () => {
    const doc = fresh();
    const p = doc.getElementsByTagNameNS(W, 'p')[0];
    const body = p.parentNode as Element;
    const stray = doc.createElementNS(W, 'w:r');
    assert.throws(() => p.insertBefore(doc.createElementNS(W, 'w:r'), stray), /NotFound|not a child/);
    assert.throws(() => p.removeChild(stray), /not a child/);
    assert.throws(() => p.replaceChild(stray, body), /not a child/);
    assert.throws(() => p.appendChild(body), /itself or its descendants/);
    assert.throws(() => p.appendChild(p), /itself/);
    assert.throws(() => p.firstChild!.firstChild!.firstChild!.appendChild(stray), /cannot have children/);
    assert.throws(() => doc.appendChild(doc.createElement('x')), /one root/);
    assert.throws(() => doc.appendChild(doc.createTextNode('x')), /text/);
  });

  it('attributes: get/set/has/remove, with and without namespace, in order; the NamedNodeMap view', () => {
    const doc = parseXml(`<w:p xmlns:w="${W}" w:rsidR="00A1" plain="x"/>`);
    const el = doc.documentElement!;
    assert.equal(el.getAttribute('w:rsidR'), '00A1');
    assert.equal(el.getAttributeNS(W, 'rsidR'), '00A1');
    assert.equal(el.getAttribute('missing'), null);
    assert.equal(el.getAttributeNS(W, 'missing'), null);
    assert.ok(el.hasAttribute('plain') && el.hasAttributeNS(null, 'plain') && el.hasAttributeNS(W, 'rsidR'));
    assert.ok(!el.hasAttributeNS(W, 'plain'));
    el.setAttributeNS(W, 'w:rsidR', '00B2'); // existing: value replaced in place
    el.setAttribute('plain', 'y');
    el.setAttributeNS(W, 'w:val', '1'); // new: appended
    el.setAttribute('Id', 'rId1');
    el.setAttribute('xml:space', 'preserve');
    assert.equal(el.getAttributeNS(XML_NS, 'space'), 'preserve');
    const list = () => Array.from(el.attributes, (a) => `${a.name}=${a.value}`);
    assert.deepEqual(list(), [`xmlns:w=${W}`, 'w:rsidR=00B2', 'plain=y', 'w:val=1', 'Id=rId1', 'xml:space=preserve']);
    assert.equal(el.attributes.length, 6);
    const a = el.attributes.item(3)!;
    assert.deepEqual([a.name, a.prefix, a.localName, a.namespaceURI, a.value, a.ownerElement], ['w:val', 'w', 'val', W, '1', el]);
    assert.equal(el.attributes.item(6), null);
    a.value = '2';
    assert.equal(el.getAttributeNS(W, 'val'), '2');
    el.removeAttributeNS(W, 'rsidR');
    el.removeAttribute('plain');
    el.removeAttribute('nothing');
    el.removeAttributeNS(W, 'nothing');
    assert.deepEqual(list(), [`xmlns:w=${W}`, 'w:val=2', 'Id=rId1', 'xml:space=preserve']);
    assert.equal(serializeXml(doc), `<w:p xmlns:w="${W}" w:val="2" Id="rId1" xml:space="preserve"/>`);
    assert.throws(() => el.setAttributeNS(null, 'p:x', '1'), /without a namespace/);
    assert.throws(() => doc.createElementNS(null, 'p:x'), /without a namespace/);
  });

  it('textContent: concatenated text and CDATA of descendants (not comments); set replaces the children', () => {
    const doc = parseXml('<a>x<b>y<!--no--><c>z</c></b><![CDATA[w]]><?pi no?></a>');
    const a = doc.documentElement!;
    assert.equal(a.textContent, 'xyzw');
    assert.equal((a.firstChild!.nextSibling as Element).textContent, 'yz');
    assert.equal(doc.createElement('e').textContent, '');
    const b = a.firstChild!.nextSibling as Element;
    b.textContent = 'new';
    assert.equal(serializeXml(a), '<a>x<b>new</b><![CDATA[w]]><?pi no?></a>');
    b.textContent = '';
    assert.equal(b.firstChild, null);
    const t = a.firstChild as Text;
    t.nodeValue = 'X';
    assert.equal(t.data, 'X');
    t.data = 'Y';
    assert.equal(a.textContent, 'Yw');
  });

  it('cloneNode: shallow (attributes, no children) and deep (independent copy)', () => {
    const doc = fresh();
    const p = doc.getElementsByTagNameNS(W, 'p')[0];
    p.setAttributeNS(W, 'w:rsidR', '1');
    const shallow = p.cloneNode(false);
    assert.equal(shallow.firstChild, null);
    assert.equal(shallow.parentNode, null);
    assert.equal(shallow.getAttributeNS(W, 'rsidR'), '1');
    assert.equal(shallow.ownerDocument, doc);
    const deep = p.cloneNode(true);
    assert.equal(serializeXml(deep), serializeXml(p));
    deep.setAttributeNS(W, 'w:rsidR', '2');
    (deep.getElementsByTagNameNS(W, 't')[0].firstChild as Text).data = '丁';
    assert.equal(p.getAttributeNS(W, 'rsidR'), '1');
    assert.equal(p.textContent, '甲乙');
    assert.equal(deep.textContent, '丁乙');
    linked(deep);
    for (const r of deep.childNodes) linked(r);
    const text = p.firstChild!.firstChild!.firstChild!.cloneNode();
    assert.equal(text.nodeValue, '甲');
    const whole = doc.cloneNode(true);
    assert.equal(serializeXml(whole), serializeXml(doc));
  });

  it('getElementsByTagName / getElementsByTagNameNS: document order, wildcards, item(i), not the element itself', () => {
    const doc = parseXml(`<w:document xmlns:w="${W}" xmlns:x="urn:x"><w:body><w:p><w:t>1</w:t><x:t>2</x:t><w:p><w:t>3</w:t></w:p></w:p></w:body></w:document>`);
    assert.deepEqual(Array.from(doc.getElementsByTagNameNS(W, 't'), (e) => e.textContent), ['1', '3']);
    assert.deepEqual(Array.from(doc.getElementsByTagNameNS('*', 't'), (e) => e.textContent), ['1', '2', '3']);
    assert.equal(doc.getElementsByTagNameNS(W, '*').length, 6);
    assert.equal(doc.getElementsByTagName('*').length, 7);
    assert.equal(doc.getElementsByTagName('x:t').item(0)!.textContent, '2');
    assert.equal(doc.getElementsByTagName('x:t').item(1), null);
    const outer = doc.getElementsByTagNameNS(W, 'p')[0];
    assert.deepEqual(Array.from(outer.getElementsByTagNameNS(W, 'p')), [doc.getElementsByTagNameNS(W, 'p')[1]]);
  });

  it('createElementNS / createElement / createTextNode / createComment / createCDATASection / createProcessingInstruction', () => {
    const doc = parseXml('<a/>');
    const a = doc.documentElement!;
    const el = doc.createElementNS('urn:x', 'x:b');
    assert.deepEqual([el.namespaceURI, el.prefix, el.localName, el.tagName, el.ownerDocument], ['urn:x', 'x', 'b', 'x:b', doc]);
    a.appendChild(el);
    a.appendChild(doc.createElement('c'));
    a.appendChild(doc.createComment(' note '));
    a.appendChild(doc.createCDATASection('1 < 2'));
    a.appendChild(doc.createProcessingInstruction('mso-application', 'progid="Word.Document"'));
    a.appendChild(doc.createTextNode('t'));
    assert.equal(serializeXml(doc), '<a><x:b xmlns:x="urn:x"/><c/><!-- note --><![CDATA[1 < 2]]><?mso-application progid="Word.Document"?>t</a>');
  });
});
