#!/usr/bin/env node
// Builds the detector's context model (server/data/lexicon/context.bin.gz): a
// word bigram language model with back-off, pruned and re-encoded from the
// open-gram model that SunPinyin ships (Debian package `sunpinyin-data`,
// CC BY-SA 3.0; see THIRD_PARTY_NOTICES.md). The model was trained by its
// authors on general Chinese text; nothing of ../shared/corpora is read here.
//
// The generated file is committed, so a fresh clone never needs this script.
// To regenerate (Debian):
//   apt-get install sunpinyin-data sunpinyin-utils
//   node scripts/lexicon/build-context-model.mjs
//
// What is kept: every unigram (cost and back-off weight) and the bigrams that
// say something the back-off estimate does not: those whose cost is at least
// MIN_GAIN nats below bo(w1) + cost(w2). Trigrams are dropped (size).
//
// File layout (little-endian, then gzip):
//   'GWLM' u32 version=1, u32 V, u32 B
//   u32 vocabBytes, vocab: UTF-8 words joined by '\n' (id = line number)
//   u16[V] unigram cost × 1000, i16[V] back-off cost × 1000
//   per w1 in id order: varint count, then count varints of w2 - previous w2
//   u8[B] bigram cost × 8 (clamped to 255), in the same order

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dataDir = process.env.SUNPINYIN_DATA ?? '/usr/lib/x86_64-linux-gnu/sunpinyin/data';
const lmFile = path.join(dataDir, 'lm_sc.t3g');
const dictFile = path.join(dataDir, 'pydict_sc.bin');
const outFile = path.join(root, 'server/data/lexicon/context.bin.gz');
const MIN_GAIN = 5;

for (const f of [lmFile, dictFile]) {
  if (!fs.existsSync(f)) {
    console.error(`${f} not found: apt-get install sunpinyin-data sunpinyin-utils (see the header of this script)`);
    process.exit(1);
  }
}

// pydict_sc.bin: u32 word count, u32 node count, u32 offset of the string
// table; the table holds the words in id order as NUL-terminated UTF-32.
function readWords(file) {
  const buf = fs.readFileSync(file);
  const count = buf.readUInt32LE(0);
  let off = buf.readUInt32LE(8);
  const words = [];
  let cur = [];
  while (words.length < count && off + 4 <= buf.length) {
    const cp = buf.readUInt32LE(off);
    off += 4;
    if (cp === 0) {
      words.push(String.fromCodePoint(...cur));
      cur = [];
    } else cur.push(cp);
  }
  return words;
}

const words = readWords(dictFile);

// tslminfo -v prints the model as ARPA-like text: "\1-gram\N" sections of
// "id cost backoff (..)" and "id1 id2 cost backoff (..)" lines, costs in -ln P.
const uni = new Map(); // original id -> [cost, bo]
const bigrams = []; // [w1, w2, cost]
const child = spawn('tslminfo', ['-v', lmFile], { stdio: ['ignore', 'pipe', 'inherit'] });
let section = 0;
for await (const line of readline.createInterface({ input: child.stdout })) {
  if (line.startsWith('\\')) {
    section = Number(line[1]);
    if (section === 3) break;
    continue;
  }
  const p = line.trim().split(/\s+/);
  if (section === 1) uni.set(Number(p[0]), [Number(p[1]), Number(p[2])]);
  else if (section === 2) bigrams.push([Number(p[0]), Number(p[1]), Number(p[2])]);
}
child.kill();

// New ids: the unigrams with a non-empty word, in original id order.
const ids = [...uni.keys()].filter((id) => words[id]).sort((a, b) => a - b);
const newId = new Map(ids.map((id, i) => [id, i]));
const V = ids.length;
const byW1 = Array.from({ length: V }, () => []);
let B = 0;
for (const [a, b, cost] of bigrams) {
  const x = newId.get(a);
  const y = newId.get(b);
  if (x === undefined || y === undefined) continue;
  if (uni.get(a)[1] + uni.get(b)[0] - cost < MIN_GAIN) continue;
  byW1[x].push([y, cost]);
  B++;
}

const vocab = Buffer.from(ids.map((id) => words[id]).join('\n'), 'utf8');
const head = Buffer.alloc(20);
head.write('GWLM', 0, 'latin1');
head.writeUInt32LE(1, 4);
head.writeUInt32LE(V, 8);
head.writeUInt32LE(B, 12);
head.writeUInt32LE(vocab.length, 16);
const uniCost = Buffer.alloc(V * 2);
const uniBo = Buffer.alloc(V * 2);
ids.forEach((id, i) => {
  const [c, bo] = uni.get(id);
  uniCost.writeUInt16LE(Math.min(65535, Math.round(c * 1000)), i * 2);
  uniBo.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(bo * 1000))), i * 2);
});
const varints = [];
const costs = Buffer.alloc(B);
let k = 0;
const pushVarint = (v) => {
  while (v >= 128) {
    varints.push((v & 127) | 128);
    v >>>= 7;
  }
  varints.push(v);
};
for (const list of byW1) {
  list.sort((p, q) => p[0] - q[0]);
  pushVarint(list.length);
  let prev = 0;
  for (const [y] of list) {
    pushVarint(y - prev);
    prev = y;
  }
  for (const [, c] of list) costs[k++] = Math.min(255, Math.round(c * 8));
}
const out = zlib.gzipSync(Buffer.concat([head, vocab, uniCost, uniBo, Buffer.from(varints), costs]), { level: 9 });
fs.writeFileSync(outFile, out);
console.log(`${path.relative(root, outFile)}: ${V} words, ${B} bigrams (of ${bigrams.length}), ${out.length} bytes`);
