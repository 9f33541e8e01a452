// Maximum-probability word segmentation over the lexicon (unigram model, the
// DAG + dynamic programming of jieba), with forward and backward best scores
// so that the effect of replacing one character can be evaluated locally.

import { Lexicon, PREFIX } from './lexicon';

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

/** DAG: for each start k, the ends j > k such that text[k, j) is a word, with its log probability. */
function buildDag(lex: Lexicon, text: string): Array<Array<[number, number]>> {
  const n = text.length;
  const dag: Array<Array<[number, number]>> = new Array(n);
  for (let k = 0; k < n; k++) {
    const edges: Array<[number, number]> = [];
    const limit = Math.min(n, k + lex.maxLen);
    for (let j = k + 1; j <= limit; j++) {
      const v = lex.logp.get(text.slice(k, j));
      if (v === undefined) break;
      if (v !== PREFIX) edges.push([j, v]);
    }
    if (edges.length === 0 || edges[0][0] !== k + 1) edges.unshift([k + 1, lex.unknownLogp]);
    dag[k] = edges;
  }
  return dag;
}

export function segment(lex: Lexicon, text: string): Segmentation {
  const n = text.length;
  const dag = buildDag(lex, text);
  const fwd = new Float64Array(n + 1).fill(-Infinity);
  fwd[0] = 0;
  for (let k = 0; k < n; k++) {
    const base = fwd[k];
    for (const [j, lp] of dag[k]) {
      const s = base + lp;
      if (s > fwd[j]) fwd[j] = s;
    }
  }
  const bwd = new Float64Array(n + 1).fill(-Infinity);
  const next = new Int32Array(n + 1);
  bwd[n] = 0;
  for (let k = n - 1; k >= 0; k--) {
    let best = -Infinity;
    let bestJ = k + 1;
    for (const [j, lp] of dag[k]) {
      const s = lp + bwd[j];
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
