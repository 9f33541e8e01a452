// Train the detector's character n-gram model of official-document language
// (server/data/lexicon/gongwen-lm.bin, read by server/src/engine/detector/charLm.ts).
//
//   node --max-old-space-size=8192 node_modules/.bin/tsx scripts/lexicon/build-gongwen-lm.ts [--shared ../shared] [--train dir] [--min-count 2] [--out file]
//
// (about 30 s and 5 GB of heap on the full text; --train reads another folder
// of .txt files, as the unit test does with a small one).
//
// Training text: every file of ../shared/corpora/gongwen-train/ (653 published
// central-government documents with every sentence of the odw test and
// development sets cut out; see ../shared/README.md), in file-name order, one
// sentence per line. Deterministic: the same text gives the same bytes.
//
// Method: interpolated modified Kneser-Ney (Chen & Goodman 1998) of order
// ORDER, written in back-off form: the stored cost of a seen n-gram is its
// interpolated probability, the back-off weight of a history is the mass its
// discounts set aside (γ). Adjusted counts: raw counts at the highest order
// and for n-grams that start a sentence, continuation counts (number of
// distinct left neighbours) below. Three discounts per order from the
// count-of-counts. N-grams of order 3 and up seen fewer than --min-count
// times are pruned after the probabilities are computed (a pruned n-gram
// backs off to its history's γ times the shorter estimate).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { BOS, BO_STEP, EOS, ORDER, PROB_STEP, encodeCharLm, fingerprint, hashGram, normCode, packSlot, type HashTable } from '../../server/src/engine/detector/charLm';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}
const root = path.resolve(__dirname, '../..');
const shared = path.resolve(arg('--shared', path.join(root, '../shared')));
const minCount = Number(arg('--min-count', '2'));
const out = arg('--out', path.join(root, 'server/data/lexicon/gongwen-lm.bin'));
const trainDir = path.resolve(arg('--train', path.join(shared, 'corpora/gongwen-train')));

/** The model's code sequence of a line: normalised code units, whitespace dropped. */
function lineCodes(line: string): number[] {
  const codes: number[] = [BOS];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x0d) continue;
    codes.push(normCode(c));
  }
  codes.push(EOS);
  return codes;
}

const t0 = Date.now();
const files = fs.readdirSync(trainDir).filter((f) => f.endsWith('.txt')).sort();
const raw: Array<Map<string, number>> = [];
for (let n = 0; n <= ORDER; n++) raw.push(new Map());
let chars = 0;
let lines = 0;
for (const f of files) {
  for (const line of fs.readFileSync(path.join(trainDir, f), 'utf8').split('\n')) {
    const codes = lineCodes(line);
    if (codes.length <= 2) continue;
    lines++;
    chars += codes.length - 2;
    const s = String.fromCharCode(...codes);
    for (let n = 1; n <= ORDER; n++) {
      const m = raw[n];
      for (let k = n - 1; k < s.length; k++) {
        const g = s.slice(k - n + 1, k + 1);
        m.set(g, (m.get(g) ?? 0) + 1);
      }
    }
  }
}
console.log(`${files.length} files, ${lines} lines, ${chars} characters; counted in ${Date.now() - t0} ms`);
for (let n = 1; n <= ORDER; n++) console.log(`  order ${n}: ${raw[n].size} n-grams`);

const BOS_S = String.fromCharCode(BOS);

// Adjusted counts.
const adj: Array<Map<string, number>> = [new Map()];
for (let n = 1; n <= ORDER; n++) {
  if (n === ORDER) {
    adj.push(raw[n]);
    continue;
  }
  const a = new Map<string, number>();
  for (const g of raw[n + 1].keys()) {
    const suffix = g.slice(1);
    a.set(suffix, (a.get(suffix) ?? 0) + 1);
  }
  for (const [g, c] of raw[n]) {
    if (g.startsWith(BOS_S) || !a.has(g)) a.set(g, c);
  }
  adj.push(a);
}

