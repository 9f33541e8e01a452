#!/usr/bin/env node
// Review aid for dictionary entries (not a test): flags wrong forms that are
// words themselves or occur inside longer words of a word list.
//
//   node scripts/dictionary/review/check-entries.mjs [--source gongwen] \
//     [--jieba path/to/jieba.dict.utf8] [--min-freq 30] [--risk 30]
//
// Word lists: jieba's dictionary (from the npm package nodejieba, see
// scripts/lexicon/build-lexicon.mjs) and ../shared/lexicons/ecspell/公文写作.txt.
// Conditional entries are checked too, but their conditions are not applied:
// read each flag and decide (drop, condition, or keep when the hit is rare).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..', '..');
const arg = (name, dflt) => {
  const k = process.argv.indexOf(name);
  return k > 0 ? process.argv[k + 1] : dflt;
};
const source = arg('--source', 'gongwen');
const minFreq = Number(arg('--min-freq', '30'));
const jiebaPath = arg('--jieba', '/tmp/jb/package/submodules/cppjieba/dict/jieba.dict.utf8');
const gwPath = path.resolve(root, '../shared/lexicons/ecspell/公文写作.txt');

const words = new Map();
if (fs.existsSync(jiebaPath)) {
  for (const line of fs.readFileSync(jiebaPath, 'utf8').split('\n')) {
    const [w, f] = line.split(' ');
    if (w && /[\u4e00-\u9fff]/.test(w)) words.set(w, Number(f));
  }
} else console.error(`no jieba dictionary at ${jiebaPath}`);
if (fs.existsSync(gwPath)) {
  for (const line of fs.readFileSync(gwPath, 'utf8').split('\n')) {
    const w = line.split('\t')[0].trim();
    if (w && !words.has(w)) words.set(w, 1000);
  }
}

const dir = path.join(root, 'server/data/dictionary');
const entries = [];
for (const f of fs.readdirSync(dir)) {
  const d = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  for (const e of d.entries) if ((e.source ?? d.source) === source) entries.push(e);
}
const wrongs = entries.map((e) => e.wrong);
// Index substrings of words (length 2..4) -> words containing them.
const want = new Set(wrongs);
const inside = new Map();
for (const [w, f] of words) {
  if (f < minFreq || w.length < 3) continue;
  for (let i = 0; i < w.length; i++) {
    for (let L = 2; L <= 4 && i + L <= w.length; L++) {
      const sub = w.slice(i, i + L);
      if (sub === w || !want.has(sub)) continue;
      if (!inside.has(sub)) inside.set(sub, []);
      inside.get(sub).push(`${w}:${f}`);
    }
  }
}
// Boundary risk of two-character wrong forms AB: how likely a word ending in
// A is followed by a word starting with B (unigram estimate from the word
// list), per million word pairs. High values deserve a condition.
const endMass = new Map();
const startMass = new Map();
let total = 0;
for (const [w, f] of words) {
  if (f < 1) continue;
  total += f;
  const a = w[w.length - 1];
  const b = w[0];
  endMass.set(a, (endMass.get(a) ?? 0) + f);
  startMass.set(b, (startMass.get(b) ?? 0) + f);
}
const boundaryRisk = (w) =>
  w.length === 2 ? (((endMass.get(w[0]) ?? 0) / total) * ((startMass.get(w[1]) ?? 0) / total)) * 1e6 : 0;
const riskMin = Number(arg('--risk', '30'));
let flagged = 0;
for (const e of entries) {
  const cond = e.precededBy || e.followedBy || e.notPrecededBy || e.notFollowedBy ? ' [cond]' : '';
  const flags = [];
  if ((words.get(e.wrong) ?? 0) >= minFreq) flags.push(`WORD freq ${words.get(e.wrong)}`);
  const ins = inside.get(e.wrong);
  if (ins) flags.push(`IN ${ins.slice(0, 6).join(' ')}${ins.length > 6 ? ` …(${ins.length})` : ''}`);
  const risk = boundaryRisk(e.wrong);
  if (!cond && risk >= riskMin) flags.push(`BOUNDARY risk ${risk.toFixed(0)} per million word pairs`);
  if (flags.length) {
    flagged++;
    console.log(`${e.wrong}→${[].concat(e.right).join('|')}${cond}: ${flags.join('; ')}`);
  }
}
console.error(`${entries.length} entries of source ${source}, ${flagged} flagged`);
