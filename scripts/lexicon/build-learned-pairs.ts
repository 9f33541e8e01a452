// Confusion pairs learned from the training lines of ECSpell's odw.train
// (server/data/lexicon/learned-pairs.txt, read by the detector's character
// model stage as extra candidates and pair weights).
//
//   npx tsx scripts/lexicon/build-learned-pairs.ts [--shared ../shared]
//
// Only the training lines are read (0-based line index % 5 != 4); the
// development lines (index % 5 == 4) are where figures are reported, and the
// rest of the source is held out (../shared/README.md). A pair is a wrong
// character and the character the correct sentence has at the same place, in
// sentence pairs of equal length. Output: one line per pair, `wrong right
// count`, sorted; deterministic.

import * as fs from 'node:fs';
import * as path from 'node:path';

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}
const root = path.resolve(__dirname, '../..');
const shared = path.resolve(arg('--shared', path.join(root, '../shared')));
const out = arg('--out', path.join(root, 'server/data/lexicon/learned-pairs.txt'));
const lines = fs.readFileSync(path.join(shared, 'corpora/ecspell-odw/odw.train'), 'utf8').split('\n').filter((l) => l.length > 0);
const counts = new Map<string, number>();
let used = 0;
lines.forEach((line, idx) => {
  if (idx % 5 === 4) return; // development line: never learned from
  const [, wrong, right] = line.split('\t');
  if (!wrong || !right || wrong.length !== right.length) return;
  used++;
  for (let i = 0; i < wrong.length; i++) {
    if (wrong[i] === right[i]) continue;
    const key = `${wrong[i]}\t${right[i]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
});
const rows = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, n]) => `${k}\t${n}`);
fs.writeFileSync(out, `# wrong\tright\tcount — learned from the training lines of odw.train (ECSpell, MIT); scripts/lexicon/build-learned-pairs.ts\n${rows.join('\n')}\n`);
console.log(`${used} training lines, ${rows.length} pairs → ${path.relative(root, out)}`);
