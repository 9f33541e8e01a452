// The confusable-character detector: flags a character when replacing it by
// one character of its confusion set turns a stretch of single characters or
// rare words into an established word and makes the whole run clearly more
// probable under the unigram word model.
//
// For a run s of Han characters, fwd/bwd are the best log probabilities of
// s[0, a) and s[b, n). Replacing s[i] by c so that s'[a, b) is a word w gives
// the best path through w: fwd[a] + logp(w) + bwd[b]. Its gain over the best
// original path fwd[n], plus the log prior of the kind of slip, is the word
// score. A candidate is then rescored with the bigram context model
// (context.ts): does the corrected word fit its neighbours better than the
// written text? That sees real slips the unigram model rates weakly, and
// rejects corrections that make a word but not a sentence.

import { ConfusionKind, getLexicon, Lexicon, wordLogp, TARGET_MAX_LEN } from './lexicon';
import { segmentRun, type RunSegmentation } from './segment';
import { lexiconTries, NAME_TAGS } from './trie';
import { contextGain, getContextModel, type ContextModel } from './context';
import { blockProtection, runProtection, inRepetitionFrame, FREE, HARD } from './protect';

export type Confidence = 'high' | 'medium' | 'low';

export interface Detection {
  /** [from, to) of the flagged word in the input text (UTF-16 indexes). */
  from: number;
  to: number;
  /** Index of the replaced character in the input text. */
  index: number;
  original: string;
  corrected: string;
  /** The original and corrected character. */
  wrongChar: string;
  rightChar: string;
  kind: ConfusionKind;
  /**
   * The evidence (nats) on which the finding is judged: the word score plus
   * CONTEXT_WEIGHT × (context gain − CONTEXT_TYPICAL_GAIN); without the
   * context model, the word score.
   */
  score: number;
  /** Log-probability gain under the unigram word model, including the priors of the slip kind and word length. */
  wordScore: number;
  /** Log-probability gain of the surrounding words under the bigram context model (undefined without it). */
  contextGain?: number;
  confidence: Confidence;
  /** Reported below minScore because the same sentence holds a clear slip. */
  supported?: boolean;
}

export interface DetectOptions {
  acceptedWords?: ReadonlySet<string>;
  /** Minimum score to report at all (default: MEDIUM_SCORE). */
  minScore?: number;
  /**
   * Also report candidates scoring SUPPORTED_SCORE or more in a sentence
   * that holds a detection at or above minScore (default true).
   */
  support?: boolean;
  lexicon?: Lexicon;
  /** Rescore candidates with the bigram context model (default true; false: the word model alone). */
  context?: boolean;
}

/**
 * Log prior of each kind of slip, relative to a same-syllable same-tone slip
 * (what a pinyin input method produces most easily).
 */
export const KIND_PRIOR: Record<ConfusionKind, number> = {
  [ConfusionKind.SameTone]: 0,
  [ConfusionKind.OtherTone]: -1,
  [ConfusionKind.Shape]: -2,
  [ConfusionKind.Fuzzy]: -3,
};

/**
 * Log prior by the length of the corrected word, i.e. by how much context
 * confirms it. A two-character word rests on a single neighbouring character,
 * and unknown two-character compounds and abbreviations (银企, 农房) look
 * exactly like slips to a unigram model: −2 nats (≈ 7×). A word of four or
 * more characters is confirmed by three or more unchanged characters; that
 * one substitution lands on such a word by accident is rare: +2 nats.
 */
export function lengthPrior(len: number): number {
  return len <= 2 ? -2 : len === 3 ? 0 : 2;
}

/**
 * Score thresholds in nats. Without the context model a score is the word
 * score: 8 means the corrected text is about 3,000 times more probable under
 * the word model (after the priors), medium confidence, shown as info; 10
 * (≈ 22,000 times) is high, shown as a warning. With the context model the
 * score adds half of what the context adds beyond a typical confirmation (see
 * CONTEXT_WEIGHT), so the same thresholds apply to candidates the context
 * confirms as usual, and a candidate the context contradicts needs a clearer
 * word score. See docs/detector.md for how these were chosen.
 */
export const HIGH_SCORE = 10;
export const MEDIUM_SCORE = 8;

