// The character-model stage of the detector: a character (or two adjacent
// ones) whose replacement by confusable ones makes the neighbourhood clearly
// more probable under the 公文 character model (charLm.ts) is a suspected slip.
//
// For one block (a paragraph: the unit the model was trained on), with the
// block's normalised codes between BOS and EOS:
//   1. Gate. A slip makes the written character and the one after it
//      surprising. A first look with the small bigram table, then the full
//      model: positions where cost(i) + cost(i + 1) stays below the gates
//      are not looked at (≈ 9 in 10 positions of correct text).
//   2. Candidates. The confusion set of the character (same sound, similar
//      shape) and the pairs learned from the training lines of odw.train; a
//      candidate must form a bigram the model has seen with the character
//      before it and with the one after it (a cheap test that removes most).
//      Adjacent slips (沿革 for 严格, 墙画 for 强化) break both bigrams, so two
//      neighbouring characters are also replaced together, when the result is
//      a two-character word of the lexicon; and two neighbours are swapped
//      (事实求是 → 实事求是) when the swap is such a word.
//   3. Gain. The cost of the positions whose n-grams include the replaced
//      characters, written minus corrected, plus the log priors of the kind
//      of slip and of the pair, minus the extra evidence a position needs
//      (names: see detect.ts).
//   4. Greedy correction: the best candidate of the block at or above the
//      floor is accepted and written into the codes, so that another slip
//      next to it is judged in corrected context; repeat.

import { costAt, bigramCost, hasBigram, hasUnigram, normCode, BOS, EOS, ORDER, type CharLm } from './charLm';
import { pairCount, type LearnedPairs } from './learnedPairs';
import { isRunChar } from './han';

/** How a candidate changes the text. */
export const enum Change {
  /** One character replaced. */
  Single = 1,
  /** Two adjacent characters replaced. */
  Double = 2,
  /** Two adjacent characters swapped. */
  Swap = 3,
}

export interface LmCandidate {
  /** Index in the block text of the first replaced character. */
  index: number;
  change: Change;
  /** The written and the corrected text at index (one or two characters). */
  wrong: string;
  right: string;
  /** Kind of slip of the (first) replaced character: ConfusionKind 1..4, or 0 for a learned pair outside the confusion sets. */
  kind: number;
  /** Count of the pair in the learned pairs (0: none; for two characters, the smaller). */
  pairCount: number;
  /** Gain of the character model (nats). */
  gain: number;
  /** Gain + priors − penalty. */
  score: number;
}

export interface LmStageData {
  lm: CharLm;
  /** Confusion sets by code unit, reduced to the characters the model knows: confCodes/confKinds[confStart[c] .. confStart[c + 1]). */
  confStart: Int32Array;
  confCodes: Uint16Array;
  confKinds: Uint8Array;
  learned: LearnedPairs;
  /** Whether two characters make a word of the general lexicon. */
  isWord2: (a: number, b: number) => boolean;
}

/** First look: bigram surprise of a character and the next one below which a position is not examined further. */
export const BIGRAM_GATE = 10;

/** Surprise (nats) of a character and the next one under the full model below which a position is not examined. */
export const GATE_COST = 12;

/** Surprise of two characters and the next one below which the two are not replaced together. */
export const PAIR_GATE = 18;

/**
 * Log priors of the kind of slip: a learned pair only (0), same sound and
 * tone (1), other tone (2), shape (3), fuzzy syllable (4), a pair only the
 * public confusion lists hold (5, source-pairs.txt: 161k pairs, most of them
 * never confused in practice, so such a correction needs e^5 more evidence
 * than a fuzzy-syllable one; set a priori, the training lines cannot tell,
 * as the learned pairs already cover their slips). Source-only pairs are not
 * tried in two-character replacements (their product would be too large).
 */
export const LM_KIND_PRIOR = [0, 0, -1, -2, -3, -8];

/** The kind of a pair that only the public confusion lists hold. */
export const SOURCE_KIND = 5;

