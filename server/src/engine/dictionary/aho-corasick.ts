// Aho-Corasick automaton over UTF-16 code units. Patterns are plain strings;
// a surrogate pair is two code units and matches exactly, so matches never
// start or end inside a pair that the pattern does not contain.

import { CodeTrie } from '../codeTrie';

export interface AcHit {
  /** Index of the pattern, in the order given to the constructor. */
  pattern: number;
  /** [start, end) in code units. */
  start: number;
  end: number;
}

export class AhoCorasick {
  /** The goto function: the trie of the patterns (node 0 is the root). */
  private readonly trie: CodeTrie;
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
    // At most one node per pattern character, plus the root. A low load keeps
    // probes short; the table stays small (no lookup filter needed).
    const cap = chars + 1;
    const trie = (this.trie = new CodeTrie(chars, 0.5));
    const terminal = new Int32Array(cap).fill(-1);
    const depth = new Int32Array(cap);
    const parent = new Int32Array(cap);
    const via = new Int32Array(cap); // the character on the edge from the parent
    for (let p = 0; p < patterns.length; p++) {
      const s = patterns[p];
      if (s.length === 0) throw new Error('empty pattern');
      let node = 0;
      for (let k = 0; k < s.length; k++) {
        const c = s.charCodeAt(k);
        const fresh = trie.nodes;
        const child = trie.add(node, c);
        if (child === fresh) {
          parent[child] = node;
          via[child] = c;
          depth[child] = depth[node] + 1;
        }
        node = child;
      }
      // Duplicate patterns keep the first index; callers deduplicate.
      if (terminal[node] < 0) terminal[node] = p;
    }
    const n = trie.nodes;
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
        target = trie.child(f, c);
        if (target > 0 || f === 0) break;
        f = fail[f];
      }
      if (target < 0) target = 0;
      fail[v] = target;
      dictLink[v] = terminal[target] >= 0 ? target : dictLink[target];
    }
  }

  /** Calls `onHit` for every occurrence of every pattern, in order of end position. */
  scan(text: string, onHit: (pattern: number, start: number, end: number) => void): void {
    const { trie, fail, terminal, dictLink, depth } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        const t = trie.child(node, c);
        if (t >= 0) {
          node = t;
          break;
        }
        if (node === 0) break;
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
