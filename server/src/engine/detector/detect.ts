// The confusable-character detector: flags a character when replacing it by
// a confusable one (same sound, similar shape, or a pair writers of 公文 are
// known to confuse) makes its neighbourhood clearly more probable.
//
// Three models judge a candidate, each seeing something the others do not:
//   - the character 5-gram model of official-document language (charLm.ts,
//     lmDetect.ts) finds the candidates and gives the main evidence: does
//     the correction read like 公文?
//   - the general word lexicon (unigram segmentation, segment.ts): does the
//     correction make the run a sequence of better words (大数局 → 大数据)?
//   - the general word bigram context model (context.ts): do those words fit
//     their neighbours in general Chinese?
// Their log-likelihood ratios are combined into one score (SCORE_WEIGHTS),
// whose thresholds were chosen on the training lines of odw.train (see
// docs/detector.md). Names, places, organisations, quotations and accepted
// words are protected (protect.ts) before anything is reported.

import { getLexicon, Lexicon, wordLogp, ConfusionKind, findDataDir, TARGET_MIN_FREQ } from './lexicon';
import { segmentRun } from './segment';
import { lexiconTries, NAME_TAGS } from './trie';
import { contextGain, getContextModel, type ContextModel } from './context';
import { blockProtection, runProtection, inRepetitionFrame, FREE, HARD } from './protect';
import { getCharLm } from './charLm';
import { loadLearnedPairs, SOURCE_PAIRS_FILE } from './learnedPairs';
import { lmDetect, lmStageData, Change, type LmCandidate, type LmStageData } from './lmDetect';
import { isRunChar } from './han';

export type Confidence = 'high' | 'medium' | 'low';

export interface Detection {
  /** [from, to) of the flagged word in the input text (UTF-16 indexes). */
  from: number;
  to: number;
  /** Index of the replaced character in the input text. */
  index: number;
  original: string;
  corrected: string;
  /** The replaced text at `index` and its correction: one character, or two adjacent ones (replaced together or swapped). */
  wrongChar: string;
  rightChar: string;
  /** Kind of slip; a learned pair outside the confusion sets counts as same sound (0 is mapped to SameTone). */
  kind: ConfusionKind;
  /** Two adjacent characters swapped (事实求是 → 实事求是). */
  swap?: boolean;
  /** The calibrated evidence (nats) on which the finding is judged. */
  score: number;
  /** Gain of the 公文 character model plus the priors of the slip's kind and pair. */
  lmScore: number;
  /** Gain of the general word lexicon's best segmentation of the run (nats). */
  wordScore: number;
  /** Gain of the general word bigram context model (nats). */
  contextGain?: number;
  /** The written character sits in an established word of the lexicon (a real-word slip, 机智 for 机制). */
  realWord: boolean;
  confidence: Confidence;
  /** Reported below minScore because the same sentence holds a clear slip. */
  supported?: boolean;
}

export interface DetectOptions {
  acceptedWords?: ReadonlySet<string>;
  /** Minimum score to report at all (default: MEDIUM_SCORE). */
  minScore?: number;
  /** Also report candidates scoring SUPPORTED_SCORE or more in a sentence that holds one at minScore or more (default true). */
  support?: boolean;
  lexicon?: Lexicon;
  /** Also judge by the general context model (default true). */
  context?: boolean;
}

/**
 * Score thresholds (nats of the combined score). HIGH: shown as a warning —
 * chosen so that character precision on the training lines is ≥ 0.98;
 * MEDIUM: shown as info.
 */
export const HIGH_SCORE = 13;
export const MEDIUM_SCORE = 10;

/**
 * In a sentence that holds a detection at MEDIUM_SCORE or more, a candidate
 * scoring this much is shown too (as info): slips cluster in a hastily
 * written sentence, so a second one there has a higher prior.
 */
export const SUPPORTED_SCORE = 4;

/**
 * Weights of the three models in the score: score = lmScore +
 * WORD_WEIGHT × clamp(wordScore) + CONTEXT_WEIGHT × clamp(contextGain).
 * The general models count less (they overlap with the character model and
 * know general, not official, Chinese); their say is bounded so that neither
 * can carry a candidate alone.
 */
export const WORD_WEIGHT = 0.25;
export const CONTEXT_WEIGHT = 0.25;
export const GENERAL_CLAMP = 8;

