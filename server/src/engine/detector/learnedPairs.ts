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

/** Parse the pairs file (`wrong\tright\tcount` lines, `#` comments). Throws a clear error on a malformed line. */
export function parseLearnedPairs(text: string): LearnedPairs {
  const rows: Array<[number, number, number]> = [];
  text.split('\n').forEach((line, n) => {
    if (line === '' || line.startsWith('#')) return;
    const [w, r, c] = line.split('\t');
    const count = Number(c);
    if (!w || !r || w.length !== 1 || r.length !== 1 || !Number.isInteger(count) || count < 1) {
      throw new Error(`line ${n + 1}: expected "wrong<TAB>right<TAB>count", got ${JSON.stringify(line.slice(0, 40))}`);
    }
    rows.push([w.charCodeAt(0), r.charCodeAt(0), Math.min(count, 0xffff)]);
  });
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const start = new Int32Array(0x10001);
  const codes = new Uint16Array(rows.length);
  const counts = new Uint16Array(rows.length);
  let q = 0;
  for (let code = 0; code <= 0x10000; code++) {
    start[code] = q;
    while (q < rows.length && rows[q][0] === code) {
      codes[q] = rows[q][1];
      counts[q] = rows[q][2];
      q++;
    }
  }
  return { start, codes, counts, size: rows.length };
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
