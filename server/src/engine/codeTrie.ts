// A trie over UTF-16 code units with integer node numbers (node 0 is the
// root): the children of the root in a direct table, the transitions of all
// other nodes in one open-addressing hash table keyed by (node, code unit).
// Extending a word by one character is one probe, without slicing or hashing
// a substring. Used by the detector's lexicon tries and the dictionary's
// Aho-Corasick automaton.

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

  /**
   * The child of `node` by the character whose UTF-8 bytes start at bytes[p]
   * (two UTF-16 steps for a supplementary character), created when missing:
   * a word list is read into the trie without decoding it to strings. The
   * caller advances p by utf8Length(bytes[p]).
   */
  addUtf8(node: number, bytes: Uint8Array, p: number): number {
    const b = bytes[p];
    if (b < 0x80) return this.add(node, b);
    if (b < 0xe0) return this.add(node, ((b & 0x1f) << 6) | (bytes[p + 1] & 0x3f));
    if (b < 0xf0) return this.add(node, ((b & 0x0f) << 12) | ((bytes[p + 1] & 0x3f) << 6) | (bytes[p + 2] & 0x3f));
    const cp = (((b & 0x07) << 18) | ((bytes[p + 1] & 0x3f) << 12) | ((bytes[p + 2] & 0x3f) << 6) | (bytes[p + 3] & 0x3f)) - 0x10000;
    return this.add(this.add(node, 0xd800 + (cp >> 10)), 0xdc00 + (cp & 0x3ff));
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

/** Length in bytes of the UTF-8 sequence whose first byte is `b`. */
export function utf8Length(b: number): number {
  return b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}