/**
 * Weight of the context gain in the score. The two models are not
 * independent (both see that the correction forms a word), so the context's
 * log-likelihood ratio counts half.
 */
export const CONTEXT_WEIGHT = 0.5;

/**
 * The context gain (nats) of a typical correction that the context confirms:
 * a gain above it raises the score, a gain below it lowers the score.
 */
export const CONTEXT_TYPICAL_GAIN = 10;

/**
 * Word score from which candidates are searched for (below it the bound
 * pruning of detectRun keeps the search fast) ...
 */
export const SEARCH_FLOOR = 5;

/** ... and from which they are searched for in a block that holds a detection (with the context model). */
export const CANDIDATE_FLOOR = 2;

/**
 * In a sentence that already holds a detection at MEDIUM_SCORE or more, a
 * candidate scoring this much is reported too, as info: slips cluster in
 * hastily written sentences, so the prior of a second slip there is higher.
 * With the context model: any candidate the context does not contradict
 * (−1 ≈ a word score of 2 with a context gain of 4 or more). Without it:
 * a word score of 5 (≈ 150 times more probable).
 */
export const SUPPORTED_SCORE = -1;
export const WORD_ONLY_SUPPORTED_SCORE = 5;

/**
 * Shorter runs between punctuation marks (list items such as 青银、京兰, names
 * set apart by spaces) are mostly abbreviations or names, and give too little
 * context to judge: they are not checked.
 */
export const MIN_RUN = 4;

/**
 * Log prior of a real-word slip: the written text is made of established
 * words, so a correction must earn 2 nats (≈ 7×) more.
 */
export const REAL_WORD_PRIOR = -2;

/** Tokens of at most this frequency count as weak (jieba's long tail: 3–9). */
export const RARE_FREQ = 10;

/** Characters that are never replaced: structural particles (的/地/得 is grammar, not a slip) and numerals. */
const NEVER_REPLACE = new Set([...'的地得了着过一二三四五六七八九十百千万亿零两']);
const NEVER_REPLACE_CODE = new Uint8Array(0x10000);
for (const c of NEVER_REPLACE) NEVER_REPLACE_CODE[c.charCodeAt(0)] = 1;

function isRunChar(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

export function confidenceOf(score: number): Confidence {
  return score >= HIGH_SCORE ? 'high' : score >= MEDIUM_SCORE ? 'medium' : 'low';
}

/** Detect suspected character slips in a block of text. */
export function detect(text: string, opts: DetectOptions = {}): Detection[] {
  const lex = opts.lexicon ?? getLexicon();
  const minScore = opts.minScore ?? MEDIUM_SCORE;
  const support = opts.support ?? true;
  const context = opts.context === false ? null : getContextModel();
  const supportedScore = context ? SUPPORTED_SCORE : WORD_ONLY_SUPPORTED_SCORE;
  const reportFloor = support ? Math.min(minScore, supportedScore) : minScore;
  // With the context model, the first search looks for candidates that may
  // stand on their own; without it, the word score is the score.
  let found = candidates(lex, text, Math.min(context ? minScore : reportFloor, SEARCH_FLOOR), opts.acceptedWords);
  if (context) {
    rescore(context, text, found);
    // Weaker candidates count only beside a clear slip: they are searched
    // for, from CANDIDATE_FLOOR, only in a block that holds one (rare, so
    // the cost of the second search does not matter).
    if (support && reportFloor < minScore && found.some((d) => d.score >= minScore)) {
      found = candidates(lex, text, Math.min(minScore, CANDIDATE_FLOOR), opts.acceptedWords);
      rescore(context, text, found);
    }
  }
  const out = found.filter((d) => d.score >= reportFloor);
  if (reportFloor === minScore) return out;
  // Slips cluster: a sentence with one clear slip was written or typed in a
  // hurry, so a weaker candidate in the same sentence needs less evidence.
  const sentenceOf = (k: number): number => {
    let n = 0;
    for (let m = 0; m < k; m++) if (SENTENCE_END.has(text[m])) n++;
    return n;
  };
  const anchors = new Set(out.filter((d) => d.score >= minScore).map((d) => sentenceOf(d.index)));
  return out
    .filter((d) => d.score >= minScore || anchors.has(sentenceOf(d.index)))
    .map((d) => (d.score >= minScore ? d : { ...d, confidence: 'medium' as const, supported: true }));
}

/** The best candidate of each overlapping group in each run of the block, with a word score of `floor` or more. */
function candidates(lex: Lexicon, text: string, floor: number, accepted: ReadonlySet<string> | undefined): Detection[] {
  // The block's protection mask, computed on first need; detectRun marks
  // each run's protection into it.
  let mask: Uint8Array | undefined;
  const out: Detection[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isRunChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isRunChar(text.charCodeAt(j))) j++;
    if (j - i >= MIN_RUN) {
      const s = text.slice(i, j);
      const seg = segmentRun(lex, s, true);
      // Probe first: the search without protection finds a superset of the
      // candidates (protection only removes some), so when it finds none
      // scoring `floor` or more, the run has no detection. The protection
      // mask is computed only for a block with such a run (most have none).
      if (detectRun(lex, s, seg, i, undefined, floor, undefined)) {
        mask ??= blockProtection(text, accepted ?? new Set());
        detectRun(lex, s, seg, i, mask, floor, out);
      }
    }
    i = j;
  }
  return out;
}

