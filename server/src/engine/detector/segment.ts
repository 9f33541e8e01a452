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
 * its log probability, as flat arrays: the edges of k are
 * ends/lps[first[k], first[k + 1]), in increasing order of j (an unknown
 * single character first when text[k] is no word).
 */
interface Dag {
  first: Int32Array;
  ends: Int32Array;
  lps: Float64Array;
}

let edgeEnds = new Int32Array(1024);
let edgeLps = new Float64Array(1024);

function buildDag(lex: Lexicon, text: string): Dag {
  const { logp, logpValue } = lexiconTries(lex);
  const n = text.length;
  const first = new Int32Array(n + 1);
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
          edgeLps[m++] = unknown;
        }
        edgeEnds[m] = j;
        edgeLps[m++] = v;
      }
    }
    if (m === m0) {
      edgeEnds[m] = k + 1;
      edgeLps[m++] = unknown;
    }
  }
  first[n] = m;
  return { first, ends: edgeEnds.slice(0, m), lps: edgeLps.slice(0, m) };
}

export function segment(lex: Lexicon, text: string): Segmentation {
  const n = text.length;
  const { first, ends, lps } = buildDag(lex, text);
  const fwd = new Float64Array(n + 1).fill(-Infinity);
  fwd[0] = 0;
  for (let k = 0; k < n; k++) {
    const base = fwd[k];
    for (let e = first[k], end = first[k + 1]; e < end; e++) {
      const j = ends[e];
      const s = base + lps[e];
      if (s > fwd[j]) fwd[j] = s;
    }
  }
  const bwd = new Float64Array(n + 1).fill(-Infinity);
  const next = new Int32Array(n + 1);
  bwd[n] = 0;
  for (let k = n - 1; k >= 0; k--) {
    let best = -Infinity;
    let bestJ = k + 1;
    for (let e = first[k], end = first[k + 1]; e < end; e++) {
      const j = ends[e];
      const s = lps[e] + bwd[j];
      // Ties go to the longer word, as in jieba.
      if (s >= best) {
        best = s;
        bestJ = j;
      }
    }
    bwd[k] = best;
    next[k] = bestJ;
  }
  const tokens: Array<[number, number]> = [];
  const tokenOf = new Int32Array(n);
  for (let k = 0; k < n; k = next[k]) {
    for (let i = k; i < next[k]; i++) tokenOf[i] = tokens.length;
    tokens.push([k, next[k]]);
  }
  return { text, fwd, bwd, tokens, tokenOf };
}

/** The words of the best segmentation (for tests and debugging). */
export function cut(lex: Lexicon, text: string): string[] {
  const seg = segment(lex, text);
  return seg.tokens.map(([a, b]) => text.slice(a, b));
}
