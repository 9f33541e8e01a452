// Integer-coded tries over UTF-16 code units, built from the lexicon's string
// maps, so that the hot loops of the detector extend a word one character at a
// time (one hash probe) instead of slicing a substring and hashing it.
//
// The transitions of all nodes live in one open-addressing hash table keyed by
// (node, code unit); node 0 is the root. Built lazily on first use and cached
// per Lexicon object.

import type { Lexicon } from './lexicon';

/** Size of CodeTrie's lookup filter: 2^23 bits (1 MiB). */
const FILTER_BITS = 1 << 23;

/** The filter bit of a (node, code) pair: a multiplicative hash, independent of the slot hash. */
function filterBit(node: number, code: number): number {
  return Math.imul(node ^ Math.imul(code, 0x27d4eb2d), 0x165667b1) >>> 9;
}

/** What CodeTrie.toParts() returns. */
export interface CodeTrieParts {
  slots: Int32Array;
  root: Int32Array;
  filter: Int32Array | undefined;
  mask: number;
  used: number;
  nodes: number;
  maxLoad: number;
}

export class CodeTrie {
  /** Slots of 3 int32: parent node (-1: empty), code unit, child node (one cache line per probe). */
  private slots: Int32Array;
  private mask: number;
  private used = 0;
  /** Children of the root, indexed directly by code unit (-1: none). */
  private root: Int32Array<ArrayBufferLike> = new Int32Array(0x10000).fill(-1);
  /** Number of nodes (the root included). */
  nodes = 1;

  /** Load at which add() grows the table. */
  private maxLoad: number;

  /**
   * A one-hash Bloom filter of the (node, code) pairs in `slots`, set by
   * seal() once the trie is built: most failed lookups (the end of every
   * walk) are answered from this 1 MiB bit array, which stays in cache,
   * instead of a probe into the large slot table. Undefined while building.
   */
  private filter: Int32Array | undefined;