/** Add the context model's judgement to each candidate's score. */
function rescore(context: ContextModel, text: string, found: Detection[]): void {
  for (const d of found) {
    d.contextGain = contextGain(context, text, d.index, d.rightChar);
    d.score = d.wordScore + CONTEXT_WEIGHT * (d.contextGain - CONTEXT_TYPICAL_GAIN);
    d.confidence = confidenceOf(d.score);
  }
}

/** Scratch buffer of detectRun's gap-key trie nodes. */
let preBuf = new Int32Array(1024);

/** kindOf[code]: the confusion kind of a BMP candidate for the character being checked (0: none); reset after each position. */
const kindOf = new Uint8Array(0x10000);

/** Sentence-ending marks (a sentence is the scope of supporting evidence). */
const SENTENCE_END = new Set([...'。！？；!?;\n']);

/**
 * Per node of the gap-key trie, computed on first use: the highest log
 * probability of a word its fills make (`bestLp`, made by the fill whose code
 * unit is `bestCode`; -1 for a surrogate pair) and the highest made by any
 * other fill (`secondLp`). A candidate's log probability is at most the one
 * of the key's best fill other than the written character, which bounds its
 * score before the fills are tried.
 */
interface KeyBounds {
  bestLp: Float64Array;
  secondLp: Float64Array;
  bestCode: Int32Array;
}

const keyBoundsCache = new WeakMap<Lexicon, KeyBounds>();

function keyBoundsOf(lex: Lexicon, nodes: number): KeyBounds {
  let kb = keyBoundsCache.get(lex);
  if (!kb) {
    kb = { bestLp: new Float64Array(nodes).fill(NaN), secondLp: new Float64Array(nodes), bestCode: new Int32Array(nodes) };
    keyBoundsCache.set(lex, kb);
  }
  return kb;
}

/** Fill in the bounds of key node `node`, the key being s[a, i) + '*' + s[i + 1, b). */
function computeKeyBound(lex: Lexicon, kb: KeyBounds, node: number, fills: string, from0: number, to0: number, s: string, a: number, i: number, b: number): void {
  let best = -Infinity;
  let second = -Infinity;
  let bestCode = -1;
  const head = s.slice(a, i);
  const tail = s.slice(i + 1, b);
  for (let f = from0; f < to0; f++) {
    const cu = fills.charCodeAt(f);
    let c: string;
    let code = cu;
    if (cu >= 0xd800 && cu <= 0xdbff && f + 1 < to0 && (fills.charCodeAt(f + 1) & 0xfc00) === 0xdc00) {
      c = fills.slice(f, f + 2);
      f++;
      code = -1;
    } else c = fills[f];
    const lp = wordLogp(lex, head + c + tail);
    if (lp === undefined) continue;
    if (lp > best) {
      second = best;
      best = lp;
      bestCode = code;
    } else if (lp > second) second = lp;
  }
  kb.bestLp[node] = best;
  kb.secondLp[node] = second;
  kb.bestCode[node] = bestCode;
}

