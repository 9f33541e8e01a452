// The server's typing path in-process, for profiling: what the language
// server does after an incremental didChange (TextDocument update, check()
// with the document's BlockCache, findings to diagnostics, the JSON of the
// notification), without the stdio round trip and the wait. Uses the same
// documents and seeded edits as bench/speed/typing.ts.
//
//   node --max-semi-space-size=2 --import tsx bench/speed/typing-profile.ts FILE [--edits 200] [--md]
//   (add --cpu-prof --cpu-prof-dir=DIR to profile; the first 5 edits warm up;
//   with --expose-gc, also the heap in use after opening and after the edits)
//
// Prints median / p95 per edit, and the mean time per edit of each check
// phase (check()'s `timings`) that takes more than 0.05 ms.

import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, BlockCache } from '../../server/src/engine/index';
import { defaultConfig } from '../../server/src/engine/config';
import { diagnosticFromFinding } from '../../server/src/lsp-convert';
import { edits } from './edits';

const argv = process.argv.slice(2);
const file = argv[0];
const count = Number(argv[argv.indexOf('--edits') + 1] || 0) || 200;
const format = argv.includes('--md') || file.endsWith('.md') ? 'markdown' : 'plaintext';

let text = fs.readFileSync(file, 'utf8');
const doc = TextDocument.create('file:///bench/doc', format, 1, text);
const cache = new BlockCache();
const config = defaultConfig();

function serve(): number {
  const res = check(doc.getText(), { format, config, cache, timings: k >= 5 ? timings : undefined });
  const diagnostics = res.findings.map((f) => diagnosticFromFinding(f, res.model.lineStarts));
  return JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version: doc.version, diagnostics } }).length;
}

const timings = new Map<string, number>();
let k = 0;
const t0 = performance.now();
serve();
const openMs = performance.now() - t0;
const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc!();
  return (process.memoryUsage().heapUsed / 1e6).toFixed(1);
};
const heapAfterOpen = gc ? heapMB() : undefined;
const ms: number[] = [];
for (const e of edits(text, count + 5)) {
  const pos = doc.positionAt(e.offset);
  text = text.slice(0, e.offset) + e.insert + text.slice(e.offset);
  const t = performance.now();
  TextDocument.update(doc, [{ range: { start: pos, end: pos }, text: e.insert }], doc.version + 1);
  serve();
  if (k++ >= 5) ms.push(performance.now() - t);
}
if (doc.getText() !== text) throw new Error('document out of step');
const sorted = [...ms].sort((a, b) => a - b);
const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
process.stdout.write(`${file} (${format}): open ${openMs.toFixed(0)} ms; per edit median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, max ${q(1).toFixed(2)} ms (n=${ms.length})\n`);
const phases = [...timings].map(([p, v]) => [p, v / ms.length] as const).filter(([, v]) => v > 0.05).sort((a, b) => b[1] - a[1]);
for (const [p, v] of phases) process.stdout.write(`  ${v.toFixed(2).padStart(6)} ms  ${p}\n`);
if (gc) process.stdout.write(`heap in use: ${heapAfterOpen} MB after opening, ${heapMB()} MB after ${ms.length + 5} edits\n`);
