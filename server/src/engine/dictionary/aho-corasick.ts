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
  /** Sparse transitions of the other nodes. */
  private readonly next: Array<Map<number, number>> = [];
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
  }

  /** Goto without failure: 0 when there is no transition (root self-loop). */
  private step(node: number, c: number): number {
    if (node === 0) return this.rootNext[c];
    const t = this.next[node].get(c);
    return t === undefined ? 0 : t;
  }

  /** Calls `onHit` for every occurrence of every pattern, in order of end position. */
  scan(text: string, onHit: (pattern: number, start: number, end: number) => void): void {
    const { fail, terminal, dictLink, depth, rootNext, next } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        if (node === 0) {
          node = rootNext[c];
          break;
        }
        const t = next[node].get(c);
        if (t !== undefined) {
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