/** An all-FREE mask for the probe (never written). */
let freeMask = new Uint8Array(256);

/**
 * Search a run (s, at offset `from` of the block) for candidates scoring
 * `minScore` or more.
 *
 * Probe mode (`out` undefined): no protection, no repetition frames; returns
 * true at the first candidate. As protection only removes candidates, a run
 * for which the probe finds none has no detection.
 *
 * Full mode: marks the run's protection in `blockMask`, appends the best
 * candidate of each overlapping group to `out`.
 */
function detectRun(
  lex: Lexicon,
  s: string,
  seg: RunSegmentation,
  from: number,
  blockMask: Uint8Array | undefined,
  minScore: number,
  out: Detection[] | undefined,
): boolean {
  const n = s.length;
  const probe = out === undefined;
  const { wild, fillFrom, fillTo, fills: allFills, nameOf, starChild, confOf, confStart, confCodes, confKinds } = lexiconTries(lex);
  const kb = keyBoundsOf(lex, wild.nodes);
  const rareLogp = Math.log(RARE_FREQ) - Math.log(lex.total);
  // Per token, once: whether it is weak (a single character or a rare word)
  // and its name tag.
  const nt = seg.tokens.length;
  const tokWeak = new Uint8Array(nt);
  const tokName: Array<string | undefined> = new Array(nt);
  for (let t = 0; t < nt; t++) {
    const [a, b] = seg.tokens[t];
    if (b - a === 1) {
      tokWeak[t] = 1;
      continue;
    }
    // A multi-character token is a word: its DAG edge carries its log probability.
    if (seg.tokenLogp[t] < rareLogp) tokWeak[t] = 1;
    if (!probe) tokName[t] = NAME_TAGS[nameOf[seg.tokenNode[t]]];
  }
  const weak = (t: number): boolean => tokWeak[t] === 1;
  const nameTag = (t: number): string | undefined => tokName[t];
  let mask: Uint8Array;
  if (blockMask) {
    // Runs are disjoint, so the run's part of the block mask can be marked in place.
    mask = blockMask.subarray(from, from + n);
    runProtection({ text: s, tokens: seg.tokens, tokenOf: seg.tokenOf, weak, nameTag, isWord: (w) => w.length > 1 && wordLogp(lex, w) !== undefined }, mask);
  } else {
    if (freeMask.length < n) freeMask = new Uint8Array(n * 2);
    mask = freeMask;
  }

  const best = seg.fwd[n];
  // pre[a * TARGET_MAX_LEN + l]: the gap-key trie node of s[a, a + l) (-1: none).
  if (preBuf.length < n * TARGET_MAX_LEN) preBuf = new Int32Array(n * TARGET_MAX_LEN * 2);
  const pre = preBuf;
  pre.fill(-1, 0, n * TARGET_MAX_LEN);
  for (let a = 0; a < n; a++) {
    let node = 0;
    pre[a * TARGET_MAX_LEN] = 0;
    for (let l = 1; l < TARGET_MAX_LEN && a + l <= n; l++) {
      node = wild.child(node, s.charCodeAt(a + l - 1));
      if (node < 0) break;
      pre[a * TARGET_MAX_LEN + l] = node;
    }
  }
  const found: Detection[] = [];
  for (let i = 0; i < n; i++) {
    if (mask[i] !== FREE) continue;
    const chCode = s.charCodeAt(i);
    const conf = confOf[chCode];
    if (!conf) continue;
    if (NEVER_REPLACE_CODE[chCode]) continue;
    const ch = s[i];
    if (!probe && inRepetitionFrame(s, i, (k) => seg.tokens[seg.tokenOf[k]])) continue;
    // The written character must be a weak token (a slip turns a word into
    // single characters or a rare word), or, when it sits in an established
    // word (机智 for 机制), the correction must be a longer word that swallows
    // that word and a neighbour (长效机智 → 长效机制): REAL_WORD_PENALTY applies.
    const [ta, tb] = seg.tokens[seg.tokenOf[i]];
    const strong = !weak(seg.tokenOf[i]);
    const strongPrior = strong ? REAL_WORD_PRIOR : 0;
    let top: Detection | undefined;
    let kindsReady = false;
    // A correction of a strong token must start at or before the token.
    const aMax = strong ? Math.min(i, ta) : i;
    for (let a = Math.max(0, i - TARGET_MAX_LEN + 1); a <= aMax; a++) {
      let blocked = false;
      for (let k = a; k <= i; k++) if (mask[k] === HARD) blocked = true;
      if (blocked) continue;
      // Walk the gap-key trie along s[a, i) + '*' + s[i + 1, b): a missing
      // node is a key no target word continues (the original `break`).
      let node = i - a < TARGET_MAX_LEN ? pre[a * TARGET_MAX_LEN + (i - a)] : -1;
      if (node < 0) continue;
      node = starChild[node];
      const bMax = Math.min(n, a + TARGET_MAX_LEN);
      for (let b = i + 1; b <= bMax; b++) {
        if (b > i + 1) {
          if (mask[b - 1] === HARD) break;
          node = wild.child(node, s.charCodeAt(b - 1));
        }
        if (node < 0) break;
        const from0 = fillFrom[node];
        if (from0 < 0) break; // not a key
        const to0 = fillTo[node];
        if (from0 === to0 || b - a < 2) continue;
        if (strong && !(a <= ta && b >= tb && b - a > tb - ta)) continue;
        // Upper bound of the score of any fill (kind prior at most 0), summed
        // in the same order as the score so that rounding keeps it a bound.
        if (kb.bestLp[node] !== kb.bestLp[node]) computeKeyBound(lex, kb, node, allFills, from0, to0, s, a, i, b);
        const lpBound = kb.bestCode[node] === chCode ? kb.secondLp[node] : kb.bestLp[node];
        const bound = seg.fwd[a] + lpBound + seg.bwd[b] - best + 0 + lengthPrior(b - a) + strongPrior;
        if (bound < minScore || (top && bound <= top.score)) continue;
        if (!kindsReady) {
          for (let q = confStart[chCode], qe = confStart[chCode + 1]; q < qe; q++) kindOf[confCodes[q]] = confKinds[q];
          kindsReady = true;
        }
        for (let f = from0; f < to0; f++) {
          // Code points, as `for (const c of fills)` would give them.
          const cu = allFills.charCodeAt(f);
          let c: string;
          let kind: ConfusionKind | undefined;
          if (cu >= 0xd800 && cu <= 0xdbff && f + 1 < to0 && (allFills.charCodeAt(f + 1) & 0xfc00) === 0xdc00) {
            c = allFills.slice(f, f + 2);
            f++;
            kind = conf.get(c) as ConfusionKind | undefined;
          } else {
            const k = kindOf[cu];
            if (k === 0) continue;
            c = allFills[f];
            kind = k as ConfusionKind;
          }
          if (kind === undefined) continue;
          const w = s.slice(a, i) + c + s.slice(i + 1, b);
          const lp = wordLogp(lex, w);
          if (lp === undefined) continue;
          const score = seg.fwd[a] + lp + seg.bwd[b] - best + KIND_PRIOR[kind] + lengthPrior(b - a) + strongPrior;
          if (score < minScore || (top && score <= top.score)) continue;
          top = {
            from: from + a,
            to: from + b,
            index: from + i,
            original: s.slice(a, b),
            corrected: w,
            wrongChar: ch,
            rightChar: c,
            kind,
            score,
            wordScore: score,
            confidence: confidenceOf(score),
          };
        }
      }
    }
    if (kindsReady) for (let q = confStart[chCode], qe = confStart[chCode + 1]; q < qe; q++) kindOf[confCodes[q]] = 0;
    if (top) {
      if (probe) return true;
      found.push(top);
    }
  }
  if (probe) return false;
  // Overlapping candidates: keep the best-scoring one of each overlapping group.
  found.sort((x, y) => y.score - x.score);
  const taken: Detection[] = [];
  for (const d of found) {
    if (taken.some((t) => d.from < t.to && t.from < d.to)) continue;
    taken.push(d);
  }
  taken.sort((x, y) => x.from - y.from);
  out!.push(...taken);
  return taken.length > 0;
}
