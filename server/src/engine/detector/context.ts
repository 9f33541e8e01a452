// The detector's context model: a word bigram language model with back-off
// (pruned from SunPinyin's open-gram model, see
// scripts/lexicon/build-context-model.mjs). The unigram lexicon judges whether
// a substitution makes a word; this model judges whether the result fits its
// neighbours, which a unigram model cannot see.
//
// contextGain() compares the best bigram segmentation of a window around the
// written character with that of the same window after the substitution.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { CodeTrie, utf8Length } from '../codeTrie';
import { findDataDir, gunzipWhole } from './lexicon';
import { isRunChar } from './han';

export const CONTEXT_FILE = 'context.bin.gz';

/** Characters of context on each side of the replaced character. */
export const CONTEXT_RADIUS = 8;

/** Cost (−ln P) of a character the model has no word for. */
const OOV_COST = 18;

export interface ContextModel {
  /** Number of words. */
  size: number;
  /** The words, one node per word end ... */
  trie: CodeTrie;
  /** ... and the word id of each node (−1: no word ends there). */
  wordOf: Int32Array;
  /** −ln P(w) and the back-off cost of w as a history, by id. */
  uniCost: Float32Array;
  boCost: Float32Array;
  /** Bigrams of w1: w2 ids at w2Of[start[w1] .. start[w1 + 1]), sorted; their costs × 8 in biCost8. */
  start: Uint32Array;
  w2Of: Uint32Array;
  biCost8: Uint8Array;
}

/** The id of a word (−1: not in the model). */
export function wordId(m: ContextModel, w: string): number {
  let node = 0;
  for (let k = 0; k < w.length && node >= 0; k++) node = m.trie.child(node, w.charCodeAt(k));
  return node > 0 ? m.wordOf[node] : -1;
}

/** Parse the model file (gzip). Throws a clear error on a file that is not one. */
export function decodeContextModel(gz: Buffer): ContextModel {
  const buf = gunzipWhole(gz);
  if (buf.length < 20 || buf.toString('latin1', 0, 4) !== 'GWLM' || buf.readUInt32LE(4) !== 1) {
    throw new Error('not a Gongwen context model (GWLM version 1)');
  }
  const V = buf.readUInt32LE(8);
  const B = buf.readUInt32LE(12);
  const vocabBytes = buf.readUInt32LE(16);
  let off = 20;
  // The words, one a line, as UTF-8 (read in place; text that is not valid
  // UTF-8 is read as toString() reads it).
  let vocab = buf.subarray(off, off + vocabBytes);
  if (!isUtf8(vocab)) vocab = Buffer.from(vocab.toString('utf8'), 'utf8');
  let lines = 1;
  for (let p = vocab.indexOf(0x0a); p >= 0; p = vocab.indexOf(0x0a, p + 1)) lines++;
  off += vocabBytes;
  if (lines !== V || off + V * 4 + B > buf.length) throw new Error('context model is truncated');
  // Sized for about 1.2 nodes per word at the load of CodeTrie.compact(),
  // without its lookup filter (1 MiB: not worth it for a few lookups per candidate).
  const trie = new CodeTrie(V * 1.2, 0.85);
  const ends = new Int32Array(V);
  let node = 0;
  let w = 0;
  for (let p = 0; p <= vocab.length; ) {
    const b = p < vocab.length ? vocab[p] : 0x0a;
    if (b === 0x0a) {
      ends[w++] = node;
      node = 0;
      p++;
    } else {
      node = trie.addUtf8(node, vocab, p);
      p += utf8Length(b);
    }
  }
  const wordOf = new Int32Array(trie.nodes).fill(-1);
  for (let i = 0; i < V; i++) wordOf[ends[i]] = i;
  const uniCost = new Float32Array(V);
  const boCost = new Float32Array(V);
  // Little-endian 16-bit costs in thousandths, unsigned, then signed.
  for (let i = 0, o = off; i < V; i++, o += 2) uniCost[i] = (buf[o] | (buf[o + 1] << 8)) / 1000;
  off += V * 2;
  for (let i = 0, o = off; i < V; i++, o += 2) boCost[i] = (((buf[o] | (buf[o + 1] << 8)) << 16) >> 16) / 1000;
  off += V * 2;
  const start = new Uint32Array(V + 1);
  const w2Of = new Uint32Array(B);
  // Varints: 7 bits a byte, low bits first (the bigram costs follow them).
  const varintsEnd = buf.length - B;
  let k = 0;
  for (let w1 = 0; w1 < V; w1++) {
    start[w1] = k;
    let count = 0;
    for (let scale = 1; ; scale *= 128) {
      if (off >= varintsEnd) throw new Error('context model is corrupt');
      const byte = buf[off++];
      count += (byte & 127) * scale;
      if (byte < 128) break;
    }
    if (k + count > B) throw new Error('context model is corrupt');
    let prev = 0;
    for (let j = 0; j < count; j++) {
      let delta = 0;
      for (let scale = 1; ; scale *= 128) {
        if (off >= varintsEnd) throw new Error('context model is corrupt');
        const byte = buf[off++];
        delta += (byte & 127) * scale;
        if (byte < 128) break;
      }
      prev += delta;
      w2Of[k++] = prev;
    }
  }
  start[V] = k;
  if (k !== B || off + B > buf.length) throw new Error('context model is corrupt');
  const biCost8 = new Uint8Array(B);
  biCost8.set(buf.subarray(off, off + B));
  return { size: V, trie, wordOf, uniCost, boCost, start, w2Of, biCost8 };
}

