// Confusion pairs listed by the shared public sources that the detector's
// confusion sets (server/data/lexicon/confusion.txt) leave out: ECSpell's
// sound and shape confusion lists (MIT) in either direction, pycorrector's
// same-pinyin and same-stroke lists (Apache-2.0). Written to
// server/data/lexicon/source-pairs.txt (`wrong right sources`, read with the
// learned pairs' parser); the detector tries them as candidates of their own
// kind, with a prior low enough that only overwhelming evidence reports one.
//
//   npx tsx scripts/lexicon/build-source-pairs.ts [--shared ../shared]
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
const rows = [...sources].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([k, s]) => `${k}\t${s.size}`);
fs.writeFileSync(
  out,
  `# wrong\tright\tnumber of sources — pairs of ECSpell soundConfusion/shapeConfusion (MIT) and pycorrector same_pinyin/same_stroke (Apache-2.0) missing from confusion.txt; scripts/lexicon/build-source-pairs.ts\n${rows.join('\n')}\n`,
);
console.log(`${rows.length} pairs → ${path.relative(root, out)}`);
