// A character n-gram language model of official-document language (modified
// Kneser-Ney, stored in back-off form), trained by
// scripts/lexicon/build-gongwen-lm.ts on the published documents of
// ../shared/corpora/gongwen-train. The word models of the detector know
// general Chinese; this one knows how 公文 are written (严格执法, 统筹推进,
// 贯彻落实), so it can judge whether a correction fits its neighbours where a
// general model prefers an everyday word to a correct term.
//
// Storage: two open-addressing hash tables of n-grams, one of all orders and
// a small one of unigrams and bigrams (for the cheap first look at every
// position). A slot is one 32-bit word: a 16-bit fingerprint of the n-gram,
// its cost (−ln P) and its back-off cost as a history, each quantised to a
// byte, so that a probe touches one cache line. The slot comes from one
// 32-bit hash, the fingerprint from a second, independent one (a missing
// n-gram is mistaken for a present one with a chance of about 2^-16 per
// probed slot: a rare, small error in one cost). The file is the tables
// themselves: loading is one read and typed-array views, no parsing.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { findDataDir } from './lexicon';

export const CHAR_LM_FILE = 'gongwen-lm.bin';

/** Highest order of the model. */
export const ORDER = 5;

/** Sentence boundary codes (control characters never occur in the normalised text). */
export const BOS = 0x02;
export const EOS = 0x03;

/** Quantisation: cost (−ln P) = byte × PROB_STEP; back-off cost = byte × BO_STEP. */
export const PROB_STEP = 0.125;
export const BO_STEP = 0.04;

/** Cost of a character the model has never seen (−ln P). */
export const UNKNOWN_COST = 16;

/**
 * The code the model sees for a UTF-16 code unit: digits and Latin letters
 * (half or full width) stand for their class, so that `2025年` and `2019年`
 * share their statistics.
 */
export function normCode(c: number): number {
  if (c >= 0x30 && c <= 0x39) return 0x30;
  if (c >= 0xff10 && c <= 0xff19) return 0x30;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 0x61;
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return 0x61;
  return c;
}

