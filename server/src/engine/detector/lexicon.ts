// The detector's data: a word lexicon with frequencies (jieba + 公文 vocabulary)
// and character confusion sets (same syllable, similar shape). Built by
// scripts/lexicon/build-lexicon.mjs into server/data/lexicon/; loaded lazily,
// once, from the file system (no network, no native modules).

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import { adoptTries, CodeTrie, lexiconTries, registerTries, shareTries, type ConfusionArrays, type CoreTries, type SharedTries } from './trie';
import { utf8Length } from '../codeTrie';

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
 * copying it: its tries and confusion arrays in shared memory, the scalars
 * and the data folder (the string maps, confusion included, are built from
 * the data files only on demand). This thread switches to the shared copy
 * too, so that one copy remains.
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
  cached = adoptLexicon(snap);
  return snap;
}

/** A lexicon over a snapshot's shared tries (see shareLexicon). */
export function adoptLexicon(snap: LexiconSnapshot): Lexicon {
  const lex = { unknownLogp: snap.unknownLogp, maxLen: snap.maxLen, total: snap.total } as Lexicon;
  // The string maps (tests, tools) from the data files, as loadLexicon builds them.
  const { dataDir } = snap;
  defineLazyMaps(lex, {
    words: () => {
      const text = readWordList(dataDir).toString('utf8');
      return buildMaps(parseWords(text).entries, Math.log(snap.total), gongwenSet(readGongwen(dataDir)));
    },
    confusion: () => confusionMap(fs.readFileSync(path.join(dataDir, 'confusion.txt'), 'utf8')),
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
 * Inflate a gzip file's content into one buffer: sized from the length in
 * its trailer (when plausible), so that zlib writes one chunk and does not
 * join chunks into a second buffer. Same result as zlib.gunzipSync(gz).
 */
export function gunzipWhole(gz: Buffer): Buffer {
  const size = gz.length >= 18 ? gz.readUInt32LE(gz.length - 4) : 0;
  // Deflate expands at most ~1032 times.
  const plausible = size > 0 && size <= gz.length * 1032 && size < 256 << 20;
  return plausible ? zlib.gunzipSync(gz, { chunkSize: Math.max(size + 1, 64) }) : zlib.gunzipSync(gz);
}

/** The word list (`words.txt.gz`) inflated into one buffer. */
function readWordList(dir: string): Buffer {
  const raw = gunzipWhole(fs.readFileSync(path.join(dir, 'words.txt.gz')));
  // The loader reads UTF-8 itself; text that is not valid UTF-8 is read as
  // toString() reads it (invalid bytes replaced).
  return isUtf8(raw) ? raw : Buffer.from(raw.toString('utf8'), 'utf8');
}

/** The word list's lines (UTF-8 bytes): frequency, tag and words of each, read in place. */
function scanWords(buf: Buffer, line: (freq: number, tagAt: number, wordsAt: number, end: number) => void): void {
  const n = buf.length;
  for (let i = 0; i < n; ) {
    let end = buf.indexOf(0x0a, i);
    if (end < 0) end = n;
    if (end > i) {
      // As Number() reads the digits before the first tab (the file holds integers).
      let freq = 0;
      let p = i;
      for (let c = buf[p]; c !== 9; c = buf[++p]) freq = freq * 10 + (c - 48);
      const tagAt = p + 1;
      line(freq, tagAt, buf.indexOf(9, tagAt) + 1, end);
    }
    i = end + 1;
  }
}

/** The name tag's index in NAME_TAGS of the tag at `at`, 0 when it is none. */
function tagIndexAt(buf: Buffer, at: number): number {
  if (buf[at] !== 0x6e /* n */ || buf[at + 2] !== 9) return 0;
  const c = buf[at + 1];
  return c === 0x72 /* r */ ? 1 : c === 0x73 /* s */ ? 2 : c === 0x74 /* t */ ? 3 : 0;
}

interface WordTrie {
  core: CoreTries;
  total: number;
  maxLen: number;
}

/**
 * The word trie built directly from the word list's UTF-8 bytes, with no
 * per-line or per-word strings: the same keys and values as buildMaps' logp
 * (the 公文 bonus added afterwards, once per listed word of the vocabulary),
 * and the name tags.
 */
function buildWordTrie(buf: Buffer, gwText: string | undefined): WordTrie {
  // First pass: total mass, counts and the longest word (in UTF-16 units,
  // as the string maps count: 2 for a character outside the BMP).
  let total = 0;
  let wordCount = 0;
  let charCount = 0;
  let maxLen = 1;
  scanWords(buf, (freq, _tagAt, at, end) => {
    let words = 1;
    let len = 0;
    for (let p = at; p < end; p++) {
      const b = buf[p];
      if (b === 0x20) {
        words++;
        if (len > maxLen) maxLen = len;
        charCount += len;
        len = 0;
      } else if (b < 0x80 || b >= 0xc0) len += b >= 0xf0 ? 2 : 1;
    }
    if (len > maxLen) maxLen = len;
    charCount += len;
    wordCount += words;
    total += freq * words;
  });
  const logTotal = Math.log(total);
  // Sized for the load compact() leaves (no rehash after building).
  const logp = new CodeTrie(wordCount * 1.5, 0.85);
  // Per node (at most the root plus the words' total length; the arrays are
  // views of their first `nodes` entries, the untouched rest is never
  // paged in): the value, the name tag, and whether the node ends a word of
  // the list (2: 公文 bonus added).
  const values = new Float64Array(charCount + 1);
  const names = new Uint8Array(charCount + 1);
  const listed = new Uint8Array(charCount + 1);
  scanWords(buf, (freq, tagAt, at, end) => {
    const lp = Math.log(freq) - logTotal;
    const tagIndex = tagIndexAt(buf, tagAt);
    let node = 0;
    for (let p = at; p <= end; ) {
      const b = p < end ? buf[p] : 0x20;
      if (b === 0x20) {
        values[node] = lp;
        listed[node] = 1;
        if (tagIndex) names[node] = tagIndex;
        node = 0;
        p++;
      } else {
        node = logp.addUtf8(node, buf, p);
        p += utf8Length(b);
      }
    }
  });
  if (gwText) {
    // The texts checked are official documents, so their own vocabulary is
    // more probable than in jieba's general corpus (one word a line).
    const n = gwText.length;
    for (let i = 0; i < n; ) {
      let end = gwText.indexOf('\n', i);
      if (end < 0) end = n;
      let node = end > i ? 0 : -1;
      for (let p = i; p < end && node >= 0; p++) node = logp.child(node, gwText.charCodeAt(p));
      if (node >= 0 && listed[node] === 1) {
        values[node] += DOMAIN_BOOST;
        listed[node] = 2;
      }
      i = end + 1;
    }
  }
  const nodes = logp.nodes;
  // PREFIX where no word ends (the root: NaN).
  for (let node = 1; node < nodes; node++) if (listed[node] === 0) values[node] = PREFIX;
  values[0] = listed[0] === 0 ? NaN : values[0];
  logp.compact();
  return { core: { logp, logpValue: values.subarray(0, nodes), nameOf: names.subarray(0, nodes) }, total, maxLen };
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

/** The confusion sets as maps (tests, tools), from the text of `confusion.txt`. */
function confusionMap(conf: string): Map<string, Map<string, ConfusionKind>> {
  const confusion = new Map<string, Map<string, ConfusionKind>>();
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

/**
 * The confusion arrays (see LexiconTries) read directly from the text of
 * `confusion.txt`, as confusionArraysOf(confusionMap(conf)) gives them: the
 * BMP candidates of each BMP character in the order of its set (a
 * candidate's place is where it first occurs in the columns fuzzy, shape,
 * other tone, same tone; its kind the last of them that holds it), a
 * character's last line counting.
 */
function confusionArrays(conf: string): ConfusionArrays {
  const n = conf.length;
  const lineAt = new Int32Array(0x10000).fill(-1);
  for (let i = 0; i < n; ) {
    let end = conf.indexOf('\n', i);
    if (end < 0) end = n;
    const tab = conf.indexOf('\t', i);
    const keyEnd = tab < 0 || tab > end ? end : tab;
    if (keyEnd - i === 1) lineAt[conf.charCodeAt(i)] = i;
    i = end + 1;
  }
  const confStart = new Int32Array(0x10001);
  const codes = new Uint16Array(n);
  const kinds = new Uint8Array(n);
  // Per candidate: the row (code + 1) it was last placed in, and its place.
  const seenIn = new Int32Array(0x10000);
  const placeOf = new Int32Array(0x10000);
  // Column k (1 same tone .. 4 fuzzy) of a line: from[k] .. from[k + 1] - 1.
  const from = new Int32Array(6);
  let len = 0;
  for (let code = 0; code < 0x10000; code++) {
    confStart[code] = len;
    const at = lineAt[code];
    if (at < 0) continue;
    let end = conf.indexOf('\n', at);
    if (end < 0) end = n;
    let k = 0;
    for (let p = at; k < 5 && p < end; p++) if (conf.charCodeAt(p) === 9) from[++k] = p + 1;
    // Column k ends at the next tab, or at the line's end; missing ones are empty.
    from[++k] = end + 1;
    for (; k < 5; ) from[++k] = end + 1;
    for (let kind = 4; kind >= 1; kind--) {
      const to = from[kind + 1] - 1;
      for (let p = from[kind]; p < to; p++) {
        const d = conf.charCodeAt(p);
        // A surrogate pair is one candidate outside the BMP: not in the arrays.
        if (d >= 0xd800 && d <= 0xdbff && p + 1 < to) {
          const e = conf.charCodeAt(p + 1);
          if (e >= 0xdc00 && e <= 0xdfff) {
            p++;
            continue;
          }
        }
        if (seenIn[d] === code + 1) kinds[placeOf[d]] = kind;
        else {
          seenIn[d] = code + 1;
          placeOf[d] = len;
          codes[len] = d;
          kinds[len++] = kind;
        }
      }
    }
  }
  confStart[0x10000] = len;
  return { confStart, confCodes: codes.slice(0, len), confKinds: kinds.slice(0, len) };
}

export function loadLexicon(dir: string): Lexicon {
  const words = readWordList(dir);
  const gwBytes = readGongwen(dir);
  const conf = fs.readFileSync(path.join(dir, 'confusion.txt'), 'utf8');
  const { core, total, maxLen } = buildWordTrie(words, gwBytes?.toString('utf8'));
  const logTotal = Math.log(total);
  const lex = {
    unknownLogp: Math.log(1) - logTotal,
    maxLen: Math.min(maxLen, 16),
    total,
  } as Lexicon;
  // logp, names and confusion as string maps are built on first access only
  // (tests and tools), from the texts (kept: 3.4 MB and 0.3 M characters,
  // against tens of MiB for the maps).
  defineLazyMaps(lex, {
    words: () => buildMaps(parseWords(words.toString('utf8')).entries, logTotal, gongwenSet(gwBytes)),
    confusion: () => confusionMap(conf),
  });
  registerTries(lex, { ...core, ...confusionArrays(conf) });
  return lex;
}

/** Define lex.logp, lex.names and lex.confusion as getters of maps built on first access. */
function defineLazyMaps(
  lex: Lexicon,
  build: { words: () => Pick<Lexicon, 'logp' | 'names'>; confusion: () => Lexicon['confusion'] },
): void {
  let maps: Pick<Lexicon, 'logp' | 'names'> | undefined;
  for (const key of ['logp', 'names'] as const) {
    Object.defineProperty(lex, key, { enumerable: true, get: () => (maps ??= build.words())[key] });
  }
  let confusion: Lexicon['confusion'] | undefined;
  Object.defineProperty(lex, 'confusion', { enumerable: true, get: () => (confusion ??= build.confusion()) });
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