  constructor(expected = 1024, maxLoad = 0.5) {
    this.maxLoad = maxLoad;
    let cap = 1024;
    while (cap * maxLoad < expected) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 3).fill(-1);
  }

  /** The child of `node` by code unit `code`, or -1. */
  child(node: number, code: number): number {
    if (node === 0) return this.root[code];
    const filter = this.filter;
    if (filter !== undefined) {
      const x = filterBit(node, code);
      if ((filter[x >>> 5] & (1 << (x & 31))) === 0) return -1;
    }
    const slots = this.slots;
    const mask = this.mask;
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    for (;;) {
      const o = h * 3;
      const p = slots[o];
      if (p === -1) return -1;
      if (p === node && slots[o + 1] === code) return slots[o + 2];
      h = (h + 1) & mask;
    }
  }

  /** The child of `node` by `code`, created when missing. */
  add(node: number, code: number): number {
    const found = this.child(node, code);
    if (found >= 0) return found;
    if (node === 0) {
      this.root[code] = this.nodes;
      return this.nodes++;
    }
    if (this.used + 1 > (this.mask + 1) * this.maxLoad) this.grow();
    this.filter = undefined;
    this.put(node, code, this.nodes);
    this.used++;
    return this.nodes++;
  }

  private put(node: number, code: number, kid: number): void {
    const mask = this.mask;
    const slots = this.slots;
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    while (slots[h * 3] !== -1) h = (h + 1) & mask;
    slots[h * 3] = node;
    slots[h * 3 + 1] = code;
    slots[h * 3 + 2] = kid;
  }

  /** Node of a whole string (inserting it). */
  insert(s: string): number {
    let node = 0;
    for (let i = 0; i < s.length; i++) node = this.add(node, s.charCodeAt(i));
    return node;
  }

  /**
   * Rehash into the smallest table that keeps the load at most `maxLoad`
   * (after building: a smaller table means fewer cache misses per probe).
   */
  compact(maxLoad = 0.85): void {
    let cap = 1024;
    while (this.used > cap * maxLoad) cap *= 2;
    if (cap < this.mask + 1) this.rehash(cap);
    this.seal();
  }

  /** Build the lookup filter (after the last add()). */
  seal(): void {
    const filter = new Int32Array(FILTER_BITS >>> 5);
    const slots = this.slots;
    for (let o = 0; o < slots.length; o += 3) {
      if (slots[o] === -1) continue;
      const x = filterBit(slots[o], slots[o + 1]);
      filter[x >>> 5] |= 1 << (x & 31);
    }
    this.filter = filter;
  }

  /** The edges as arrays indexed by child node: parent[node], code[node] (entry 0, the root, unused). */
  edges(): { parent: Int32Array; code: Uint16Array } {
    const parent = new Int32Array(this.nodes);
    const code = new Uint16Array(this.nodes);
    parent[0] = -1;
    for (let c = 0; c < 0x10000; c++) {
      const kid = this.root[c];
      if (kid >= 0) code[kid] = c;
    }
    const slots = this.slots;
    for (let o = 0; o < slots.length; o += 3) {
      if (slots[o] === -1) continue;
      parent[slots[o + 2]] = slots[o];
      code[slots[o + 2]] = slots[o + 1];
    }
    return { parent, code };
  }

  /**
   * The trie of the given edges (as returned by edges()), with the same node
   * numbers and a table sized as compact(maxLoad) sizes it.
   */
  static fromEdges(parent: ArrayLike<number>, code: ArrayLike<number>, maxLoad = 0.85): CodeTrie {
    const n = parent.length;
    const t = new CodeTrie();
    let used = 0;
    for (let node = 1; node < n; node++) if (parent[node] !== 0) used++;
    let cap = 1024;
    while (used > cap * maxLoad) cap *= 2;
    t.mask = cap - 1;
    t.slots = new Int32Array(cap * 3).fill(-1);
    for (let node = 1; node < n; node++) {
      if (parent[node] === 0) t.root[code[node]] = node;
      else t.put(parent[node], code[node], node);
    }
    t.used = used;
    t.nodes = Math.max(n, 1);
    t.seal();
    return t;
  }

  /** The trie's arrays and sizes (to share them with another thread). */
  toParts(): CodeTrieParts {
    return { slots: this.slots, root: this.root, filter: this.filter, mask: this.mask, used: this.used, nodes: this.nodes, maxLoad: this.maxLoad };
  }

  /** A trie over given arrays (no copy): the inverse of toParts(). */
  static fromParts(p: CodeTrieParts): CodeTrie {
    const t = new CodeTrie();
    t.slots = p.slots;
    t.root = p.root;
    t.filter = p.filter;
    t.mask = p.mask;
    t.used = p.used;
    t.nodes = p.nodes;
    t.maxLoad = p.maxLoad;
    return t;
  }

  private grow(): void {
    this.rehash((this.mask + 1) * 2);
  }

  private rehash(cap: number): void {
    const old = this.slots;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 3).fill(-1);
    for (let o = 0; o < old.length; o += 3) if (old[o] !== -1) this.put(old[o], old[o + 1], old[o + 2]);
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
  /** starChild[node] of the wild trie: its child by '*', or -1. */
  starChild: Int32Array;
  /**
   * Confusion sets by the written character's code unit: the BMP candidates
   * of confStart[code]..confStart[code + 1] in confCodes/confKinds, and the
   * set itself (confOf[code], undefined when the character has none).
   */
  confOf: Array<Map<string, number> | undefined>;
  confStart: Int32Array;
  confCodes: Uint16Array;
  confKinds: Uint8Array;
  /** nameOf[node] of the logp trie: 0, or 1/2/3 for a name tagged nr/ns/nt. */
  nameOf: Uint8Array;
}

export const NAME_TAGS = [undefined, 'nr', 'ns', 'nt'] as const;

const cache = new WeakMap<Lexicon, LexiconTries>();

export function lexiconTries(lex: Lexicon): LexiconTries {
  let t = cache.get(lex);
  if (!t) {
    t = buildTries(lex);
    cache.set(lex, t);
  }
  return t;
}

/** The word-level part of the tries (what loadLexicon builds directly from the word list). */
export type CoreTries = Pick<LexiconTries, 'logp' | 'logpValue' | 'wild' | 'fillFrom' | 'fillTo' | 'fills' | 'nameOf'>;

/** Register tries built by the loader for a lexicon (so that they are not rebuilt from its maps). */
export function registerTries(lex: Lexicon, core: CoreTries): void {
  cache.set(lex, finishTries(lex, core));
}

/** Pack per-node fill strings (undefined: not a key) into fillFrom/fillTo/fills. */
export function packFills(nodes: number, parts: Array<string | undefined>): Pick<LexiconTries, 'fillFrom' | 'fillTo' | 'fills'> {
  const fillFrom = new Int32Array(nodes).fill(-1);
  const fillTo = new Int32Array(nodes);
  const out: string[] = [];
  let pos = 0;
  for (let node = 0; node < nodes; node++) {
    const f = parts[node];
    if (f === undefined) continue;
    fillFrom[node] = pos;
    pos += f.length;
    fillTo[node] = pos;
    out.push(f);
  }
  return { fillFrom, fillTo, fills: out.join('') };
}