// Two independent multiplicative hashes, folded from the n-gram's last code
// backwards, so that the n-grams ending at one position are hashed in one
// walk to the left.
export const SEED1 = 0x811c9dc5;
export const SEED2 = 0x1b873593;
export function mix1(h: number, c: number): number {
  h = Math.imul(h ^ c, 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}
export function mix2(h: number, c: number): number {
  h = Math.imul((h + c) | 0, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae3d);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One hash table: slots of (fingerprint << 16 | cost byte << 8 | back-off byte); 0 is an empty slot. */
export interface HashTable {
  slots: number;
  mask: number;
  slot: Uint32Array;
}

export interface CharLm extends HashTable {
  /** The unigrams and bigrams again, small enough to stay in cache. */
  low: HashTable;
  /** Number of n-grams. */
  entries: number;
  /** Bytes of the file. */
  bytes: number;
}

const MAGIC = 'GWCL';
const VERSION = 3;
const HEADER = 28;

/** The 16-bit fingerprint of a hash: never 0, so that a used slot is never 0. */
export function fingerprint(h2: number): number {
  const f = h2 >>> 16;
  return f === 0 ? 1 : f;
}

/** A slot's value. */
export function packSlot(fp: number, costByte: number, boByte: number): number {
  return ((fp << 16) | (costByte << 8) | boByte) >>> 0;
}

/** Serialise the two tables (used by the build script). */
export function encodeCharLm(main: HashTable, low: HashTable, entries: number): Buffer {
  const buf = Buffer.alloc(HEADER + (main.slots + low.slots) * 4);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(VERSION, 4);
  buf.writeUInt32LE(ORDER, 8);
  buf.writeUInt32LE(main.slots, 12);
  buf.writeUInt32LE(low.slots, 16);
  buf.writeUInt32LE(entries, 20);
  buf.writeUInt32LE(Math.round(PROB_STEP * 1000) * 1000 + Math.round(BO_STEP * 1000), 24);
  Buffer.from(main.slot.buffer, main.slot.byteOffset, main.slots * 4).copy(buf, HEADER);
  Buffer.from(low.slot.buffer, low.slot.byteOffset, low.slots * 4).copy(buf, HEADER + main.slots * 4);
  return buf;
}

interface Header {
  slots: number;
  lowSlots: number;
  entries: number;
}

/** The sizes in a model file's header (`head`: its first HEADER bytes or fewer; `length`: the file's). Throws a clear error on a file that is not one. */
function readHeader(head: Buffer, length: number): Header {
  if (length < HEADER || head.length < HEADER || head.toString('latin1', 0, 4) !== MAGIC || head.readUInt32LE(4) !== VERSION) {
    throw new Error(`not a Gongwen character model (${MAGIC} version ${VERSION})`);
  }
  const order = head.readUInt32LE(8);
  const slots = head.readUInt32LE(12);
  const lowSlots = head.readUInt32LE(16);
  const entries = head.readUInt32LE(20);
  if (order !== ORDER) throw new Error(`character model of order ${order}, expected ${ORDER}`);
  for (const n of [slots, lowSlots]) {
    if (n === 0 || (n & (n - 1)) !== 0) throw new Error('character model: slot count is not a power of two');
  }
  if (head.readUInt32LE(24) !== Math.round(PROB_STEP * 1000) * 1000 + Math.round(BO_STEP * 1000)) {
    throw new Error('character model: quantisation differs from this version');
  }
  if (length !== HEADER + (slots + lowSlots) * 4) throw new Error('character model is truncated');
  return { slots, lowSlots, entries };
}

/** The model over its tables (`body`: the slots of both, as in the file). */
function fromTables({ slots, lowSlots, entries }: Header, body: Uint32Array): CharLm {
  return {
    slots,
    mask: slots - 1,
    slot: body.subarray(0, slots),
    low: { slots: lowSlots, mask: lowSlots - 1, slot: body.subarray(slots) },
    entries,
    bytes: HEADER + body.byteLength,
  };
}

/** Views over a model file. Throws a clear error on a file that is not one. */
export function decodeCharLm(buf: Buffer): CharLm {
  const header = readHeader(buf, buf.length);
  // One aligned copy, so that the tables can be Uint32Array views.
  const body = new Uint32Array(header.slots + header.lowSlots);
  new Uint8Array(body.buffer).set(buf.subarray(HEADER));
  return fromTables(header, body);
}

/** Read exactly `length` bytes of `fd` from `position` into `into` (fewer at the end of the file). */
function readFully(fd: number, into: ArrayBufferView, position: number): number {
  const bytes = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
  let done = 0;
  while (done < bytes.length) {
    const n = fs.readSync(fd, bytes, done, bytes.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** The slot value of an n-gram with hashes (h1, h2) in a table, or 0 when it is not there. */
export function lookup(t: HashTable, h1: number, h2: number): number {
  const f = fingerprint(h2);
  const { slot, mask } = t;
  for (let s = h1 & mask; ; s = (s + 1) & mask) {
    const x = slot[s];
    if (x === 0) return 0;
    if (x >>> 16 === f) return x;
  }
}

let loaded: CharLm | undefined;
let loadError: Error | undefined;

/**
 * Load the model from a directory (throws a clear error naming the file): the
 * tables are read straight into the Uint32Array they are used as (no second
 * copy of the 10 MB).
 */
export function loadCharLm(dir: string): CharLm {
  const file = path.join(dir, CHAR_LM_FILE);
  const cannotRead = (e: unknown): Error => new Error(`cannot read the character model ${file}: ${(e as Error).message}`);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw cannotRead(e);
  }
  try {
    let length: number;
    const head = Buffer.alloc(HEADER);
    let got: number;
    try {
      length = fs.fstatSync(fd).size;
      got = readFully(fd, head, 0);
    } catch (e) {
      throw cannotRead(e);
    }
    let header: Header;
    try {
      header = readHeader(head.subarray(0, got), length);
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message}`);
    }
    const body = new Uint32Array(header.slots + header.lowSlots);
    let read: number;
    try {
      read = readFully(fd, body, HEADER);
    } catch (e) {
      throw cannotRead(e);
    }
    if (read !== body.byteLength) throw new Error(`${file}: character model is truncated`);
    return fromTables(header, body);
  } finally {
    fs.closeSync(fd);
  }
}

/** The process's model, loaded on first use from the lexicon's data directory (throws the load error each time). */
export function getCharLm(): CharLm {
  if (loaded) return loaded;
  if (loadError) throw loadError;
  try {
    loaded = loadCharLm(findDataDir());
    return loaded;
  } catch (e) {
    loadError = e as Error;
    throw loadError;
  }
}

/**
 * Cost (−ln P) of codes[k] given up to ORDER − 1 codes before it, never
 * reaching left of `lo` (the sentence start, whose code is BOS).
 */
export function costAt(m: CharLm, codes: ArrayLike<number>, k: number, lo: number): number {
  // With M the longest n-gram ending at k that the model holds, the cost is
  // its cost plus the back-off costs of the histories ending at k − 1 of
  // length M .. ORDER − 1 that the model holds (a missing history has none,
  // and no longer one exists then either). All found by one walk to the left.
  let h1 = SEED1;
  let h2 = SEED2;
  let g1 = SEED1;
  let g2 = SEED2;
  let matchCost = UNKNOWN_COST;
  let boSum = 0;
  let gramMissing = false;
  for (let n = 1; n <= ORDER; n++) {
    const j = k - n + 1;
    if (j < lo) break;
    const c = codes[j];
    if (n >= 2) {
      g1 = mix1(g1, c);
      g2 = mix2(g2, c);
    }
    if (!gramMissing) {
      h1 = mix1(h1, c);
      h2 = mix2(h2, c);
      const x = lookup(m, h1, h2);
      if (x !== 0) {
        matchCost = ((x >>> 8) & 0xff) * PROB_STEP;
        boSum = 0;
        continue;
      }
      if (n === 1) return UNKNOWN_COST;
      gramMissing = true;
    }
    const y = lookup(m, g1, g2);
    if (y === 0) break;
    boSum += (y & 0xff) * BO_STEP;
  }
  return matchCost + boSum;
}

/**
 * Cost (−ln P) of code c after code prev, from the small table: the
 * bigram's cost, or the unigram's plus the back-off cost of the history.
 */
export function bigramCost(m: CharLm, prev: number, c: number): number {
  const t = m.low;
  const u1 = mix1(SEED1, c);
  const u2 = mix2(SEED2, c);
  const b = lookup(t, mix1(u1, prev), mix2(u2, prev));
  if (b !== 0) return ((b >>> 8) & 0xff) * PROB_STEP;
  const u = lookup(t, u1, u2);
  if (u === 0) return UNKNOWN_COST;
  const h = lookup(t, mix1(SEED1, prev), mix2(SEED2, prev));
  return ((u >>> 8) & 0xff) * PROB_STEP + (h & 0xff) * BO_STEP;
}

/** Whether the model holds the bigram (a, b) (small table). */
export function hasBigram(m: CharLm, a: number, b: number): boolean {
  return lookup(m.low, mix1(mix1(SEED1, b), a), mix2(mix2(SEED2, b), a)) !== 0;
}

/** Whether the model knows the character (small table). */
export function hasUnigram(m: CharLm, c: number): boolean {
  return lookup(m.low, mix1(SEED1, c), mix2(SEED2, c)) !== 0;
}

/** Hash pair of an n-gram given in order (build script and tests). */
export function hashGram(codes: ArrayLike<number>, from: number, to: number): [number, number] {
  let h1 = SEED1;
  let h2 = SEED2;
  for (let j = to - 1; j >= from; j--) {
    h1 = mix1(h1, codes[j]);
    h2 = mix2(h2, codes[j]);
  }
  return [h1, h2];
}
