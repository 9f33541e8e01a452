// In-process speed of the engine (`check`), run by bench/speed/run.mjs in a
// child process of its own: full checks with all default rules, the
// dictionary rule alone, the punctuation category alone, and the typing path
// in-process (check with a BlockCache after one-character edits).
//
// Input: a JSON file (argv[2]) with { docs, warmup, runs, typing }.
// Output: one JSON object on stdout.
//
// The confusable rule keeps its own per-block cache; each timed run passes a
// different accepted word (one that occurs nowhere) so that no run re-uses
// an earlier run's detections and every run checks from scratch.

import * as fs from 'node:fs';
import { check, BlockCache } from '../../server/src/engine/index';
import { defaultConfig, type ResolvedConfig } from '../../server/src/engine/config';
import { getRegistry } from '../../server/src/engine/registry';
import { enableParallelDetection } from '../../server/src/engine/detector/parallel';
import type { Category, DocFormat, Rule } from '../../server/src/engine/types';
import { edits } from './edits';

interface Input {
  docs: Record<string, { file: string; chars: number; ext: string }>;
  warmup: string;
  runs: number;
  full: string[]; // doc keys for full checks
  typing: string[]; // doc keys for the in-process typing path
  edits: number;
  /** The bundled detector worker: full checks again with the detector's second thread (as the CLI runs). */
  workerScript?: string;
}

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Input;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
let runId = 0;

function freshConfig(): ResolvedConfig {
  return { ...defaultConfig(), acceptedWords: [`基准运行专用词${++runId}`] };
}

function formatOf(ext: string): DocFormat {
  return ext === 'md' ? 'markdown' : 'plaintext';
}

interface Series {
  ms: number[];
  findings: number;
  timings: Array<Record<string, number>>;
}

function measure(text: string, format: DocFormat, runs: number, extra: { rules?: Rule[]; only?: Category[] } = {}): Series {
  const out: Series = { ms: [], findings: 0, timings: [] };
  for (let r = 0; r < runs; r++) {
    gc();
    const timings = new Map<string, number>();
    const t0 = performance.now();
    const res = check(text, { format, config: freshConfig(), timings, ...extra });
    out.ms.push(performance.now() - t0);
    if (res.ruleErrors.length) throw new Error(`rule errors: ${res.ruleErrors.map((e) => `${e.ruleId}: ${e.message.split('\n')[0]}`).join('; ')}`);
    out.findings = res.findings.length;
    out.timings.push(Object.fromEntries(timings));
  }
  return out;
}

function typingInProcess(text: string, format: DocFormat, count: number) {
  const cache = new BlockCache();
  const config = defaultConfig();
  check(text, { format, config, cache });
  const ms: number[] = [];
  const timings = new Map<string, number>();
  let k = 0;
  for (const e of edits(text, count + 5)) {
    text = text.slice(0, e.offset) + e.insert + text.slice(e.offset);
    const t0 = performance.now();
    check(text, { format, config, cache, timings: k >= 5 ? timings : undefined });
    if (k++ >= 5) ms.push(performance.now() - t0); // the first 5 warm up
  }
  const perEdit: Record<string, number> = {};
  for (const [key, v] of timings) perEdit[key] = v / count;
  return { ms, timings: perEdit };
}

const registry = getRegistry();
const dictionaryRule = registry.get('typo/dictionary');
if (!dictionaryRule) throw new Error('typo/dictionary not registered');

// Warm up: load the dictionaries and the detector lexicon, compile the rules.
const tw = performance.now();
const warm = check(input.warmup, { format: 'plaintext' });
const warmupMs = performance.now() - tw;
if (warm.ruleErrors.length) throw new Error(`rule errors: ${warm.ruleErrors.map((e) => `${e.ruleId}: ${e.message.split('\n')[0]}`).join('; ')}`);
check(input.warmup, { format: 'markdown', config: freshConfig() });

const result: Record<string, unknown> = {
  warmupMs,
  rules: [...registry.keys()],
  defaultRules: [...registry.values()].length,
  full: {} as Record<string, Series>,
  full2: {} as Record<string, Series>,
  dictionary: {} as Record<string, Series>,
  punctuation: {} as Record<string, Series>,
  typing: {} as Record<string, unknown>,
};
for (const key of input.full) {
  const d = input.docs[key];
  const text = fs.readFileSync(d.file, 'utf8');
  const format = formatOf(d.ext);
  (result.full as Record<string, Series>)[key] = measure(text, format, input.runs);
  (result.dictionary as Record<string, Series>)[key] = measure(text, format, input.runs, { rules: [dictionaryRule] });
  (result.punctuation as Record<string, Series>)[key] = measure(text, format, input.runs, { only: ['punctuation'] });
  process.stderr.write(`  engine ${key} done\n`);
}
if (input.workerScript && input.full.length) {
  if (!enableParallelDetection(input.workerScript)) throw new Error(`cannot start the detector worker ${input.workerScript}`);
  // Warm the worker up (lexicon, compiled code) on the largest document.
  const largest = input.full[input.full.length - 1];
  check(fs.readFileSync(input.docs[largest].file, 'utf8'), { format: formatOf(input.docs[largest].ext), config: freshConfig() });
  for (const key of input.full) {
    const d = input.docs[key];
    (result.full2 as Record<string, Series>)[key] = measure(fs.readFileSync(d.file, 'utf8'), formatOf(d.ext), input.runs);
    process.stderr.write(`  engine ${key}, 2 threads, done\n`);
  }
}
for (const key of input.typing) {
  const d = input.docs[key];
  (result.typing as Record<string, unknown>)[key] = typingInProcess(fs.readFileSync(d.file, 'utf8'), formatOf(d.ext), input.edits);
  process.stderr.write(`  engine typing ${key} done\n`);
}
process.stdout.write(JSON.stringify(result) + '\n');