/** Read and decode a model file; the error names the file and the cause. */
export function loadContextModel(file: string): ContextModel {
  try {
    return decodeContextModel(fs.readFileSync(file));
  } catch (e) {
    const cause = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
    throw new Error(`detector context model ${file} could not be loaded: ${cause}`);
  }
}

let cached: ContextModel | undefined;
let loadError: Error | undefined;

/**
 * The context model, loaded on first use. Throws a clear error when its file
 * is missing or broken (every time, without reading the file again), as the
 * word lexicon does: the detector then reports the error once and stays off.
 */
export function getContextModel(): ContextModel {
  if (loadError) throw loadError;
  if (!cached) {
    try {
      cached = loadContextModel(path.join(findDataDir(), CONTEXT_FILE));
    } catch (e) {
      loadError = e as Error;
      throw loadError;
    }
  }
  return cached;
}

/** For tests: forget the loaded model (or the error). */
export function resetContextModel(): void {
  cached = undefined;
  loadError = undefined;
}

/** −ln P(w2 | w1), w1 < 0 meaning no known history. */
function bigramCost(m: ContextModel, w1: number, w2: number): number {
  if (w1 < 0) return m.uniCost[w2];
  let lo = m.start[w1];
  let hi = m.start[w1 + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = m.w2Of[mid];
    if (v === w2) return m.biCost8[mid] / 8;
    if (v < w2) lo = mid + 1;
    else hi = mid - 1;
  }
  return m.boCost[w1] + m.uniCost[w2];
}

/**
 * Lowest cost (−ln P) of `s` under the bigram model, over all its
 * segmentations into model words (a character without one costs OOV_COST and
 * ends the history). Exact Viterbi over (position, last word) states.
 */
export function textCost(m: ContextModel, s: string): number {
  const n = s.length;
  // states[j]: last word id (−1: none) -> lowest cost of s[0, j) ending so.
  const states: Array<Map<number, number>> = [];
  for (let j = 0; j <= n; j++) states.push(new Map());
  states[0].set(-1, 0);
  for (let i = 0; i < n; i++) {
    const from = states[i];
    if (from.size === 0) continue;
    let minHere = Infinity;
    for (const c of from.values()) if (c < minHere) minHere = c;
    let anyWord = false;
    let node = 0;
    for (let j = i + 1; j <= n; j++) {
      node = m.trie.child(node, s.charCodeAt(j - 1));
      if (node < 0) break; // no model word starts with s[i, j)
      const w = m.wordOf[node];
      if (w < 0) continue;
      if (j === i + 1) anyWord = true;
      let best = Infinity;
      for (const [p, c] of from) {
        const v = c + bigramCost(m, p, w);
        if (v < best) best = v;
      }
      const to = states[j];
      const old = to.get(w);
      if (old === undefined || best < old) to.set(w, best);
    }
    if (!anyWord) {
      const to = states[i + 1];
      const v = minHere + OOV_COST;
      const old = to.get(-1);
      if (old === undefined || v < old) to.set(-1, v);
    }
  }
  let best = Infinity;
  for (const c of states[n].values()) if (c < best) best = c;
  return best;
}

/**
 * How much more probable (nats) the Han run around text[index] becomes when
 * that character is replaced by `replacement`, judged by the bigram model
 * over CONTEXT_RADIUS characters on each side (within the run).
 */
export function contextGain(m: ContextModel, text: string, index: number, replacement: string): number {
  let lo = index;
  while (lo > 0 && index - lo < CONTEXT_RADIUS && isRunChar(text.charCodeAt(lo - 1))) lo--;
  let hi = index + 1;
  while (hi < text.length && hi - index - 1 < CONTEXT_RADIUS && isRunChar(text.charCodeAt(hi))) hi++;
  const original = text.slice(lo, hi);
  const corrected = text.slice(lo, index) + replacement + text.slice(index + 1, hi);
  return textCost(m, original) - textCost(m, corrected);
}
