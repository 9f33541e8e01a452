// Typo-dictionary benchmark (not a test): false alarms of typo/dictionary on
// the published gov-docs corpus, load and compile time of the built-in
// dictionary, and matching throughput.
//
//   npx tsx bench/typo-dictionary.ts [--shared ../shared] [--list] [--level error,warning]
//
// Every hit on gov-docs is printed with its context (published text: each hit
// is a false alarm unless the standard shows the text is wrong). The corpus is
// used for measuring only: a bad entry is dropped or conditioned in general,
// never given an exception for a corpus sentence.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

function arg(name: string, def?: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}
const root = path.resolve(__dirname, '..');
const shared = path.resolve(arg('--shared', path.resolve(root, '../shared'))!);
const levels = new Set((arg('--level', 'error,warning,info') ?? '').split(','));

// 1. Load + compile (first use, as in the language server).
const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dict = require('../server/src/engine/dictionary') as typeof import('../server/src/engine/dictionary');
const t1 = performance.now();
const loaded = dict.getBuiltinDictionary();
const t2 = performance.now();
const matcher = dict.getBuiltinMatcher();
const t3 = performance.now();
const byLevel: Record<string, number> = {};
const bySource: Record<string, number> = {};
for (const e of loaded.entries) {
  byLevel[e.level] = (byLevel[e.level] ?? 0) + 1;
  bySource[e.source] = (bySource[e.source] ?? 0) + 1;
}
console.log(`entries: ${loaded.entries.length}  by level ${JSON.stringify(byLevel)}`);
console.log(`by source ${JSON.stringify(bySource)}`);
console.log(
  `load: require modules ${(t1 - t0).toFixed(1)} ms, read+validate JSON ${(t2 - t1).toFixed(1)} ms, ` +
    `compile automaton ${(t3 - t2).toFixed(1)} ms, total ${(t3 - t0).toFixed(1)} ms`,
);

// 2. gov-docs: blocks as the rule sees them (plain-text model).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildTextModel } = require('../server/src/engine/textModel') as typeof import('../server/src/engine/textModel');
const dir = path.join(shared, 'corpora/gov-docs');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
let chars = 0;
let hits = 0;
const blocks: string[] = [];
const perEntry = new Map<string, number>();
const lines: string[] = [];
for (const f of files) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  chars += [...text.replace(/\s/g, '')].length;
  for (const b of buildTextModel(text, 'plaintext').blocks) {
    blocks.push(b.text);
    for (const m of matcher.match(b.text)) {
      if (!levels.has(m.entry.level)) continue;
      hits++;
      const key = `${m.entry.wrong}→${m.entry.right.join('|')} [${m.entry.level}, ${m.entry.source}]`;
      perEntry.set(key, (perEntry.get(key) ?? 0) + 1);
      lines.push(`${key}\t${f}\t…${b.text.slice(Math.max(0, m.start - 15), m.end + 15)}…`);
    }
  }
}
console.log(
  `\ngov-docs: ${files.length} files, ${chars} non-space characters, ${hits} hits (levels ${[...levels].join(',')}) = ` +
    `${((hits / chars) * 10000).toFixed(3)} per 10,000 characters`,
);
for (const [k, n] of [...perEntry].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${k}`);
if (process.argv.includes('--list')) for (const l of lines) console.log(`    ${l}`);

// 3. Throughput: the first 1,000,000 characters of the corpus blocks, matched block by block.
const sample: string[] = [];
let n = 0;
for (const b of blocks) {
  if (n >= 1_000_000) break;
  const piece = b.slice(0, 1_000_000 - n);
  sample.push(piece);
  n += piece.length;
}
let best = Infinity;
for (let round = 0; round < 5; round++) {
  const s = performance.now();
  let found = 0;
  for (const b of sample) found += matcher.match(b).length;
  const ms = performance.now() - s;
  if (ms < best) best = ms;
  if (found < 0) console.log(found);
}
console.log(`\nthroughput: ${n} characters in ${sample.length} blocks, best of 5: ${best.toFixed(1)} ms (${((n / best) * 1000 / 1e6).toFixed(1)} M chars/s)`);