/** Log prior of two slips side by side beyond the priors of each (they are rarer than one). */
export const DOUBLE_PRIOR = -2;

/** Log prior of two swapped characters. */
export const SWAP_PRIOR = -2;

/** Weight of a learned pair's count: + PAIR_WEIGHT × ln(1 + count). */
export const PAIR_WEIGHT = 1;

/** Characters never replaced: structural particles (的/地/得 is grammar, not a slip) and numerals. */
const NEVER_REPLACE = new Uint8Array(0x10000);
for (const c of '的地得了着过一二三四五六七八九十百千万亿零两') NEVER_REPLACE[c.charCodeAt(0)] = 1;

/**
 * The stage's data: the model, and the confusion sets and learned pairs
 * reduced once to the candidates the model can judge (a character it has
 * never seen can never form a seen bigram).
 */
export function lmStageData(
  lm: CharLm,
  confStart: Int32Array,
  confCodes: Uint16Array,
  confKinds: Uint8Array,
  learned: LearnedPairs,
  isWord2: (a: number, b: number) => boolean,
  sourcePairs?: LearnedPairs,
): LmStageData {
  const start = new Int32Array(0x10001);
  const cap = confCodes.length + learned.size + (sourcePairs?.size ?? 0);
  const codes = new Uint16Array(cap);
  const kinds = new Uint8Array(cap);
  let m = 0;
  // Whether the model knows a character, asked once per character.
  const known = new Int8Array(0x10000).fill(-1);
  const offered = new Uint8Array(0x10000); // candidates of the current code, reset after it
  const offer = (c: number, kind: number): void => {
    if (offered[c]) return;
    let k = known[c];
    if (k < 0) k = known[c] = isRunChar(c) && !NEVER_REPLACE[c] && hasUnigram(lm, c) ? 1 : 0;
    if (k !== 1) return;
    offered[c] = 1;
    codes[m] = c;
    kinds[m++] = kind;
  };
  for (let code = 0; code < 0x10000; code++) {
    start[code] = m;
    if (!isRunChar(code)) continue;
    const from = m;
    for (let q = confStart[code]; q < confStart[code + 1]; q++) offer(confCodes[q], confKinds[q]);
    for (let q = learned.start[code]; q < learned.start[code + 1]; q++) offer(learned.codes[q], 0);
    if (sourcePairs) for (let q = sourcePairs.start[code]; q < sourcePairs.start[code + 1]; q++) offer(sourcePairs.codes[q], SOURCE_KIND);
    for (let q = from; q < m; q++) offered[codes[q]] = 0;
  }
  start[0x10000] = m;
  return { lm, confStart: start, confCodes: codes.slice(0, m), confKinds: kinds.slice(0, m), learned, isWord2 };
}

/** The model's codes of a block between BOS and EOS (into `into` when given, at least text.length + 2 long). */
export function blockCodes(text: string, into?: Int32Array): Int32Array {
  const codes = into ? into.subarray(0, text.length + 2) : new Int32Array(text.length + 2);
  codes[0] = BOS;
  for (let i = 0; i < text.length; i++) codes[i + 1] = normCode(text.charCodeAt(i));
  codes[text.length + 1] = EOS;
  return codes;
}

export interface LmDetectOptions {
  /** Report candidates scoring this much or more. */
  floor: number;
  /** Extra evidence (nats) a replacement at a position needs (Infinity: never replaced). */
  penalty?: (index: number) => number;
}

/** Per-block scratch arrays, grown as needed (lmDetect is not re-entrant). */
const scratch = { codes: new Int32Array(1024), cost: new Float64Array(1024), fixed: new Uint8Array(1024) };
function scratchCodes(len: number): Int32Array {
  if (scratch.codes.length < len) {
    const cap = Math.max(len, scratch.codes.length * 2);
    scratch.codes = new Int32Array(cap);
    scratch.cost = new Float64Array(cap);
    scratch.fixed = new Uint8Array(cap);
  }
  return scratch.codes;
}

