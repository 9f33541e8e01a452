// Aho-Corasick automaton over UTF-16 code units. Patterns are plain strings;
// a surrogate pair is two code units and matches exactly, so matches never
// start or end inside a pair that the pattern does not contain.

export interface AcHit {
  /** Index of the pattern, in the order given to the constructor. */
  pattern: number;
  /** [start, end) in code units. */
  start: number;
  end: number;
}

export class AhoCorasick {
  /** Dense transition table for the root (most frequent lookups). */
  private readonly rootNext = new Int32Array(0x10000);
  /** Sparse transitions of the other nodes (construction only). */
  private readonly next: Array<Map<number, number>> = [];
  /**
   * Transitions of the other nodes, flattened into one open-addressing hash
   * table: slot -> (node, char) -> child. Faster than a Map per node.
   */
  private edgeNode: Int32Array = new Int32Array(0);
  private edgeChar: Int32Array = new Int32Array(0);
  private edgeChild: Int32Array = new Int32Array(0);
  private edgeMask = 0;
  private fail: Int32Array = new Int32Array(0);
  /** Pattern ending exactly at the node, or -1. */
  private terminal: Int32Array = new Int32Array(0);
  /** Nearest node on the failure chain (excluding itself) that is terminal, or -1. */
  private dictLink: Int32Array = new Int32Array(0);
  private depth: Int32Array = new Int32Array(0);
  readonly patternCount: number;

  constructor(patterns: readonly string[]) {
    this.patternCount = patterns.length;
    const next = this.next;
    next.push(new Map());
    const terminalList: number[] = [-1];
    const depthList: number[] = [0];
    for (let p = 0; p < patterns.length; p++) {
      const s = patterns[p];
      if (s.length === 0) throw new Error('empty pattern');
      let node = 0;
      for (let k = 0; k < s.length; k++) {
        const c = s.charCodeAt(k);
        let child = next[node].get(c);
        if (child === undefined) {
          child = next.length;
          next.push(new Map());
          terminalList.push(-1);
          depthList.push(depthList[node] + 1);
          next[node].set(c, child);
        }
        node = child;
      }
      // Duplicate patterns keep the first index; callers deduplicate.
      if (terminalList[node] < 0) terminalList[node] = p;
    }
    const n = next.length;
    this.terminal = Int32Array.from(terminalList);
    this.depth = Int32Array.from(depthList);
    this.fail = new Int32Array(n);
    this.dictLink = new Int32Array(n).fill(-1);
    // Breadth-first: failure links and output links.
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (const [c, child] of next[0]) {
      this.rootNext[c] = child;
      this.fail[child] = 0;
      queue[tail++] = child;
    }
    while (head < tail) {
      const node = queue[head++];
      for (const [c, child] of next[node]) {
        let f = this.fail[node];
        let target = this.step(f, c);
        while (target === 0 && f !== 0) {
          f = this.fail[f];
          target = this.step(f, c);
        }
        this.fail[child] = target === child ? 0 : target;
        const fc = this.fail[child];
        this.dictLink[child] = this.terminal[fc] >= 0 ? fc : this.dictLink[fc];
        queue[tail++] = child;
      }
    }
    // Flatten the non-root transitions.
    let edges = 0;
    for (let k = 1; k < n; k++) edges += next[k].size;
    let size = 16;
    while (size < edges * 2) size <<= 1;
    this.edgeMask = size - 1;
    this.edgeNode = new Int32Array(size).fill(-1);
    this.edgeChar = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    for (let k = 1; k < n; k++) {
      for (const [c, child] of next[k]) {
        let h = edgeHash(k, c) & this.edgeMask;
        while (this.edgeNode[h] >= 0) h = (h + 1) & this.edgeMask;
        this.edgeNode[h] = k;
        this.edgeChar[h] = c;
        this.edgeChild[h] = child;
      }
    }
    this.next.length = 0;
  }

  /** Goto without failure: 0 when there is no transition (root self-loop). */
  private step(node: number, c: number): number {
    if (node === 0) return this.rootNext[c];
    const t = this.next[node].get(c);
    return t === undefined ? 0 : t;
  }

  /** Calls `onHit` for every occurrence of every pattern, in order of end position. */
  scan(text: string, onHit: (pattern: number, start: number, end: number) => void): void {
    const { fail, terminal, dictLink, depth, rootNext, edgeNode, edgeChar, edgeChild, edgeMask } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        if (node === 0) {
          node = rootNext[c];
          break;
        }
        let h = edgeHash(node, c) & edgeMask;
        let t = -1;
        for (;;) {
          const en = edgeNode[h];
          if (en < 0) break;
          if (en === node && edgeChar[h] === c) {
            t = edgeChild[h];
            break;
          }
          h = (h + 1) & edgeMask;
        }
        if (t >= 0) {
          node = t;
          break;
        }
        node = fail[node];
      }
      if (node === 0) continue;
      let out = terminal[node] >= 0 ? node : dictLink[node];
      while (out >= 0) {
        onHit(terminal[out], i + 1 - depth[out], i + 1);
        out = dictLink[out];
      }
    }
  }

  findAll(text: string): AcHit[] {
    const hits: AcHit[] = [];
    this.scan(text, (pattern, start, end) => hits.push({ pattern, start, end }));
    return hits;
  }
}

function edgeHash(node: number, c: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77)) >>> 0;
}