// Discounts per order.
const D: Array<[number, number, number]> = [[0, 0, 0]];
for (let n = 1; n <= ORDER; n++) {
  const cc = [0, 0, 0, 0, 0];
  for (const c of adj[n].values()) if (c <= 4) cc[c]++;
  const Y = cc[1] / (cc[1] + 2 * cc[2]);
  const d1 = 1 - (2 * Y * cc[2]) / cc[1];
  const d2 = 2 - (3 * Y * cc[3]) / cc[2];
  const d3 = 3 - (4 * Y * cc[4]) / cc[3];
  // A small text may lack some count-of-counts: then fixed, conservative discounts.
  const ok = [d1, d2, d3].every((d, i) => Number.isFinite(d) && d > 0 && d < i + 1);
  D.push(ok ? [d1, d2, d3] : [0.5, 1, 1.5]);
  console.log(`  order ${n}: discounts ${D[n].map((d) => d.toFixed(3)).join(' ')}`);
}
const disc = (n: number, c: number): number => (c >= 3 ? D[n][2] : c === 2 ? D[n][1] : D[n][0]);

// Per history: total adjusted count and the discounted mass (γ numerator).
const prob: Array<Map<string, number>> = [new Map()];
const gamma = new Map<string, number>(); // history (any order) → γ
for (let n = 1; n <= ORDER; n++) {
  const tot = new Map<string, number>();
  const mass = new Map<string, number>();
  for (const [g, c] of adj[n]) {
    if (n === 1 && g === BOS_S) continue;
    const h = g.slice(0, -1);
    tot.set(h, (tot.get(h) ?? 0) + c);
    mass.set(h, (mass.get(h) ?? 0) + disc(n, c));
  }
  for (const [h, t] of tot) gamma.set(h, mass.get(h)! / t);
  const p = new Map<string, number>();
  const vocab = n === 1 ? adj[1].size : 0; // + 1 for the unknown character, − 1 for BOS
  for (const [g, c] of adj[n]) {
    if (n === 1 && g === BOS_S) continue;
    const h = g.slice(0, -1);
    const lower = n === 1 ? 1 / vocab : prob[n - 1].get(g.slice(1))!;
    p.set(g, (c - disc(n, c)) / tot.get(h)! + gamma.get(h)! * lower);
  }
  prob.push(p);
}

// Keep, quantise, hash.
const kept: string[] = [];
for (let n = 1; n <= ORDER; n++) {
  for (const [g, c] of raw[n]) if (n <= 2 || c >= minCount) kept.push(g);
}
kept.sort();

/** An open-addressing table of the given n-grams (in sorted order, so the layout is deterministic). */
function table(grams: string[]): HashTable & { maxProbe: number } {
  let slots = 1;
  while (slots < grams.length / 0.5) slots *= 2;
  const slot = new Uint32Array(slots);
  const codes: number[] = [];
  let maxProbe = 0;
  for (const g of grams) {
    codes.length = 0;
    for (let i = 0; i < g.length; i++) codes.push(g.charCodeAt(i));
    const [h1, h2] = hashGram(codes, 0, codes.length);
    let s = h1 & (slots - 1);
    let probe = 0;
    while (slot[s] !== 0) {
      s = (s + 1) & (slots - 1);
      probe++;
    }
    maxProbe = Math.max(maxProbe, probe);
    const p = prob[g.length].get(g);
    const costByte = p === undefined ? 255 : Math.min(255, Math.round(-Math.log(p) / PROB_STEP));
    const gm = gamma.get(g);
    const boByte = gm === undefined ? 0 : Math.min(255, Math.max(0, Math.round(-Math.log(gm) / BO_STEP)));
    slot[s] = packSlot(fingerprint(h2), costByte, boByte);
  }
  return { slots, mask: slots - 1, slot, maxProbe };
}
const main = table(kept);
const low = table(kept.filter((g) => g.length <= 2));
const buf = encodeCharLm(main, low, kept.length);
fs.writeFileSync(out, buf);
console.log(`${kept.length} n-grams kept (min count ${minCount} from order 3), ${main.slots} + ${low.slots} slots, longest probe ${main.maxProbe}; ${buf.length} bytes → ${path.relative(root, out)}; ${Date.now() - t0} ms`);
