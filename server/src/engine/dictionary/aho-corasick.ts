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
  /** Dense transition table for the root (most frequent lookups); 0 = no transition. */
  private readonly rootNext = new Int32Array(0x10000);
  /**
   * Transitions of the other nodes, in one open-addressing hash table:
   * slot -> (node, char) -> child. Faster than a Map per node.
   */
  private edgeNode: Int32Array;
  private edgeChar: Int32Array;
  private edgeChild: Int32Array;
  private edgeMask: number;
  private fail: Int32Array;
  /** Pattern ending exactly at the node, or -1. */
  private terminal: Int32Array;
  /** Nearest node on the failure chain (excluding itself) that is terminal, or -1. */
  private dictLink: Int32Array;
  private depth: Int32Array;
  readonly patternCount: number;

  /**
   * Built straight into typed arrays (no per-node Maps): the CLI builds the
   * automaton of the whole dictionary at every start.
   */
  constructor(patterns: readonly string[]) {
    this.patternCount = patterns.length;
    let chars = 0;
    for (const s of patterns) chars += s.length;
    // At most one node per pattern character, plus the root.
    const cap = chars + 1;
    let size = 16;
    while (size < chars * 2) size <<= 1;
    const mask = size - 1;
    const edgeNode = new Int32Array(size).fill(-1);
    const edgeChar = new Int32Array(size);
    const edgeChild = new Int32Array(size);
    const rootNext = this.rootNext;
    const terminal = new Int32Array(cap).fill(-1);
    const depth = new Int32Array(cap);
    const parent = new Int32Array(cap);
    const via = new Int32Array(cap); // the character on the edge from the parent
    let n = 1;
    for (let p = 0; p < patterns.length; p++) {
      const s = patterns[p];
      if (s.length === 0) throw new Error('empty pattern');
      let node = 0;
      for (let k = 0; k < s.length; k++) {
        const c = s.charCodeAt(k);
        let child: number;
        if (node === 0) {
          child = rootNext[c];
          if (child === 0) {
            child = n++;
            rootNext[c] = child;
            parent[child] = 0;
            via[child] = c;
            depth[child] = 1;
          }
        } else {
          let h = edgeHash(node, c) & mask;
          child = -1;
          for (;;) {
            const en = edgeNode[h];
            if (en < 0) break;
            if (en === node && edgeChar[h] === c) {
              child = edgeChild[h];
              break;
            }
            h = (h + 1) & mask;
          }
          if (child < 0) {
            child = n++;
            edgeNode[h] = node;
            edgeChar[h] = c;
            edgeChild[h] = child;
            parent[child] = node;
            via[child] = c;
            depth[child] = depth[node] + 1;
          }
        }
        node = child;
      }
      // Duplicate patterns keep the first index; callers deduplicate.
      if (terminal[node] < 0) terminal[node] = p;
    }
    this.edgeNode = edgeNode;
    this.edgeChar = edgeChar;
    this.edgeChild = edgeChild;
    this.edgeMask = mask;
    this.terminal = terminal.slice(0, n);
    this.depth = depth.slice(0, n);
    const fail = (this.fail = new Int32Array(n));
    const dictLink = (this.dictLink = new Int32Array(n).fill(-1));
    // Failure and output links in order of depth (a node's failure target is
    // shallower): nodes sorted by depth with a counting sort.
    let maxDepth = 0;
    for (let v = 1; v < n; v++) if (depth[v] > maxDepth) maxDepth = depth[v];
    const firstOfDepth = new Int32Array(maxDepth + 2);
    for (let v = 1; v < n; v++) firstOfDepth[depth[v] + 1]++;
    for (let d = 1; d <= maxDepth + 1; d++) firstOfDepth[d] += firstOfDepth[d - 1];
    const order = new Int32Array(n);
    for (let v = 1; v < n; v++) order[firstOfDepth[depth[v]]++] = v;
    for (let k = 0; k < n - 1; k++) {
      const v = order[k];
      if (depth[v] === 1) continue; // fail = 0, dictLink = -1
      const c = via[v];
      let f = fail[parent[v]];
      let target = 0;
      for (;;) {
        target = this.goto(f, c);
        if (target > 0 || f === 0) break;
        f = fail[f];
      }
      fail[v] = target;
      dictLink[v] = terminal[target] >= 0 ? target : dictLink[target];
    }
  }

  /** Goto without failure: 0 when there is no transition. */
  private goto(node: number, c: number): number {
    if (node === 0) return this.rootNext[c];
    const { edgeNode, edgeChar, edgeMask } = this;
    let h = edgeHash(node, c) & edgeMask;
    for (;;) {
      const en = edgeNode[h];
      if (en < 0) return 0;
      if (en === node && edgeChar[h] === c) return this.edgeChild[h];
      h = (h + 1) & edgeMask;
    }
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
