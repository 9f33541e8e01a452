// Equivalence of the typing-path optimisations (measurement only): the
// findings, text model and structure that check() gives on every gov-docs
// file (as plain text, and as Markdown with one paragraph per line), every
// file under test/fixtures and the typing benchmark's documents, with and
// without a BlockCache, and after seeded edits through one BlockCache.
//
//   npx tsx bench/speed/model-equivalence.ts record   # write the reference digests
//   npx tsx bench/speed/model-equivalence.ts verify   # compare; exit 1 on any difference
//
// Output: $MODEL_EQ_DIR (default /tmp/model-eq). The corpus is used for
// measuring only.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { check, BlockCache, type CheckResult } from '../../server/src/engine/index';
import type { DocFormat } from '../../server/src/engine/types';
import { edits } from './edits';
import { govDocsText } from '../gov-docs.mjs';

const ROOT = path.resolve(__dirname, '../..');
const OUT = process.env.MODEL_EQ_DIR ?? '/tmp/model-eq';
const CORPUS = '/work/shared/corpora/gov-docs';
const mode = process.argv[2];
if (mode !== 'record' && mode !== 'verify') {
  process.stderr.write('usage: model-equivalence.ts record|verify\n');
  process.exit(2);
}

function plain(r: CheckResult) {
  const m = r.model;
  return {
    findings: r.findings,
    model: {
      blocks: m.blocks.map((b) => ({ ...b, offsets: Array.from(b.offsets) })),
      lines: m.lines.map((l) => ({ ...l, offsets: Array.from(l.offsets) })),
      comments: m.comments,
      frontMatter: m.frontMatter,
      frontMatterError: m.frontMatterError,
      notice: m.notice,
      lineStarts: m.lineStarts,
    },
    structure: r.structure,
  };
}

function digest(r: CheckResult): string {
  return crypto.createHash('sha1').update(JSON.stringify(plain(r))).digest('hex');
}

function inputs(): Array<{ name: string; text: string; format: DocFormat }> {
  const out: Array<{ name: string; text: string; format: DocFormat }> = [];
  for (const f of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort()) {
    const t = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    out.push({ name: `gov/${f}`, text: t, format: 'plaintext' });
    const md = t
      .replace(/^\uFEFF/, '')
      .split(/\r\n?|\n/)
      .filter((l) => l.trim())
      .join('\n\n');
    out.push({ name: `gov/${f}.md`, text: md, format: 'markdown' });
  }
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const f of walk(path.join(ROOT, 'test/fixtures')).sort()) {
    if (!/\.(md|txt)$/.test(f)) continue;
    out.push({ name: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8'), format: f.endsWith('.md') ? 'markdown' : 'plaintext' });
  }
  return out;
}

/** The typing benchmark's documents (bench/speed/corpus.mjs), built the same way. */
function benchDocs(): Array<{ name: string; text: string; format: DocFormat }> {
  const { text: txt } = govDocsText(CORPUS, 220_000);
  const md = txt
    .split('\n')
    .filter((l) => l.trim())
    .join('\n\n');
  return [
    { name: 'bench/100k.txt', text: txt.slice(0, 100_000), format: 'plaintext' },
    { name: 'bench/100k.md', text: md.slice(0, 100_000), format: 'markdown' },
  ];
}

const digests: Record<string, string> = {};
let mismatches = 0;
const t0 = Date.now();
const all = inputs();
for (const { name, text, format } of all) {
  const fresh = check(text, { format });
  const d = digest(fresh);
  // the typing path: a check through a BlockCache, twice (the second answers from the cache)
  const cache = new BlockCache();
  const c1 = digest(check(text, { format, cache }));
  const c2 = digest(check(text, { format, cache }));
  if (c1 !== d || c2 !== d) {
    mismatches++;
    process.stderr.write(`cached check differs from a fresh one: ${name}\n`);
  }
  digests[name] = d;
}
process.stderr.write(`${all.length} documents checked (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);

// Seeded edits through one BlockCache, on the benchmark documents and on the
// Markdown fixtures: every step's result must equal a fresh check's.
const typingDocs = [...benchDocs(), ...all.filter((d) => d.name.startsWith('test/fixtures') && d.format === 'markdown')];
const inserts = ['的', '，', '\n', '\n\n', '# ', '1. ', '> ', '*', '`', '- ', '---\n', '（一）', '附件：', '<!-- x -->'];
for (const doc of typingDocs) {
  const cache = new BlockCache();
  let text = doc.text;
  check(text, { format: doc.format, cache });
  let k = 0;
  const steps = doc.name.startsWith('bench/') ? 40 : 25;
  for (const e of edits(text, steps, 99)) {
    const insert = k % 3 === 2 ? inserts[(k * 7) % inserts.length] : e.insert;
    text = text.slice(0, e.offset) + insert + text.slice(e.offset);
    const viaCache = digest(check(text, { format: doc.format, cache }));
    const fresh = digest(check(text, { format: doc.format }));
    if (viaCache !== fresh) {
      mismatches++;
      process.stderr.write(`edit ${k} of ${doc.name}: the cached check differs from a fresh one\n`);
    }
    digests[`${doc.name}#edit${k}`] = fresh;
    k++;
  }
}

fs.mkdirSync(OUT, { recursive: true });
const file = path.join(OUT, 'digests.json');
if (mode === 'record') {
  fs.writeFileSync(file, JSON.stringify(digests, null, 1));
  process.stderr.write(`recorded ${Object.keys(digests).length} digests to ${file}\n`);
} else {
  const ref = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  for (const k of new Set([...Object.keys(ref), ...Object.keys(digests)])) {
    if (ref[k] !== digests[k]) {
      mismatches++;
      process.stderr.write(`differs from the reference: ${k}\n`);
    }
  }
  process.stderr.write(`${Object.keys(digests).length} digests compared\n`);
}
process.stderr.write(mismatches ? `${mismatches} mismatches\n` : 'all identical\n');
process.exit(mismatches ? 1 : 0);
