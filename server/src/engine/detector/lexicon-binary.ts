// Precompiled form of the lexicon's correction-target trie (the `wild` trie:
// server/data/lexicon/tries.bin.gz), written by scripts/lexicon/build-tries.ts
// from the text form and loaded with no parsing: typed-array views over one
// inflated buffer, from which the hash table is filled directly. (The word
// trie itself is not stored: in its node order it compresses to about 1.9 MB,
// more than the word list it is built from; it is built from the text.) It is keyed by a digest of its inputs (the word
// list, the 公文 vocabulary and the build parameters); when absent or stale the
// loader builds the tries from the text form (same result, slower).

import * as crypto from 'node:crypto';
import * as os from 'node:os';

export const TRIES_FILE = 'tries.bin.gz';
const MAGIC = 0x544c5747; // 'GWLT' little-endian
const VERSION = 2;
const HEADER = 40;

export const NO_FILL = 0xffff;

export interface TrieArrays {
  /** wild trie: parent[node], code[node]; fillLen[node] (NO_FILL: not a key); fills in node order. */
  wildParent: ArrayLike<number>;
  wildCode: ArrayLike<number>;
  wildFillLen: ArrayLike<number>;
  fills: string;
}

/** Digest of everything the tries are built from. */
export function triesDigest(wordsGz: Buffer, gongwen: Buffer | undefined, params: string): Buffer {
  const h = crypto.createHash('sha1');
  h.update(`gongwen-tries v${VERSION} ${params}\0`);
  h.update(wordsGz);
  h.update('\0');
  if (gongwen) h.update(gongwen);
  return h.digest();
}

const pad4 = (n: number): number => (n + 3) & ~3;

export function encodeTries(a: TrieArrays, digest: Buffer): Buffer {
  const m = a.wildParent.length;
  const f = a.fills.length;
  const size = HEADER + 4 * m + pad4(2 * m) + pad4(2 * m) + pad4(2 * f);
  const buf = Buffer.alloc(size);
  buf.writeUInt32LE(MAGIC, 0);
  buf.writeUInt32LE(VERSION, 4);
  digest.copy(buf, 8, 0, 20);
  buf.writeUInt32LE(m, 28);
  buf.writeUInt32LE(f, 32);
  let off = HEADER;
  const u32 = (get: (i: number) => number, len: number): void => {
    for (let i = 0; i < len; i++) {
      const v = get(i);
      if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`tries: value ${v} out of range`);
      buf.writeUInt32LE(v, off + 4 * i);
    }
    off += 4 * len;
  };
  const u16 = (get: (i: number) => number, len: number): void => {
    for (let i = 0; i < len; i++) buf.writeUInt16LE(get(i), off + 2 * i);
    off += pad4(2 * len);
  };
  // Parents as the distance to the child (small numbers: compress well).
  u32((i) => (i === 0 ? 0 : i - a.wildParent[i]), m);
  u16((i) => a.wildCode[i], m);
  u16((i) => a.wildFillLen[i], m);
  u16((i) => a.fills.charCodeAt(i), f);
  if (off !== size) throw new Error('tries: size mismatch');
  return buf;
}

/** The arrays of an inflated tries file, or undefined when it is not one or its digest differs. */
export function decodeTries(raw: Buffer, digest: Buffer): TrieArrays | undefined {
  if (os.endianness() !== 'LE' || raw.length < HEADER) return undefined;
  if (raw.readUInt32LE(0) !== MAGIC || raw.readUInt32LE(4) !== VERSION) return undefined;
  if (!raw.subarray(8, 28).equals(digest.subarray(0, 20))) return undefined;
  if (raw.byteOffset % 4 !== 0) raw = Buffer.from(raw); // typed-array views need alignment
  const m = raw.readUInt32LE(28);
  const f = raw.readUInt32LE(32);
  const size = HEADER + 4 * m + pad4(2 * m) + pad4(2 * m) + pad4(2 * f);
  if (raw.length !== size) return undefined;
  const ab = raw.buffer;
  let off = raw.byteOffset + HEADER;
  const take = <T>(make: (o: number) => T, bytes: number): T => {
    const v = make(off);
    off += pad4(bytes);
    return v;
  };
  const wildDelta = take((o) => new Uint32Array(ab, o, m), 4 * m);
  const wildCode = take((o) => new Uint16Array(ab, o, m), 2 * m);
  const wildFillLen = take((o) => new Uint16Array(ab, o, m), 2 * m);
  const fillsStart = off;
  const fills = Buffer.from(ab, fillsStart, 2 * f).toString('utf16le');
  const wildParent = new Int32Array(m);
  wildParent[0] = -1;
  for (let i = 1; i < m; i++) wildParent[i] = i - wildDelta[i];
  return {
    wildParent,
    wildCode,
    wildFillLen,
    fills,
  };
}
