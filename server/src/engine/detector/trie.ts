// Integer-coded tries over UTF-16 code units, built from the lexicon's string
// maps, so that the hot loops of the detector extend a word one character at a
// time (one hash probe) instead of slicing a substring and hashing it.
//
// The transitions of all nodes live in one open-addressing hash table keyed by
// (node, code unit); node 0 is the root. Built lazily on first use and cached
// per Lexicon object.

import type { Lexicon } from './lexicon';

export class CodeTrie {
  private parents: Int32Array;
  private codes: Uint16Array;
  private kids: Int32Array;
  private mask: number;
  private used = 0;
  /** Number of nodes (the root included). */
  nodes = 1;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.parents = new Int32Array(cap).fill(-1);
    this.codes = new Uint16Array(cap);
    this.kids = new Int32Array(cap);
  }

  /** The child of `node` by code unit `code`, or -1. */
  child(node: number, code: number): number {
    const parents = this.parents;
    const mask = this.mask;
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    for (;;) {
      const p = parents[h];
      if (p === -1) return -1;
      if (p === node && this.codes[h] === code) return this.kids[h];
      h = (h + 1) & mask;
    }
  }

  /** The child of `node` by `code`, created when missing. */
  add(node: number, code: number): number {
    const found = this.child(node, code);
    if (found >= 0) return found;
    if ((this.used + 1) * 2 > this.mask + 1) this.grow();
    const mask = this.mask;
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    while (this.parents[h] !== -1) h = (h + 1) & mask;
    this.parents[h] = node;
    this.codes[h] = code;
    this.kids[h] = this.nodes;
    this.used++;
    return this.nodes++;
  }

  /** Node of a whole string (inserting it). */
  insert(s: string): number {
    let node = 0;
    for (let i = 0; i < s.length; i++) node = this.add(node, s.charCodeAt(i));
    return node;
  }

  private grow(): void {
    const { parents, codes, kids } = this;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.parents = new Int32Array(cap).fill(-1);
    this.codes = new Uint16Array(cap);
    this.kids = new Int32Array(cap);
    for (let i = 0; i < parents.length; i++) {
      const p = parents[i];
      if (p === -1) continue;
      let h = (Math.imul(p, 0x9e3779b1) ^ Math.imul(codes[i], 0x85ebca6b)) & this.mask;
      while (this.parents[h] !== -1) h = (h + 1) & this.mask;
      this.parents[h] = p;
      this.codes[h] = codes[i];
      this.kids[h] = kids[i];
    }
  }
}

export interface LexiconTries {
  /** Trie of lex.logp's keys; value[node] is the map's value, NaN when the node's string is not a key. */
  logp: CodeTrie;
  logpValue: Float64Array;
  /** Trie of lex.wild's keys ('*' is code 0x2a); the fills of a node are fills.slice(fillFrom[node], fillTo[node]), fillFrom -1 when not a key. */
  wild: CodeTrie;
  fillFrom: Int32Array;
  fillTo: Int32Array;
  fills: string;
}

const cache = new WeakMap<Lexicon, LexiconTries>();

export function lexiconTries(lex: Lexicon): LexiconTries {
  let t = cache.get(lex);
  if (!t) {
    t = buildTries(lex);
    cache.set(lex, t);
  }
  return t;
}

function buildTries(lex: Lexicon): LexiconTries {
  const logp = new CodeTrie(lex.logp.size + 1);
  const lpNodes: number[] = [];
  const lpValues: number[] = [];
  for (const [k, v] of lex.logp) {
    lpNodes.push(logp.insert(k));
    lpValues.push(v);
  }
  const logpValue = new Float64Array(logp.nodes).fill(NaN);
  for (let i = 0; i < lpNodes.length; i++) logpValue[lpNodes[i]] = lpValues[i];

  const wild = new CodeTrie(lex.wild.size * 2);
  const wNodes: number[] = [];
  const parts: string[] = [];
  for (const [k, v] of lex.wild) {
    wNodes.push(wild.insert(k));
    parts.push(v);
  }
  const fillFrom = new Int32Array(wild.nodes).fill(-1);
  const fillTo = new Int32Array(wild.nodes);
  let pos = 0;
  for (let i = 0; i < wNodes.length; i++) {
    fillFrom[wNodes[i]] = pos;
    pos += parts[i].length;
    fillTo[wNodes[i]] = pos;
  }
  return { logp, logpValue, wild, fillFrom, fillTo, fills: parts.join('') };
}