/** Scratch lists of a pair's candidates. */
let xs = new Int32Array(256);
let ys = new Int32Array(256);

/** The accepted candidates of a block, in text order. */
export function lmDetect(data: LmStageData, text: string, opts: LmDetectOptions): LmCandidate[] {
  const { lm, confStart, confCodes, confKinds, learned } = data;
  const n = text.length;
  const codes = blockCodes(text, scratchCodes(n + 2));
  // cost[k]: the full model's cost of codes[k], computed on demand (NaN: not yet).
  const cost = scratch.cost.subarray(0, n + 2).fill(NaN);
  const full = (k: number): number => {
    let c = cost[k];
    if (c !== c) c = cost[k] = costAt(lm, codes, k, 0);
    return c;
  };
  const fixed = scratch.fixed.subarray(0, n).fill(0); // positions an accepted candidate changed
  const penaltyAt = (i: number): number => (fixed[i] ? Infinity : opts.penalty ? opts.penalty(i) : 0);
  const replaceable = (i: number): boolean => {
    const code = text.charCodeAt(i);
    return isRunChar(code) && !NEVER_REPLACE[code] && !fixed[i];
  };
  /** Cost of the positions k .. last with the codes as they are now; stops early once above `limit`. */
  const windowCost = (k: number, last: number, limit: number): number => {
    let t = 0;
    for (let q = k; q <= last && t <= limit; q++) t += costAt(lm, codes, q, 0);
    return t;
  };

  const best: Array<LmCandidate | undefined> = new Array(n);
  const offer = (i: number, cand: LmCandidate): void => {
    if (!best[i] || cand.score > best[i]!.score) best[i] = cand;
  };

  /** One character replaced at i. */
  const examineSingle = (i: number): void => {
    const k = i + 1;
    const code = codes[k];
    const penalty = penaltyAt(i);
    if (penalty === Infinity) return;
    const c0 = confStart[code];
    const c1 = confStart[code + 1];
    if (c0 === c1) return;
    const left = codes[k - 1];
    const right = codes[k + 1];
    const last = Math.min(n + 1, k + ORDER - 1);
    let before = 0;
    for (let q = k; q <= last; q++) before += full(q);
    for (let q = c0; q < c1; q++) {
      const c = confCodes[q];
      // The correction must make a bigram the model has seen on both sides.
      if (!hasBigram(lm, c, right) || !hasBigram(lm, left, c)) continue;
      const count = pairCount(learned, code, c);
      const prior = LM_KIND_PRIOR[confKinds[q]] + PAIR_WEIGHT * Math.log1p(count) - penalty;
      const need = Math.max(opts.floor, best[i] ? best[i]!.score : -Infinity) - prior;
      codes[k] = c;
      const after = windowCost(k, last, before - need);
      codes[k] = code;
      const gain = before - after;
      if (gain < need) continue;
      offer(i, { index: i, change: Change.Single, wrong: text[i], right: String.fromCharCode(c), kind: confKinds[q], pairCount: count, gain, score: gain + prior });
    }
  };

  /** Two adjacent characters at i, i + 1 replaced together or swapped. */
  const examinePair = (i: number): void => {
    if (i + 1 >= n || !replaceable(i + 1)) return;
    const k = i + 1;
    if (full(k) + full(k + 1) + full(k + 2) < PAIR_GATE) return;
    const penalty = Math.max(penaltyAt(i), penaltyAt(i + 1));
    if (penalty === Infinity) return;
    const a = codes[k];
    const b = codes[k + 1];
    const left = codes[k - 1];
    const right = codes[k + 2];
    const last = Math.min(n + 1, k + ORDER);
    let before = 0;
    for (let q = k; q <= last; q++) before += full(q);
    const tryPair = (x: number, y: number, change: Change, prior: number, kind: number, count: number): void => {
      const need = Math.max(opts.floor, best[i] ? best[i]!.score : -Infinity) - prior;
      codes[k] = x;
      codes[k + 1] = y;
      const after = windowCost(k, last, before - need);
      codes[k] = a;
      codes[k + 1] = b;
      const gain = before - after;
      if (gain < need) return;
      const wrong = text.slice(i, i + 2);
      offer(i, { index: i, change, wrong, right: String.fromCharCode(x, y), kind, pairCount: count, gain, score: gain + prior });
    };
    // Swap: the swapped pair must be a word and fit both neighbours.
    if (a !== b && data.isWord2(b, a) && hasBigram(lm, b, a) && hasBigram(lm, left, b) && hasBigram(lm, a, right)) {
      tryPair(b, a, Change.Swap, SWAP_PRIOR - penalty, 0, 0);
    }
    // Both replaced: candidates of each side that fit their outer neighbour, then the pair.
    let nx = 0;
    let ny = 0;
    const cx = confStart[a + 1] - confStart[a];
    const cy = confStart[b + 1] - confStart[b];
    if (xs.length < cx) xs = new Int32Array(cx * 2);
    if (ys.length < cy) ys = new Int32Array(cy * 2);
    for (let q = confStart[a], e = confStart[a + 1]; q < e; q++) if (confKinds[q] !== SOURCE_KIND && hasBigram(lm, left, confCodes[q])) xs[nx++] = q;
    if (nx === 0) return;
    for (let q = confStart[b], e = confStart[b + 1]; q < e; q++) if (confKinds[q] !== SOURCE_KIND && hasBigram(lm, confCodes[q], right)) ys[ny++] = q;
    for (let p = 0; p < nx; p++) {
      const qx = xs[p];
      const x = confCodes[qx];
      for (let r = 0; r < ny; r++) {
        const qy = ys[r];
        const y = confCodes[qy];
        if (!hasBigram(lm, x, y) || !data.isWord2(x, y)) continue;
        const count = Math.min(pairCount(learned, a, x), pairCount(learned, b, y));
        const prior = LM_KIND_PRIOR[confKinds[qx]] + LM_KIND_PRIOR[confKinds[qy]] + DOUBLE_PRIOR + PAIR_WEIGHT * Math.log1p(count) - penalty;
        tryPair(x, y, Change.Double, prior, confKinds[qx], count);
      }
    }
  };

  const examine = (i: number): void => {
    best[i] = undefined;
    if (!replaceable(i)) return;
    // One gate for both: a pair of slips at i, i + 1 makes i surprising
    // too. A swap may leave its first character fitting (事实|求是: the
    // surprise starts at 求), so a pair ending here is tried when the gate
    // stopped it at i − 1.
    if (full(i + 1) + full(i + 2) < GATE_COST) return;
    examineSingle(i);
    examinePair(i);
    if (i > 0 && replaceable(i - 1) && full(i) + full(i + 1) < GATE_COST) examinePair(i - 1);
  };

  // First look with the small bigram table: most positions of correct text
  // are not surprising even there.
  let prevBigram = bigramCost(lm, codes[0], codes[1]);
  for (let i = 0; i < n; i++) {
    const next = bigramCost(lm, codes[i + 1], codes[i + 2]);
    if (prevBigram + next >= BIGRAM_GATE) examine(i);
    prevBigram = next;
  }
  const out: LmCandidate[] = [];
  for (;;) {
    let top: LmCandidate | undefined;
    for (const b of best) if (b && b.score >= opts.floor && (!top || b.score > top.score)) top = b;
    if (!top) break;
    out.push(top);
    const width = top.right.length;
    for (let d = 0; d < width; d++) {
      codes[top.index + 1 + d] = top.right.charCodeAt(d);
      fixed[top.index + d] = 1;
    }
    // The n-grams that include the changed positions changed: recompute the
    // costs and the candidates of the positions whose windows reach them.
    const k = top.index + 1;
    cost.fill(NaN, k, Math.min(n + 2, k + width - 1 + ORDER));
    for (let i = Math.max(0, top.index - ORDER); i < Math.min(n, top.index + width - 1 + ORDER); i++) {
      if (fixed[i]) best[i] = undefined;
      else examine(i);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