function buildTries(lex: Lexicon): LexiconTries {
  return finishTries(lex, coreFromMaps(lex));
}

/** Tries from the lexicon's string maps (for a Lexicon object not made by loadLexicon). */
function coreFromMaps(lex: Lexicon): CoreTries {
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
  const parts: Array<string | undefined> = [];
  for (const [k, v] of lex.wild) parts[wild.insert(k)] = v;
  const nameOf = new Uint8Array(logp.nodes);
  for (const [w, tag] of lex.names) {
    let node = 0;
    for (let i = 0; i < w.length && node >= 0; i++) node = logp.child(node, w.charCodeAt(i));
    if (node > 0) nameOf[node] = NAME_TAGS.indexOf(tag);
  }
  logp.compact();
  wild.compact();
  return { logp, logpValue, wild, ...packFills(wild.nodes, parts), nameOf };
}

function finishTries(lex: Lexicon, core: CoreTries): LexiconTries {
  const { wild } = core;
  const starChild = new Int32Array(wild.nodes);
  for (let node = 0; node < wild.nodes; node++) starChild[node] = wild.child(node, 0x2a);
  const confOf: Array<Map<string, number> | undefined> = new Array(0x10000).fill(undefined);
  for (const [c, conf] of lex.confusion) if (c.length === 1) confOf[c.charCodeAt(0)] = conf;
  const confStart = new Int32Array(0x10001);
  const codes: number[] = [];
  const kinds: number[] = [];
  for (let code = 0; code < 0x10000; code++) {
    confStart[code] = codes.length;
    const conf = confOf[code];
    if (!conf) continue;
    for (const [d, k] of conf) {
      if (d.length !== 1) continue;
      codes.push(d.charCodeAt(0));
      kinds.push(k);
    }
  }
  confStart[0x10000] = codes.length;
  return {
    ...core,
    starChild,
    confOf,
    confStart,
    confCodes: Uint16Array.from(codes),
    confKinds: Uint8Array.from(kinds),
  };

}

/**
 * The tries as plain data whose typed arrays live in SharedArrayBuffers:
 * posted to another thread, they are shared, not copied (the detector's
 * worker loads the lexicon, the calling thread adopts it: see
 * engine/detector/parallel.ts). The confusion sets (`confOf`) are rebuilt from
 * the lexicon's confusion map on adoption.
 */
export interface SharedTries {
  logp: CodeTrieParts;
  logpValue: Float64Array;
  wild: CodeTrieParts;
  fillFrom: Int32Array;
  fillTo: Int32Array;
  fills: string;
  starChild: Int32Array;
  confStart: Int32Array;
  confCodes: Uint16Array;
  confKinds: Uint8Array;
  nameOf: Uint8Array;
}

/** A copy of a typed array in shared memory. */
function shared<T extends Int32Array | Float64Array | Uint16Array | Uint8Array>(a: T): T {
  const C = a.constructor as { new (b: SharedArrayBuffer): T };
  const out = new C(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

function sharedParts(p: CodeTrieParts): CodeTrieParts {
  return { ...p, slots: shared(p.slots), root: shared(p.root), filter: p.filter && shared(p.filter) };
}

/** Copy a lexicon's tries into shared memory (see SharedTries). */
export function shareTries(lex: Lexicon): SharedTries {
  const t = lexiconTries(lex);
  return {
    logp: sharedParts(t.logp.toParts()),
    logpValue: shared(t.logpValue),
    wild: sharedParts(t.wild.toParts()),
    fillFrom: shared(t.fillFrom),
    fillTo: shared(t.fillTo),
    fills: t.fills,
    starChild: shared(t.starChild),
    confStart: shared(t.confStart),
    confCodes: shared(t.confCodes),
    confKinds: shared(t.confKinds),
    nameOf: shared(t.nameOf),
  };
}

/** Use shared tries for `lex` (whose confusion map they were built with). */
export function adoptTries(lex: Lexicon, s: SharedTries): void {
  const confOf: Array<Map<string, number> | undefined> = new Array(0x10000).fill(undefined);
  for (const [c, conf] of lex.confusion) if (c.length === 1) confOf[c.charCodeAt(0)] = conf;
  cache.set(lex, { ...s, logp: CodeTrie.fromParts(s.logp), wild: CodeTrie.fromParts(s.wild), confOf });
}
