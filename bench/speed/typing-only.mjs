#!/usr/bin/env node
// The typing part of `npm run bench` alone: the server's keystroke →
// publishDiagnostics time on the same documents and edits as the full
// benchmark (bench/speed/typing.ts), without the package, engine, CLI and
// peer steps. Uses the current dist/server.js (run `npm run build` first).
//
//   node bench/speed/typing-only.mjs [--keys 100k.md,100k.txt] [--edits 60] [--reps 1] [--no-net] [--rss]
//
// Prints median / p95 per document, with the adaptive wait and net of it
// (wait 0), for each repetition and pooled over the repetitions. --rss also
// reads the server's memory after opening the 1M document (as the full
// benchmark does); --keys '' skips the typing part.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const keys = opt('keys', '10k.txt,100k.txt,10k.md,100k.md').split(',').filter(Boolean);
const rss = argv.includes('--rss');
const editCount = Number(opt('edits', '60'));
const reps = Number(opt('reps', '1'));
const net = !argv.includes('--no-net');
const corpusDir = path.resolve(opt('corpus', path.join(root, '../shared/corpora/gov-docs')));
const work = path.join(root, 'bench/results/speed-typing');
fs.mkdirSync(work, { recursive: true });

const corpus = buildCorpus(corpusDir, path.join(work, 'docs'), rss ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]);
const input = path.join(work, 'typing-input.json');
fs.writeFileSync(input, JSON.stringify({ docs: corpus.docs, typing: keys, edits: editCount, net, rss: rss ? '1M.txt' : undefined }));

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const fmt = (a) => (a?.length ? `${median(a).toFixed(1)} / ${p95(a).toFixed(1)}` : '–');

const pooled = {};
for (let r = 0; r < reps; r++) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/speed/typing.ts'), input], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (res.status !== 0) throw new Error(`typing.ts failed (status ${res.status})`);
  const out = JSON.parse(res.stdout.trim().split('\n').pop());
  const line = [`rep ${r + 1}:`];
  for (const k of keys) {
    const t = out.typing[k];
    (pooled[k] ??= { adaptive: [], net: [] }).adaptive.push(...t.adaptive.ms);
    if (t.net) pooled[k].net.push(...t.net.ms);
    line.push(`${k} ${fmt(t.adaptive.ms)}${t.net ? ` (net ${fmt(t.net.ms)})` : ''}`);
  }
  if (out.rss) {
    const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
    for (const [what, m] of [['as shipped', out.rss], ['whole document', out.rssWhole]])
      line.push(`RSS after opening 1M.txt (${what}): ${mb(m.afterOpen.rssKB)}, peak ${mb(m.afterOpen.hwmKB)}, open ${m.openMs.toFixed(0)} ms`);
  }
  process.stdout.write(line.join('  ') + '\n');
}
if (keys.length) process.stdout.write(`median / p95 (ms) pooled over ${reps} rep(s) of ${editCount} edits:\n`);
for (const k of keys) process.stdout.write(`  ${k.padEnd(9)} adaptive ${fmt(pooled[k].adaptive)}${net ? `   net ${fmt(pooled[k].net)}` : ''}\n`);
