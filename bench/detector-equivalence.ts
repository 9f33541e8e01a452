// Equivalence and speed check of the confusable-character detector.
//
//   npx tsx bench/detector-equivalence.ts --record   # save reference findings to /tmp
//   npx tsx bench/detector-equivalence.ts            # compare against them, print speed
//
// Inputs (measurement only, never used to derive rules or data):
//   (a) /work/shared/corpora/gov-docs/*.txt concatenated in sorted order, cut
//       to 1,000,000 UTF-16 units, checked line by line (one block per line);
//   (b) the sentences (second column) of ecspell-odw/odw.train.
// The findings are written as one JSON line per block with findings; the check
// fails (exit 1) unless they are byte-for-byte identical to the recorded ones.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { detect } from '../server/src/engine/detector/detect';
import { getLexicon } from '../server/src/engine/detector/lexicon';
import { govDocsText } from './gov-docs.mjs';

const shared = process.env.GONGWEN_SHARED ?? '/work/shared';
const GOV = path.join(shared, 'corpora/gov-docs');
const ODW = path.join(shared, 'corpora/ecspell-odw/odw.train');
const REF_GOV = '/tmp/detector-ref-gov.jsonl';
const REF_ODW = '/tmp/detector-ref-odw.jsonl';
// A more sensitive check: odw.train with a low threshold and no support rule.
const REF_LOW = '/tmp/detector-ref-odw-low.jsonl';
const SIZE = 1_000_000;

function govInput(): string {
  let { text } = govDocsText(GOV, SIZE);
  let end = Math.min(SIZE, text.length);
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  text = text.slice(0, end);
  return text;
}

function odwInput(): string[] {
  return fs
    .readFileSync(ODW, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t')[1] ?? '');
}

function run(blocks: string[], low = false): { out: string; ms: number; cpu: number } {
  const lines: string[] = [];
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const results = blocks.map((b) => (low ? detect(b, { minScore: 2, support: false }) : detect(b)));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  results.forEach((r, i) => {
    if (r.length) lines.push(JSON.stringify({ block: i, findings: r }));
  });
  return { out: lines.join('\n') + '\n', ms, cpu };
}

function main(): void {
  const record = process.argv.includes('--record');
  const reps = Number(process.env.REPS ?? 1);
  // Run with node --expose-gc for a heap figure after garbage collection.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const h0 = process.memoryUsage().heapUsed;
  const b0 = process.memoryUsage().arrayBuffers;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  getLexicon();
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const lc = process.cpuUsage(c0);
  gc?.();
  const heap = (process.memoryUsage().heapUsed - h0) / 2 ** 20;
  const buffers = (process.memoryUsage().arrayBuffers - b0) / 2 ** 20;
  console.log(`lexicon load: ${loadMs.toFixed(0)} ms (CPU ${((lc.user + lc.system) / 1000).toFixed(0)} ms), heap +${heap.toFixed(1)} MiB, array buffers +${buffers.toFixed(1)} MiB`);

  const gov = govInput();
  const govBlocks = gov.split('\n');
  const odw = odwInput();
  let ok = true;
  const odwChars = odw.reduce((s, x) => s + x.length, 0);
  for (const [name, blocks, ref, chars, low] of [
    ['gov-docs 1M', govBlocks, REF_GOV, gov.length, false],
    ['odw.train', odw, REF_ODW, odwChars, false],
    ['odw.train minScore 2', odw, REF_LOW, odwChars, true],
  ] as const) {
    const times: number[] = [];
    const cpus: number[] = [];
    let out = '';
    for (let r = 0; r < reps; r++) {
      const res = run(blocks as string[], low);
      times.push(res.ms);
      cpus.push(res.cpu);
      out = res.out;
    }
    times.sort((a, b) => a - b);
    cpus.sort((a, b) => a - b);
    const ms = times[Math.floor(times.length / 2)];
    const cpu = cpus[Math.floor(cpus.length / 2)];
    const n = out.split('\n').filter(Boolean).length;
    console.log(`${name}: ${chars} chars, ${ms.toFixed(0)} ms (median of ${reps}), ${Math.round(chars / (ms / 1000)).toLocaleString('en')} chars/s (CPU time ${cpu.toFixed(0)} ms: ${Math.round(chars / (cpu / 1000)).toLocaleString('en')} chars/s), ${n} blocks with findings`);
    if (record) {
      fs.writeFileSync(ref, out);
      console.log(`  recorded ${ref}`);
    } else {
      const want = fs.readFileSync(ref, 'utf8');
      if (want === out) console.log('  identical to', ref);
      else {
        ok = false;
        fs.writeFileSync(ref + '.new', out);
        console.log(`  DIFFERENT from ${ref} (new output in ${ref}.new)`);
      }
    }
  }
  if (!ok) process.exit(1);
}

main();
