// The detector's data: a word lexicon with frequencies (jieba + 公文 vocabulary)
// and character confusion sets (same syllable, similar shape). Built by
// scripts/lexicon/build-lexicon.mjs into server/data/lexicon/; loaded lazily,
// once, from the file system (no network, no native modules).

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export type NameTag = 'nr' | 'ns' | 'nt';

/** How a candidate character relates to the written one. */
export enum ConfusionKind {
  /** Same syllable and tone (an input-method slip of the same keystrokes). */
  SameTone = 1,
  /** Same syllable, different tone. */
  OtherTone = 2,
  /** Similar shape. */
  Shape = 3,
  /** Fuzzy syllable (zh/z, ch/c, sh/s, n/l, an/ang, en/eng, in/ing). */
  Fuzzy = 4,
}

export interface Lexicon {
  /**
   * word -> natural log of its probability. Strict prefixes of words that are
   * not words themselves are stored with the value PREFIX (> 0), so the DAG
   * builder can stop extending as soon as a substring is no word prefix.
   */
  logp: Map<string, number>;
  /** Person (nr), place (ns) and organisation (nt) names from jieba's tags. */
  names: Map<string, NameTag>;
  /** Log probability of a character that is not in the lexicon. */
  unknownLogp: number;
  /** Longest word length (UTF-16 units). */
  maxLen: number;
  /**
   * Correction targets: established words of 2–4 characters (no names),
   * indexed by the word with one character replaced by `*`, value: the
   * characters that fill the gap ('' for a key that is only the prefix of
   * such keys).
   */
  wild: Map<string, string>;
  /** written char -> Map(candidate char -> kind) */
  confusion: Map<string, Map<string, ConfusionKind>>;
  /** Total frequency mass (for reporting). */
  total: number;
}

export const PREFIX = 1;

/** Target words: at least this frequency in jieba's counts (freq 80 ≈ its 90th percentile). */
export const TARGET_MIN_FREQ = 20;
export const TARGET_MAX_LEN = 6;

/** Log-probability bonus of 公文 vocabulary words (see loadLexicon). */
export const DOMAIN_BOOST = Math.log(4);

let cached: Lexicon | undefined;
let dataDirOverride: string | undefined;

/** For tests and tools: load the data from another folder. */
export function setLexiconDir(dir: string | undefined): void {
  dataDirOverride = dir;
  cached = undefined;
}

export function findDataDir(): string {
  const candidates = [
    dataDirOverride,
    process.env.GONGWEN_LEXICON_DIR,
    // Source tree: server/src/engine/detector -> server/data/lexicon
    path.resolve(__dirname, '../../../data/lexicon'),
    // Bundled: dist/server.js next to dist/data/lexicon or ../server/data/lexicon
    path.resolve(__dirname, 'data/lexicon'),
    path.resolve(__dirname, '../server/data/lexicon'),
    path.resolve(__dirname, '../data/lexicon'),
  ].filter((p): p is string => !!p);
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, 'words.txt.gz'))) return dir;
  }
  throw new Error(`detector lexicon not found (looked in ${candidates.join(', ')})`);
}

/** The lexicon, loaded on first use. Throws when the data files are missing. */
export function getLexicon(): Lexicon {
  if (!cached) cached = loadLexicon(findDataDir());
  return cached;
}

export function isLexiconLoaded(): boolean {
  return cached !== undefined;
}

export function loadLexicon(dir: string): Lexicon {
  const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'words.txt.gz'))).toString('utf8');
  const entries: Array<[string[], number, string]> = [];
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const t1 = line.indexOf('\t');
    const t2 = line.indexOf('\t', t1 + 1);
    const freq = Number(line.slice(0, t1));
    const tag = line.slice(t1 + 1, t2);
    const words = line.slice(t2 + 1).split(' ');
    total += freq * words.length;
    entries.push([words, freq, tag]);
  }
  const logTotal = Math.log(total);
  // The 公文 vocabulary: the texts checked are official documents, so their
  // own vocabulary is more probable than in jieba's general corpus.
  const gongwen = new Set<string>();
  const gwPath = path.join(dir, 'gongwen.txt');
  if (fs.existsSync(gwPath)) for (const w of fs.readFileSync(gwPath, 'utf8').split('\n')) if (w) gongwen.add(w);
  const logp = new Map<string, number>();
  const names = new Map<string, NameTag>();
  const wildSets = new Map<string, string>();
  let maxLen = 1;
  for (const [words, freq, tag] of entries) {
    const lp = Math.log(freq) - logTotal;
    const isName = tag === 'nr' || tag === 'ns' || tag === 'nt';
    const target = !isName && freq >= TARGET_MIN_FREQ;
    for (const w of words) {
      logp.set(w, gongwen.has(w) ? lp + DOMAIN_BOOST : lp);
      if (isName) names.set(w, tag as NameTag);
      if (w.length > maxLen) maxLen = w.length;
      if (target && w.length >= 2 && w.length <= TARGET_MAX_LEN) {
        for (let p = 0; p < w.length; p++) {
          const key = w.slice(0, p) + '*' + w.slice(p + 1);
          const prev = wildSets.get(key);
          wildSets.set(key, prev ? prev + w[p] : w[p]);
          // Prefixes that contain the gap, marked with '' so that a scan
          // extending a window to the right can stop early.
          for (let q = p + 1; q < w.length; q++) {
            const pre = key.slice(0, q);
            if (!wildSets.has(pre)) wildSets.set(pre, '');
          }
        }
      }
    }
  }
  // Prefix markers (after all words, so a word keeps its probability).
  for (const [words] of entries) {
    for (const w of words) {
      for (let k = 1; k < w.length; k++) {
        const p = w.slice(0, k);
        if (!logp.has(p)) logp.set(p, PREFIX);
      }
    }
  }

  const confusion = new Map<string, Map<string, ConfusionKind>>();
  const conf = fs.readFileSync(path.join(dir, 'confusion.txt'), 'utf8');
  for (const line of conf.split('\n')) {
    if (!line) continue;
    const [c, same = '', other = '', shape = '', fuzzy = ''] = line.split('\t');
    const m = new Map<string, ConfusionKind>();
    for (const d of fuzzy) m.set(d, ConfusionKind.Fuzzy);
    for (const d of shape) m.set(d, ConfusionKind.Shape);
    for (const d of other) m.set(d, ConfusionKind.OtherTone);
    for (const d of same) m.set(d, ConfusionKind.SameTone);
    confusion.set(c, m);
  }

  return {
    logp,
    names,
    unknownLogp: Math.log(1) - logTotal,
    maxLen: Math.min(maxLen, 16),
    wild: wildSets,
    confusion,
    total,
  };
}

/** Log probability of a word, or undefined when it is not a word. */
export function wordLogp(lex: Lexicon, w: string): number | undefined {
  const v = lex.logp.get(w);
  return v === undefined || v === PREFIX ? undefined : v;
}
