// Confusion pairs learned from the training lines of odw.train
// (server/data/lexicon/learned-pairs.txt, built by
// scripts/lexicon/build-learned-pairs.ts): wrong character → the right one,
// with how often the pair was seen. They add candidates no confusion source
// holds and raise the prior of pairs that writers of 公文 really confuse.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const LEARNED_PAIRS_FILE = 'learned-pairs.txt';

/** Pairs of the public confusion lists that confusion.txt leaves out (scripts/lexicon/build-source-pairs.ts), same format. */
export const SOURCE_PAIRS_FILE = 'source-pairs.txt';

export interface LearnedPairs {
  /** Pairs of the written code unit `w` at start[w] .. start[w + 1] of codes/counts. */
  start: Int32Array;
  codes: Uint16Array;
  counts: Uint16Array;
  /** Number of pairs. */
  size: number;
}

/**
 * Parse the pairs file (`wrong\tright\tcount` lines, `#` comments). Throws a
 * clear error on a malformed line. One pass over the text by code unit (the
 * public lists' file has 161k lines): each pair is packed into one number,
 * (wrong × 2^16 + right) × 2^16 + count, so that a numeric sort orders them.
 */
export function parseLearnedPairs(text: string): LearnedPairs {
  let packed = new Float64Array(1024);
  let size = 0;
  const TAB = 9;
  for (let at = 0, line = 1; at < text.length; line++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const lineEnd = end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (lineEnd > at && text.charCodeAt(at) !== 0x23 /* # */) {
      // wrong, TAB, right, TAB, digits
      let count = 0;
      let k = at + 4;
      const ok = lineEnd - at >= 5 && text.charCodeAt(at + 1) === TAB && text.charCodeAt(at + 3) === TAB && text.charCodeAt(at) !== TAB && text.charCodeAt(at + 2) !== TAB;
      for (; ok && k < lineEnd; k++) {
        const d = text.charCodeAt(k) - 48;
        if (d < 0 || d > 9) break;
        count = count * 10 + d;
      }
      if (!ok || k !== lineEnd || count < 1) {
        throw new Error(`line ${line}: expected "wrong<TAB>right<TAB>count", got ${JSON.stringify(text.slice(at, Math.min(lineEnd, at + 40)))}`);
      }
      if (size === packed.length) {
        const grown = new Float64Array(size * 2);
        grown.set(packed);
        packed = grown;
      }
      packed[size++] = (text.charCodeAt(at) * 65536 + text.charCodeAt(at + 2)) * 65536 + Math.min(count, 0xffff);
    }
    at = end + 1;
    if (end === text.length) break;
  }
  const sorted = packed.subarray(0, size).sort();
  const start = new Int32Array(0x10001);
  const codes = new Uint16Array(size);
  const counts = new Uint16Array(size);
  let q = 0;
  for (let code = 0; code <= 0x10000; code++) {
    start[code] = q;
    while (q < size && Math.floor(sorted[q] / 2 ** 32) === code) {
      const v = sorted[q];
      codes[q] = Math.floor(v / 65536) & 0xffff;
      counts[q] = v % 65536;
      q++;
    }
  }
  return { start, codes, counts, size };
}

export function loadLearnedPairs(dir: string, name = LEARNED_PAIRS_FILE): LearnedPairs {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the confusion pairs ${file}: ${(e as Error).message}`);
  }
  try {
    return parseLearnedPairs(text);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/** How often the pair wrong → right was learned (0: never). */
export function pairCount(p: LearnedPairs, wrong: number, right: number): number {
  for (let q = p.start[wrong], e = p.start[wrong + 1]; q < e; q++) if (p.codes[q] === right) return p.counts[q];
  return 0;
}