/**
 * Extra evidence a real-word slip needs (nats): the written character sits in
 * an established word (党籍 for 党纪, 制订 for 制定), so both readings are
 * usually possible and common alternations must not be "corrected" on a
 * slight preference.
 */
export const REAL_WORD_PENALTY = 4;

/** Extra evidence a replacement inside what looks like a name needs (nats). */
export const NAME_PENALTY = 6;

/** Candidates of the character model are looked at from this lmScore (the general models can add at most 2 × 0.25 × 8). */
export const LM_FLOOR = 4;

/**
 * Shorter runs between punctuation marks (list items such as 青银、京兰, names
 * set apart by spaces) are mostly abbreviations or names, and give too little
 * context to judge: they are not checked.
 */
export const MIN_RUN = 4;

/** Tokens of at most this frequency count as weak (jieba's long tail: 3–9). */
export const RARE_FREQ = 10;

export function confidenceOf(score: number): Confidence {
  return score >= HIGH_SCORE ? 'high' : score >= MEDIUM_SCORE ? 'medium' : 'low';
}

let stage: LmStageData | undefined;
let stageLexicon: Lexicon | undefined;

/** The character-model stage's data for a lexicon (built once: the reduced confusion sets). */
export function prepareStage(lex: Lexicon): LmStageData {
  if (!stage || stageLexicon !== lex) {
    const t = lexiconTries(lex);
    const minLogp = Math.log(TARGET_MIN_FREQ) - Math.log(lex.total);
    const isWord2 = (a: number, b: number): boolean => {
      const node = t.logp.child(t.logp.child(0, a), b);
      return node > 0 && t.logpValue[node] >= minLogp && !t.nameOf[node];
    };
    const dir = findDataDir();
    stage = lmStageData(getCharLm(), t.confStart, t.confCodes, t.confKinds, loadLearnedPairs(dir), isWord2, loadLearnedPairs(dir, SOURCE_PAIRS_FILE));
    stageLexicon = lex;
  }
  return stage;
}

