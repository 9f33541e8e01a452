// The detector's data: a word lexicon with frequencies (jieba + 公文 vocabulary)
// and character confusion sets (same syllable, similar shape). Built by
// scripts/lexicon/build-lexicon.mjs into server/data/lexicon/; loaded lazily,
// once, from the file system (no network, no native modules).

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { adoptTries, CodeTrie, lexiconTries, NAME_TAGS, registerTries, shareTries, type CoreTries, type SharedTries } from './trie';

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
  /** written char -> Map(candidate char -> kind) */
  confusion: Map<string, Map<string, ConfusionKind>>;
  /** Total frequency mass (for reporting). */
  total: number;
}

export const PREFIX = 1;

/** Target words: at least this frequency in jieba's counts (freq 80 ≈ its 90th percentile). */
export const TARGET_MIN_FREQ = 20;

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

/**
 * Where getLexicon() may take the lexicon from instead of loading it: the
 * detector's worker thread, which loads it while this thread does other work
 * (engine/detector/parallel.ts). Asked once; undefined means "load it here".
 */
let provider: (() => Lexicon | undefined) | undefined;

export function setLexiconProvider(p: (() => Lexicon | undefined) | undefined): void {
  provider = p;
}

/** The lexicon, loaded on first use. Throws when the data files are missing. */
export function getLexicon(): Lexicon {
  if (!cached) {
    const p = provider;
    provider = undefined;
    cached = p?.() ?? loadLexicon(findDataDir());
  }
  return cached;
}

/**
 * The loaded lexicon as data another thread can adopt without loading or
 * copying it: its tries in shared memory, the scalars and the data folder
 * (the adopting thread reads the small confusion file itself, faster than a
 * structured clone of its map; the string maps are built only on demand).
 * This thread switches to the shared copy too, so that one copy remains.
 */
export interface LexiconSnapshot {
  total: number;
  maxLen: number;
  unknownLogp: number;
  tries: SharedTries;
  dataDir: string;
}

export function shareLexicon(): LexiconSnapshot {
  const lex = getLexicon();
  const snap: LexiconSnapshot = {
    total: lex.total,
    maxLen: lex.maxLen,
    unknownLogp: lex.unknownLogp,
    tries: shareTries(lex),
    dataDir: findDataDir(),
  };
  cached = adoptLexicon(snap, lex.confusion);
  return snap;
}

/** A lexicon over a snapshot's shared tries (see shareLexicon). */
export function adoptLexicon(snap: LexiconSnapshot, confusion = loadConfusion(snap.dataDir)): Lexicon {
  const lex = { unknownLogp: snap.unknownLogp, maxLen: snap.maxLen, confusion, total: snap.total } as Lexicon;
  // The string maps (tests, tools) from the data files, as loadLexicon builds them.
  defineLazyMaps(lex, () => {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(snap.dataDir, 'words.txt.gz'))).toString('utf8');
    return buildMaps(parseWords(text).entries, Math.log(snap.total), gongwenSet(readGongwen(snap.dataDir)));
  });
  adoptTries(lex, snap.tries);
  return lex;
}

export function isLexiconLoaded(): boolean {
  return cached !== undefined;
}

interface WordLine {
  words: string[];
  freq: number;
  tag: string;
}

function parseWords(text: string): { entries: WordLine[]; total: number } {
  const entries: WordLine[] = [];
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const t1 = line.indexOf('\t');
    const t2 = line.indexOf('\t', t1 + 1);
    const freq = Number(line.slice(0, t1));
    const tag = line.slice(t1 + 1, t2);
    const words = line.slice(t2 + 1).split(' ');
    total += freq * words.length;
    entries.push({ words, freq, tag });
  }
  return { entries, total };
}

function isNameTag(tag: string): tag is NameTag {
  return tag === 'nr' || tag === 'ns' || tag === 'nt';
}

/**
 * The string maps of the lexicon (logp, names), built only when some
 * caller reads them: the detector itself works on the tries.
 */
function buildMaps(entries: WordLine[], logTotal: number, gongwen: Set<string>): Pick<Lexicon, 'logp' | 'names'> {
  const logp = new Map<string, number>();
  const names = new Map<string, NameTag>();
  for (const { words, freq, tag } of entries) {
    const lp = Math.log(freq) - logTotal;
    const isName = isNameTag(tag);
    for (const w of words) {
      logp.set(w, gongwen.has(w) ? lp + DOMAIN_BOOST : lp);
      if (isName) names.set(w, tag as NameTag);
    }
  }
  // Prefix markers (after all words, so a word keeps its probability).
  for (const { words } of entries) {
    for (const w of words) {
      for (let k = 1; k < w.length; k++) {
        const p = w.slice(0, k);
        if (!logp.has(p)) logp.set(p, PREFIX);
      }
    }
  }
  return { logp, names };
}

