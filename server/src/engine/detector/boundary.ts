// Whether a span of text is split between two words: a listed wrong form
// found across a word boundary (有关|健身 holds 关健, 公布|署名 holds 布署) is
// not the slip the list means. Decided with the detector's lexicon and its
// maximum-probability segmentation; shared by any rule that matches fixed
// strings (typo/dictionary), so it lives here and knows no rule.

import { type Lexicon } from './lexicon';
import { segmentRun } from './segment';
import { isRunChar } from './han';

/** Words of lower frequency are rare (jieba's long tail; as the detector's weak tokens). */
const RARE_FREQ = 10;

/** At most this many characters on each side of the span are segmented with it. */
const WINDOW = 24;

/** The Han run around [start, end) of text, clipped to WINDOW characters on each side. */
function runAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && start - from < WINDOW && isRunChar(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < WINDOW && isRunChar(text.charCodeAt(to))) to++;
  return { from, to };
}

/**
 * Whether the best segmentation splits text[start, end) between two words of
 * the lexicon: the span starts inside a word of two or more characters that
 * ends inside the span, and the rest of the span starts a word of two or
 * more characters that continues past it (有关|健身 for 关健, 叫做|为人民服务
 * for 做为). A span that is a token, lies inside one, or meets single
 * characters (认真|布|署) is not split.
 *
 * Both words must be established (frequency RARE_FREQ or more): a rare
 * lexicon word is weak evidence of a boundary. The written reading is not
 * compared with the corrected one: the unigram model prefers a very common
 * correction (职工|做出 → 职|工作|出, 尤其|它们 → 尤|其他|们) to two correct words.
 */
export function splitBetweenWords(lex: Lexicon, text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  for (let i = start; i < end; i++) if (!isRunChar(text.charCodeAt(i))) return false;
  const { from, to } = runAround(text, start, end);
  // Nothing before or after the span in its run: it cannot straddle.
  if (from === start || to === end) return false;
  const run = text.slice(from, to);
  const s = start - from;
  const e = end - from;
  const seg = segmentRun(lex, run, false);
  const [a1, b1] = seg.tokens[seg.tokenOf[s]];
  // The span starts inside a multi-character word that ends inside the span ...
  if (!(a1 < s && b1 > s && b1 < e)) return false;
  // ... and the rest of the span starts a multi-character word that continues past it.
  const [a2, b2] = seg.tokens[seg.tokenOf[b1]];
  if (a2 !== b1 || b2 <= e || b2 - a2 < 2) return false;
  const rare = Math.log(RARE_FREQ) - Math.log(lex.total);
  return seg.tokenLogp[seg.tokenOf[s]] >= rare && seg.tokenLogp[seg.tokenOf[b1]] >= rare;
}
