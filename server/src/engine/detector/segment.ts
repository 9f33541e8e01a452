// Maximum-probability word segmentation over the lexicon (unigram model, the
// DAG + dynamic programming of jieba), with forward and backward best scores
// so that the effect of replacing one character can be evaluated locally.

import { Lexicon, PREFIX } from './lexicon';
import { lexiconTries } from './trie';

export interface Segmentation {
  /** The run of Han characters. */
  text: string;
  /** fwd[j]: best log probability of text[0, j). */
  fwd: Float64Array;
  /** bwd[j]: best log probability of text[j, n). */
  bwd: Float64Array;
  /** Tokens of the best segmentation, as [start, end) pairs. */
  tokens: Array<[number, number]>;
  /** tokenOf[i]: index into tokens of the token covering i. */
  tokenOf: Int32Array;
}

/**
 * DAG: for each start k, the ends j > k such that text[k, j) is a word, with
 * its log probability and trie node, as flat arrays: the edges of k are
 * edgeEnds/edgeLps/edgeNodes[first[k], first[k + 1]), in increasing order of
 * j (an unknown single character, node -1, first when text[k] is no word).
 * Module-level buffers, reused across calls.
 */
let edgeEnds = new Int32Array(1024);
let edgeLps = new Float64Array(1024);
let edgeNodes = new Int32Array(1024);
let first = new Int32Array(256);
let nextBuf = new Int32Array(256);
let bestEdge = new Int32Array(256);
let fwdBuf = new Float64Array(256);
let bwdBuf = new Float64Array(256);
let tokenOfBuf = new Int32Array(256);
let tokenLogpBuf = new Float64Array(256);
let tokenNodeBuf = new Int32Array(256);

function buildDag(lex: Lexicon, text: string): void {
  const { logp, logpValue } = lexiconTries(lex);
  const n = text.length;
  const maxLen = lex.maxLen;
  const unknown = lex.unknownLogp;
  let m = 0;
  for (let k = 0; k < n; k++) {
    first[k] = m;
    if (m + maxLen + 1 > edgeEnds.length) {
      const e = new Int32Array(edgeEnds.length * 2);
      e.set(edgeEnds);
      edgeEnds = e;
      const l = new Float64Array(edgeLps.length * 2);
      l.set(edgeLps);
      edgeLps = l;
      const d = new Int32Array(edgeNodes.length * 2);
      d.set(edgeNodes);
      edgeNodes = d;
    }
    const limit = Math.min(n, k + maxLen);
    let node = 0;
    const m0 = m;
    for (let j = k + 1; j <= limit; j++) {
      node = logp.child(node, text.charCodeAt(j - 1));
      if (node < 0) break;
      const v = logpValue[node];
      if (v !== v) break; // not a key
      if (v !== PREFIX) {
        if (m === m0 && j !== k + 1) {
          edgeEnds[m] = k + 1;
          edgeNodes[m] = -1;
          edgeLps[m++] = unknown;
        }
        edgeEnds[m] = j;
        edgeNodes[m] = node;
        edgeLps[m++] = v;
      }
    }
    if (m === m0) {
      edgeEnds[m] = k + 1;
      edgeNodes[m] = -1;
      edgeLps[m++] = unknown;
    }
  }
  first[n] = m;
}

export interface RunSegmentation extends Segmentation {
  /** Per token: the log probability of its DAG edge (unknownLogp for an unknown character). */
  tokenLogp: Float64Array;
  /** Per token: its node in the lexicon trie (-1 for an unknown character). */
  tokenNode: Int32Array;
}

/**
 * The segmentation of a run. With `shared`, fwd, bwd, tokenOf, tokenLogp and
 * tokenNode are module-level buffers (longer than needed), valid until the
 * next call.
 */
export function segmentRun(lex: Lexicon, text: string, shared: boolean): RunSegmentation {
  const n = text.length;
  if (first.length < n + 1) {
    const cap = Math.max(n + 1, first.length * 2);
    first = new Int32Array(cap);
    nextBuf = new Int32Array(cap);
    bestEdge = new Int32Array(cap);
    fwdBuf = new Float64Array(cap);
    bwdBuf = new Float64Array(cap);
    tokenOfBuf = new Int32Array(cap);
  }
  buildDag(lex, text);
  const fwd = shared ? fwdBuf : new Float64Array(n + 1);
  const bwd = shared ? bwdBuf : new Float64Array(n + 1);
  const tokenOf = shared ? tokenOfBuf : new Int32Array(n);
  const next = nextBuf;
  const ends = edgeEnds;
  const lps = edgeLps;
  fwd.fill(-Infinity, 0, n + 1);
  fwd[0] = 0;
  for (let k = 0; k < n; k++) {
    const base = fwd[k];
    for (let e = first[k], end = first[k + 1]; e < end; e++) {
      const j = ends[e];
      const s = base + lps[e];
      if (s > fwd[j]) fwd[j] = s;
    }
  }
  bwd.fill(-Infinity, 0, n + 1);
  bwd[n] = 0;
  for (let k = n - 1; k >= 0; k--) {
    let best = -Infinity;
    let bestJ = k + 1;
    let bestE = -1;
    for (let e = first[k], end = first[k + 1]; e < end; e++) {
      const j = ends[e];
      const s = lps[e] + bwd[j];
      // Ties go to the longer word, as in jieba.
      if (s >= best) {
        best = s;
        bestJ = j;
        bestE = e;
      }
    }
    bwd[k] = best;
    next[k] = bestJ;
    bestEdge[k] = bestE;
  }
  const tokens: Array<[number, number]> = [];
  let nt = 0;
  for (let k = 0; k < n; k = next[k]) nt++;
  if (shared && tokenLogpBuf.length < nt) {
    tokenLogpBuf = new Float64Array(Math.max(nt, tokenLogpBuf.length * 2));
    tokenNodeBuf = new Int32Array(tokenLogpBuf.length);
  }
  const tokenLogp = shared ? tokenLogpBuf : new Float64Array(nt);
  const tokenNode = shared ? tokenNodeBuf : new Int32Array(nt);
  for (let k = 0; k < n; k = next[k]) {
    const t = tokens.length;
    for (let i = k; i < next[k]; i++) tokenOf[i] = t;
    const e = bestEdge[k];
    tokenLogp[t] = e >= 0 ? lps[e] : -Infinity;
    tokenNode[t] = e >= 0 ? edgeNodes[e] : -1;
    tokens.push([k, next[k]]);
  }
  return { text, fwd, bwd, tokens, tokenOf, tokenLogp, tokenNode };
}

export function segment(lex: Lexicon, text: string): Segmentation {
  const { fwd, bwd, tokens, tokenOf } = segmentRun(lex, text, false);
  return { text, fwd, bwd, tokens, tokenOf };
}

/** The words of the best segmentation (for tests and debugging). */
export function cut(lex: Lexicon, text: string): string[] {
  const seg = segment(lex, text);
  return seg.tokens.map(([a, b]) => text.slice(a, b));
}