/** Detect suspected character slips in a block of text. */
export function detect(text: string, opts: DetectOptions = {}): Detection[] {
  const lex = opts.lexicon ?? getLexicon();
  const minScore = opts.minScore ?? MEDIUM_SCORE;
  const support = opts.support ?? true;
  const reportFloor = support ? Math.min(minScore, SUPPORTED_SCORE) : minScore;
  const data = prepareStage(lex);
  const floor = Math.min(LM_FLOOR, reportFloor);
  // Probe first, without protection (which only lowers scores): a block
  // reports nothing unless some candidate can reach minScore once the general
  // models have added the most they can. Most blocks have none.
  const probeFloor = Math.max(floor, minScore - (WORD_WEIGHT + CONTEXT_WEIGHT) * GENERAL_CLAMP);
  if (lmDetect(data, text, { floor: probeFloor }).length === 0) return [];
  const { hard, names } = protectionMasks(lex, text, opts.acceptedWords ?? new Set());
  const penalty = (i: number): number => (hard[i] !== FREE ? Infinity : names[i] !== FREE ? NAME_PENALTY : 0);
  const found = lmDetect(data, text, { floor, penalty });
  if (found.length === 0) return [];
  const context = opts.context === false ? null : getContextModel();
  const out: Detection[] = [];
  for (const c of found) {
    const d = judge(lex, context, text, c, found);
    if (d.score >= reportFloor) out.push(d);
  }
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

/** Sentence-ending marks (a sentence is the scope of supporting evidence). */
const SENTENCE_END = new Set([...'。！？；!?;\n']);

/** The Han run of the block around index i: [a, b). */
function runAround(text: string, i: number): [number, number] {
  let a = i;
  while (a > 0 && isRunChar(text.charCodeAt(a - 1))) a--;
  let b = i + 1;
  while (b < text.length && isRunChar(text.charCodeAt(b))) b++;
  return [a, b];
}

/** Combine the three models' judgement of one accepted candidate. */
function judge(lex: Lexicon, context: ContextModel | null, text: string, c: LmCandidate, all: readonly LmCandidate[]): Detection {
  const width = c.wrong.length;
  const [a, b] = runAround(text, c.index);
  // The run with the block's other accepted corrections applied, so that
  // each is judged in corrected context.
  let corrected = '';
  for (let k = a; k < b; ) {
    const other = all.find((o) => o.index === k);
    if (other) {
      corrected += other.right;
      k += other.right.length;
    } else corrected += text[k++];
  }
  const at = c.index - a;
  const written = corrected.slice(0, at) + c.wrong + corrected.slice(at + width);
  const segW = segmentRun(lex, written, false);
  const segC = segmentRun(lex, corrected, false);
  const wordScore = segC.fwd[b - a] - segW.fwd[b - a];
  // A real-word slip: the written characters sit in one established word
  // (机智 for 机制; for two characters replaced together, 拜谒 is a word too).
  const tw = segW.tokenOf[at];
  const [wa, wb] = segW.tokens[tw];
  const realWord = wb - wa > 1 && segW.tokenOf[at + width - 1] === tw && segW.tokenLogp[tw] >= Math.log(RARE_FREQ) - Math.log(lex.total);
  // The flagged span: the corrected words that hold the replaced characters;
  // a lone character is shown with the word before it (组织立 → 组织力), or
  // after it at the start of a run, so that the message reads as a phrase.
  let t0 = segC.tokenOf[at];
  let t1 = segC.tokenOf[at + width - 1];
  if (t0 === t1 && segC.tokens[t0][1] - segC.tokens[t0][0] === 1) {
    if (t0 > 0) t0--;
    else if (t1 + 1 < segC.tokens.length) t1++;
  }
  const from = a + segC.tokens[t0][0];
  const to = a + segC.tokens[t1][1];
  const original = text.slice(from, to);
  const ctx = context && width === 1 ? contextGain(context, text, c.index, c.right) : undefined;
  const clamp = (x: number): number => Math.max(-GENERAL_CLAMP, Math.min(GENERAL_CLAMP, x));
  const score = c.score + WORD_WEIGHT * clamp(wordScore) + (ctx === undefined ? 0 : CONTEXT_WEIGHT * clamp(ctx)) - (realWord ? REAL_WORD_PENALTY : 0);
  return {
    from,
    to,
    index: c.index,
    original,
    corrected: original.slice(0, c.index - from) + c.right + original.slice(c.index - from + width),
    wrongChar: c.wrong,
    rightChar: c.right,
    kind: (c.kind || ConfusionKind.SameTone) as ConfusionKind,
    swap: c.change === Change.Swap || undefined,
    score,
    lmScore: c.score,
    wordScore,
    contextGain: ctx,
    realWord,
    confidence: confidenceOf(score),
  };
}

/**
 * The block's protection: `hard` — quotations, titles, accepted words,
 * characters next to Latin letters or digits (blockProtection), repetition
 * frames (应搬尽搬) and runs too short to judge: never replaced; `names` —
 * what looks like a person, place or organisation name (runProtection):
 * replaced only on NAME_PENALTY more evidence, because a slip itself turns a
 * word into the stray characters that look like a name (持旭推进, 指辉部).
 */
function protectionMasks(lex: Lexicon, text: string, accepted: ReadonlySet<string>): { hard: Uint8Array; names: Uint8Array } {
  const mask = blockProtection(text, accepted);
  const names = new Uint8Array(text.length);
  const { nameOf } = lexiconTries(lex);
  const rareLogp = Math.log(RARE_FREQ) - Math.log(lex.total);
  for (let i = 0; i < text.length; ) {
    if (!isRunChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isRunChar(text.charCodeAt(j))) j++;
    const run = mask.subarray(i, j);
    const nameRun = names.subarray(i, j);
    if (j - i < MIN_RUN) run.fill(HARD);
    else {
      const s = text.slice(i, j);
      const seg = segmentRun(lex, s, false);
      const weak = (t: number): boolean => {
        const [x, y] = seg.tokens[t];
        return y - x === 1 || seg.tokenLogp[t] < rareLogp;
      };
      const nameTag = (t: number): string | undefined => (seg.tokenNode[t] >= 0 ? NAME_TAGS[nameOf[seg.tokenNode[t]]] : undefined);
      runProtection({ text: s, tokens: seg.tokens, tokenOf: seg.tokenOf, weak, nameTag, isWord: (w) => w.length > 1 && wordLogp(lex, w) !== undefined }, nameRun);
      for (let k = 0; k < s.length; k++) {
        if (run[k] === FREE && inRepetitionFrame(s, k, (q) => seg.tokens[seg.tokenOf[q]])) run[k] = HARD;
      }
    }
    i = j;
  }
  return { hard: mask, names };
}