/**
 * The tries of the same data, built directly from the word list: the same
 * keys and values as buildMaps' logp, and the name tags.
 */
function buildCoreTries(entries: WordLine[], logTotal: number, gongwen: Set<string>, wordCount: number, charCount: number): CoreTries {
  // Sized for the load compact() leaves (no rehash after building).
  const logp = new CodeTrie(wordCount * 1.5, 0.85);
  // Per node, written in place (the node count is at most the root plus the
  // words' total length): the value (PREFIX when the node is no word) and the
  // name tag.
  const values = new Float64Array(charCount + 1).fill(PREFIX);
  values[0] = NaN;
  const names = new Uint8Array(charCount + 1);
  for (const { words, freq, tag } of entries) {
    const lp = Math.log(freq) - logTotal;
    const isName = isNameTag(tag);
    const tagIndex = isName ? NAME_TAGS.indexOf(tag) : 0;
    for (const w of words) {
      const node = logp.insert(w);
      values[node] = gongwen.has(w) ? lp + DOMAIN_BOOST : lp;
      if (isName) names[node] = tagIndex;
    }
  }
  const logpValue = values.slice(0, logp.nodes);
  const nameOf = names.slice(0, logp.nodes);
  logp.compact();
  return { logp, logpValue, nameOf };
}

function readGongwen(dir: string): Buffer | undefined {
  const gwPath = path.join(dir, 'gongwen.txt');
  return fs.existsSync(gwPath) ? fs.readFileSync(gwPath) : undefined;
}

/** The 公文 vocabulary (one word a line). */
function gongwenSet(bytes: Buffer | undefined): Set<string> {
  // The texts checked are official documents, so their own vocabulary is
  // more probable than in jieba's general corpus.
  const gongwen = new Set<string>();
  if (bytes) for (const w of bytes.toString('utf8').split('\n')) if (w) gongwen.add(w);
  return gongwen;
}

function loadConfusion(dir: string): Map<string, Map<string, ConfusionKind>> {
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
  return confusion;
}

interface TextBuild {
  text: string;
  total: number;
  maxLen: number;
  gongwen: Set<string>;
  core: CoreTries;
}

function buildFromText(wordsGz: Buffer, gwBytes: Buffer | undefined): TextBuild {
  const text = zlib.gunzipSync(wordsGz).toString('utf8');
  const { entries, total } = parseWords(text);
  const gongwen = gongwenSet(gwBytes);
  let maxLen = 1;
  let wordCount = 0;
  let charCount = 0;
  for (const { words } of entries) {
    wordCount += words.length;
    for (const w of words) {
      charCount += w.length;
      if (w.length > maxLen) maxLen = w.length;
    }
  }
  const core = buildCoreTries(entries, Math.log(total), gongwen, wordCount, charCount);
  return { text, total, maxLen, gongwen, core };
}

export function loadLexicon(dir: string): Lexicon {
  const wordsGz = fs.readFileSync(path.join(dir, 'words.txt.gz'));
  const gwBytes = readGongwen(dir);
  const confusion = loadConfusion(dir);
  const built = buildFromText(wordsGz, gwBytes);
  const { core, total, maxLen } = built;
  const logTotal = Math.log(total);
  // logp and names as string maps are built on first access only
  // (tests and tools), from the word list's text (kept: 1.4 MB, against
  // tens of MiB for the parsed entries or the maps).
  const lex = {
    unknownLogp: Math.log(1) - logTotal,
    maxLen: Math.min(maxLen, 16),
    confusion,
    total,
  } as Lexicon;
  defineLazyMaps(lex, () => buildMaps(parseWords(built.text).entries, logTotal, built.gongwen));
  registerTries(lex, core);
  return lex;
}

type StringMaps = Pick<Lexicon, 'logp' | 'names'>;

/** Define lex.logp and lex.names as getters of maps built by `build` on first access. */
function defineLazyMaps(lex: Lexicon, build: () => StringMaps): void {
  let maps: StringMaps | undefined;
  for (const key of ['logp', 'names'] as const) {
    Object.defineProperty(lex, key, { enumerable: true, get: () => (maps ??= build())[key] });
  }
}

/** Log probability of a word, or undefined when it is not a word. */
export function wordLogp(lex: Lexicon, w: string): number | undefined {
  const { logp, logpValue } = lexiconTries(lex);
  let node = 0;
  for (let i = 0; i < w.length && node >= 0; i++) node = logp.child(node, w.charCodeAt(i));
  if (node < 0) return undefined;
  const v = logpValue[node];
  return v !== v || v === PREFIX ? undefined : v;
}
