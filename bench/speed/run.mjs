#!/usr/bin/env node
// `npm run bench`: Gongwen's speed, memory and size, side by side with the
// tools a user would otherwise pick, printed as one table.
//
//   npm run bench [-- --quick] [-- --no-package] [-- --no-peers] [-- --no-typing] [-- --no-activation]
//
//   --quick       10k and 100k only, fewer runs (a smoke test, not figures to quote)
//   --no-package  skip `npm run package` (no .vsix size); builds dist with `npm run build`
//   --no-peers    skip textlint + prh and zhlint
//   --no-typing   skip the server (typing path, memory)
//   --no-activation  skip the extension's activation in a real VS Code
//
// Steps, each in a child process of its own: `npm run package` (the shipped,
// minified bundles, which are then measured, and the .vsix size; the normal
// build is restored at the end), the documents (bench/speed/corpus.mjs), the
// engine in-process (bench/speed/engine.ts, bundled with esbuild as the
// server is), the CLI and textlint as whole processes, the peers in-process
// (bench/speed/peers.mjs), the typing path and memory through the server
// (bench/speed/typing.ts), Word documents through the CLI (a 100-page .docx
// written with the `docx` package the exporter uses: `check` and `review` as
// whole processes), the client bundle's load time with a vscode
// stand-in and the extension's activation in a real VS Code (code-server,
// 3 fresh sessions; skipped with a note when scripts/e2e/setup.sh has not
// run) (bench/speed/activation.mjs). Raw results go to bench/results/.
// Timings on a shared machine are noisy: medians, with min–max.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildCorpus, SIZES, sizeLabel } from './corpus.mjs';
import { toPrh, dictionaryFiles } from '../to-prh.mjs';
import { stringify } from 'yaml';
import { Document, Packer, Paragraph, TextRun, AlignmentType } from 'docx';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const results = path.join(root, 'bench/results');
const work = path.join(results, 'speed');
fs.mkdirSync(work, { recursive: true });

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const doPackage = !argv.includes('--no-package');
const doPeers = !argv.includes('--no-peers');
const doTyping = !argv.includes('--no-typing');
const doActivation = !argv.includes('--no-activation');
const ACTIVATION_SESSIONS = 3; // fresh VS Code sessions, 10–15 s each
const sizes = quick ? SIZES.slice(0, 2) : SIZES;
const RUNS = quick ? 3 : 5; // in-process runs
const CLI_RUNS = 3;
const PEER_RUNS = 3; // the peers take seconds per run at 1M
const EDITS = quick ? 30 : 60;
const corpusDir = path.resolve(root, '../shared/corpora/gov-docs');
const started = Date.now();
const log = (s) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${s}\n`);

function run(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, ...opts, env: { ...process.env, ...opts.env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return { ...r, ms };
}

function mustSucceed(r, what, okStatus = [0]) {
  if (!okStatus.includes(r.status)) {
    throw new Error(`${what} failed (status ${r.status}):\n${(r.stderr || '').slice(-2000)}\n${(r.stdout || '').slice(-500)}`);
  }
  return r;
}

function jsonWorker(cmd, args, what, env = {}) {
  const r = mustSucceed(run(cmd, args, { env, stdio: ['ignore', 'pipe', 'inherit'] }), what);
  const line = r.stdout.trim().split('\n').pop();
  return JSON.parse(line);
}

// ---------------------------------------------------------------------------
// 1. Bundles

const raw = { date: new Date().toISOString(), node: process.version, quick, sizes };
let restored = false;
if (doPackage) {
  log('npm run package (production bundles and .vsix)');
  // however the benchmark ends, put the development build back
  process.on('exit', () => {
    if (restored) return;
    process.stderr.write('[bench] restoring the development build (npm run build)\n');
    spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  });
  mustSucceed(run('npm', ['run', 'package']), 'npm run package');
  raw.vsixBytes = fs.statSync(path.join(root, 'gongwen.vsix')).size;
} else if (!argv.includes('--no-build')) {
  log('npm run build');
  mustSucceed(run('npm', ['run', 'build']), 'npm run build');
}

// ---------------------------------------------------------------------------
// 2. Documents, peer configuration, bundled workers

log('documents');
const corpus = buildCorpus(corpusDir, path.join(work, 'docs'), sizes);
const docs = corpus.docs;
const txtKeys = sizes.map((n) => `${sizeLabel(n)}.txt`);
const typingKeys = ['10k.txt', '100k.txt', '10k.md', '100k.md'];

const prh = toPrh(dictionaryFiles());
const prhFile = path.join(work, 'prh-gongwen.yml');
fs.writeFileSync(prhFile, stringify({ version: 1, rules: prh.rules }));
raw.prh = prh.counts;
const textlintrc = path.join(work, 'textlintrc.json');
fs.writeFileSync(textlintrc, JSON.stringify({ rules: { prh: { rulePaths: [prhFile] } } }, null, 2));
const dictOnlyConfig = path.join(work, 'gongwen-dictionary-only.json');
fs.writeFileSync(dictOnlyConfig, JSON.stringify({ detector: false }, null, 2));
fs.writeFileSync(path.join(work, 'warmup.txt'), corpus.warmup);

// The in-process engine benchmark and the detector's worker, bundled like dist/.
const bundle = (entry, outfile) =>
  build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(work, outfile),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    mainFields: ['module', 'main'],
    loader: { '.md': 'text' },
    logLevel: 'warning',
    absWorkingDir: root,
  });
await bundle('bench/speed/engine.ts', 'build/engine.js');
await bundle('server/src/detector-worker.ts', 'build/detector-worker.js');
await bundle('bench/speed/detector-load.ts', 'build/detector-load.js');
const lexiconEnv = { GONGWEN_LEXICON_DIR: path.join(root, 'server/data/lexicon') };

// ---------------------------------------------------------------------------
// 2b. The detector's data load, fresh process each

log('detector data load: 5 fresh processes');
raw.detectorLoad = [];
for (let r = 0; r < 5; r++) raw.detectorLoad.push(jsonWorker(process.execPath, [path.join(work, 'build/detector-load.js')], 'detector load', lexiconEnv));

// ---------------------------------------------------------------------------
// 3. Engine in-process

log(`engine in-process: ${RUNS} runs per document`);
const engineInput = path.join(work, 'engine-input.json');
fs.writeFileSync(engineInput, JSON.stringify({ docs, warmup: corpus.warmup, runs: RUNS, full: txtKeys, typing: [], edits: EDITS, workerScript: path.join(work, 'build/detector-worker.js') }));
raw.engine = jsonWorker(process.execPath, ['--expose-gc', path.join(work, 'build/engine.js'), engineInput], 'engine benchmark', lexiconEnv);
// the typing path in a process of its own, as the server has its own heap
const typingEngineInput = path.join(work, 'engine-typing-input.json');
fs.writeFileSync(typingEngineInput, JSON.stringify({ docs, warmup: corpus.warmup, runs: RUNS, full: [], typing: typingKeys, edits: EDITS }));
raw.engine.typing = jsonWorker(process.execPath, [path.join(work, 'build/engine.js'), typingEngineInput], 'engine typing benchmark', lexiconEnv).typing;

// ---------------------------------------------------------------------------
// 4. Whole processes: the CLI and textlint, interleaved run by run

log(`CLI: ${CLI_RUNS} runs per document`);
const textlintBin = path.join(root, 'node_modules/textlint/bin/textlint.js');
const gongwenBin = path.join(root, 'bin/gongwen.js');
raw.cli = {};
for (const key of txtKeys) {
  const file = docs[key].file;
  const series = { all: [], dictionary: [], textlint: [] };
  const findings = {};
  for (let r = 0; r < CLI_RUNS; r++) {
    let x = mustSucceed(run(process.execPath, [gongwenBin, 'check', '--format', 'json', file]), 'gongwen check', [0, 1]);
    series.all.push(x.ms);
    findings.all = JSON.parse(x.stdout)[0].diagnostics.length;
    x = mustSucceed(run(process.execPath, [gongwenBin, 'check', '--format', 'json', '--only', 'typo', '--config', dictOnlyConfig, file]), 'gongwen check --only typo', [0, 1]);
    series.dictionary.push(x.ms);
    findings.dictionary = JSON.parse(x.stdout)[0].diagnostics.length;
    if (doPeers) {
      x = mustSucceed(run(process.execPath, [textlintBin, '--config', textlintrc, '--format', 'json', file]), 'textlint', [0, 1]);
      series.textlint.push(x.ms);
      findings.textlint = JSON.parse(x.stdout).reduce((n, f) => n + f.messages.length, 0);
    }
  }
  raw.cli[key] = { ...series, findings };
  log(`  CLI ${key} done`);
}

// ---------------------------------------------------------------------------
// 4b. Word documents: a 100-page .docx (about 60,000 characters of gov-docs
// paragraphs, one 自然段 per Word paragraph, the first line as a centred
// title), written with the `docx` package (no LibreOffice needed); `check`
// and `review` as whole processes, interleaved.

const WORD_CHARS = 60_000;
const WORD_RUNS = 5;
{
  log(`Word: check and review of a 100-page .docx, ${WORD_RUNS} runs each`);
  const source = fs.readFileSync(docs[txtKeys[txtKeys.length - 1]].file, 'utf8');
  const paras = [];
  let n = 0;
  for (const line of source.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    paras.push(t);
    n += t.length;
    if (n >= WORD_CHARS) break;
  }
  const doc = new Document({
    sections: [
      {
        children: paras.map((t, i) =>
          i === 0
            ? new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, bold: true, size: 44 })] })
            : new Paragraph({ children: [new TextRun({ text: t, size: 32 })] }),
        ),
      },
    ],
  });
  const docxFile = path.join(work, 'docs/word-100p.docx');
  const reviewed = path.join(work, 'docs/word-100p-审校.docx');
  fs.writeFileSync(docxFile, await Packer.toBuffer(doc));
  raw.word = { chars: n, paragraphs: paras.length, bytes: fs.statSync(docxFile).size, check: [], review: [] };
  for (let r = 0; r < WORD_RUNS; r++) {
    let x = mustSucceed(run(process.execPath, [gongwenBin, 'check', '--format', 'json', docxFile]), 'gongwen check .docx', [0, 1]);
    raw.word.check.push(x.ms);
    raw.word.findings = JSON.parse(x.stdout)[0].diagnostics.length;
    x = mustSucceed(run(process.execPath, [gongwenBin, 'review', docxFile, '-o', reviewed]), 'gongwen review .docx', [0, 1]);
    raw.word.review.push(x.ms);
    raw.word.summary = x.stdout.trim().split('\n').pop().replace(/ → .*$/, '').replace(/^.*：/, '');
  }
}

// ---------------------------------------------------------------------------
// 5. Peers in-process

if (doPeers) {
  log(`peers in-process: ${RUNS} runs per document`);
  const peersInput = path.join(work, 'peers-input.json');
  fs.writeFileSync(peersInput, JSON.stringify({ docs, keys: txtKeys, runs: PEER_RUNS, warmup: corpus.warmup, textlintrc, zhlintMaxChars: 1_000_000 }));
  raw.peers = jsonWorker(process.execPath, ['--expose-gc', path.join(root, 'bench/speed/peers.mjs'), peersInput], 'peers benchmark');
}

// ---------------------------------------------------------------------------
// 6. The server: typing path and memory

if (doTyping) {
  log(`server: typing (${EDITS} edits per document, adaptive wait and wait 0) and memory`);
  const typingInput = path.join(work, 'typing-input.json');
  const rssKey = docs['1M.txt'] ? '1M.txt' : txtKeys[txtKeys.length - 1];
  fs.writeFileSync(typingInput, JSON.stringify({ docs, typing: typingKeys, edits: EDITS, rss: rssKey }));
  raw.server = jsonWorker(process.execPath, ['--import', 'tsx', path.join(root, 'bench/speed/typing.ts'), typingInput], 'typing benchmark');
}

// ---------------------------------------------------------------------------
// 7. Client bundle load

log('client bundle load');
raw.activation = [];
for (let r = 0; r < 5; r++) raw.activation.push(jsonWorker(process.execPath, [path.join(root, 'bench/speed/activation.mjs')], 'client load').ms);
if (doActivation) {
  // On the bundles now in dist/ (the production ones when packaging).
  log(`extension activation in a real VS Code (code-server, ${ACTIVATION_SESSIONS} fresh sessions)`);
  try {
    raw.vscodeActivation = jsonWorker(process.execPath, [path.join(root, 'bench/speed/activation.mjs'), '--vscode', `--sessions=${ACTIVATION_SESSIONS}`], 'VS Code activation');
  } catch (e) {
    raw.vscodeActivation = { skipped: `runner error: ${String(e?.message ?? e).split('\n')[0].slice(0, 120)}`, sessions: [], failures: [] };
  }
}

if (doPackage) {
  log('restoring the development build (npm run build)');
  mustSucceed(run('npm', ['run', 'build']), 'npm run build');
  restored = true;
}
raw.elapsedS = (Date.now() - started) / 1000;

// ---------------------------------------------------------------------------
// 8. The table

const sorted = (a) => [...a].sort((x, y) => x - y);
const median = (a) => {
  const s = sorted(a);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (a) => {
  const s = sorted(a);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const fmtMs = (x) => (x === undefined || Number.isNaN(x) ? '–' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
const spread = (a) => (a?.length ? `${fmtMs(median(a))} (${fmtMs(Math.min(...a))}–${fmtMs(Math.max(...a))})` : '–');
const rate = (chars, a) => {
  if (!a?.length) return '–';
  const r = chars / (median(a) / 1000);
  return r >= 1e6 ? `${(r / 1e6).toFixed(2)} M chars/s` : `${(r / 1e3).toFixed(0)} k chars/s`;
};
const growth = (vals) => {
  const v = vals.filter((x) => x !== undefined);
  if (v.length < 2) return '';
  const out = [];
  for (let i = 1; i < v.length; i++) out.push(`×${(v[i] / v[i - 1]).toFixed(1)}`);
  return out.join(' ');
};
const ratio = (a, b) => (a?.length && b?.length ? `${(median(a) / median(b)).toFixed(1)}×` : '–');
const tick = (ok) => (ok ? '✔' : '✘');

const PARALLEL_MIN_LABEL = '100,000 characters';
const rows = [];
const section = (title) => rows.push({ section: title });
const row = (label, cells, grow = '', target = '') => rows.push({ label, cells, grow, target });
const cols = sizes.map(sizeLabel);
const bySize = (f) => sizes.map((n) => f(`${sizeLabel(n)}.txt`, n));
const chars = (key) => docs[key].chars;
const eng = raw.engine;

section('Full check, all default rules, .txt documents from gov-docs (median (min–max))');
row(`engine in-process, check(), one thread, n=${RUNS}`, bySize((k) => spread(eng.full[k]?.ms)), growth(bySize((k) => eng.full[k] && median(eng.full[k].ms))),
  docs['1M.txt'] ? `1M ≤ 500 ms: ${tick(median(eng.full['1M.txt'].ms) <= 500)}` : '');
row('  characters per second', bySize((k) => rate(chars(k), eng.full[k]?.ms)));
if (eng.full2 && Object.keys(eng.full2).length) {
  row(`engine in-process, check(), detector's second thread on (as the CLI runs; from ${PARALLEL_MIN_LABEL} of prose), n=${RUNS}`, bySize((k) => spread(eng.full2[k]?.ms)), growth(bySize((k) => eng.full2[k] && median(eng.full2[k].ms))),
    docs['1M.txt'] && eng.full2['1M.txt'] ? `1M ≤ 500 ms: ${tick(median(eng.full2['1M.txt'].ms) <= 500)}` : '');
  row('  characters per second', bySize((k) => rate(chars(k), eng.full2[k]?.ms)));
}
row(`CLI whole process (check --format json), n=${CLI_RUNS}`, bySize((k) => spread(raw.cli[k]?.all)), growth(bySize((k) => raw.cli[k] && median(raw.cli[k].all))));
row('  characters per second', bySize((k) => rate(chars(k), raw.cli[k]?.all)));
row('  findings (engine / CLI)', bySize((k) => `${eng.full[k]?.findings ?? '–'} / ${raw.cli[k]?.findings.all ?? '–'}`));

section(`Typo dictionary, same entries: Gongwen typo/dictionary vs textlint + prh (${prh.counts.converted} of ${prh.counts.entries} entries: prh has no context conditions)`);
row(`Gongwen, dictionary rule alone, in-process, n=${RUNS}`, bySize((k) => spread(eng.dictionary[k]?.ms)), growth(bySize((k) => eng.dictionary[k] && median(eng.dictionary[k].ms))));
if (doPeers) {
  row(`textlint + prh, in-process (lintText), n=${PEER_RUNS}`, bySize((k) => spread(raw.peers.textlint[k]?.ms)), growth(bySize((k) => raw.peers.textlint[k] && median(raw.peers.textlint[k].ms))));
  const r1m = raw.peers.textlint['1M.txt'] && median(raw.peers.textlint['1M.txt'].ms) / median(eng.dictionary['1M.txt'].ms);
  row('  ratio textlint+prh / Gongwen, in-process', bySize((k) => ratio(raw.peers.textlint[k]?.ms, eng.dictionary[k]?.ms)), '', r1m ? `≥ 10× at 1M: ${tick(r1m >= 10)}` : '');
}
row(`Gongwen CLI, --only typo with detector off, n=${CLI_RUNS}`, bySize((k) => spread(raw.cli[k]?.dictionary)), growth(bySize((k) => raw.cli[k] && median(raw.cli[k].dictionary))));
if (doPeers) {
  row(`textlint CLI + prh (--format json), n=${CLI_RUNS}`, bySize((k) => spread(raw.cli[k]?.textlint)), growth(bySize((k) => raw.cli[k]?.textlint.length && median(raw.cli[k].textlint))));
  const r1m = raw.cli['1M.txt']?.textlint.length && median(raw.cli['1M.txt'].textlint) / median(raw.cli['1M.txt'].dictionary);
  row('  ratio textlint+prh / Gongwen, whole process', bySize((k) => ratio(raw.cli[k]?.textlint, raw.cli[k]?.dictionary)), '', r1m ? `≥ 10× at 1M: ${tick(r1m >= 10)}` : '');
  row('  findings (Gongwen dictionary / textlint+prh)', bySize((k) => `${eng.dictionary[k]?.findings ?? '–'} / ${raw.peers.textlint[k]?.findings ?? '–'}`));

  section('Punctuation: Gongwen punctuation category vs zhlint (default preset: punctuation and spacing)');
  row(`Gongwen, --only punctuation, in-process, n=${RUNS}`, bySize((k) => spread(eng.punctuation[k]?.ms)), growth(bySize((k) => eng.punctuation[k] && median(eng.punctuation[k].ms))));
  row(`zhlint run(), in-process, n=${PEER_RUNS}`, bySize((k) => spread(raw.peers.zhlint[k]?.ms)), growth(bySize((k) => raw.peers.zhlint[k] && median(raw.peers.zhlint[k].ms))));
  row('  ratio zhlint / Gongwen', bySize((k) => ratio(raw.peers.zhlint[k]?.ms, eng.punctuation[k]?.ms)));
  row('  findings (Gongwen / zhlint)', bySize((k) => `${eng.punctuation[k]?.findings ?? '–'} / ${raw.peers.zhlint[k]?.findings ?? '–'}`));
}

const typingCell = (a) => (a?.length ? `${fmtMs(median(a))} / ${fmtMs(p95(a))}` : '–');
const typingRow = (label, get, target) => {
  const cells = cols.map((c) => (c === '1M' ? '' : typingCell(get(c))));
  const m10 = get('10k');
  const m100 = get('100k');
  row(label, cells, m10?.length && m100?.length ? `100k/10k ×${(median(m100) / median(m10)).toFixed(1)}` : '', target ? target(m100) : '');
};
for (const ext of ['txt', 'md']) {
  section(`Typing: one-character edit at a seeded random place → publishDiagnostics, .${ext}, n=${EDITS} (median / p95)`);
  if (doTyping) {
    typingRow("server over stdio, the server's adaptive wait", (c) => raw.server.typing[`${c}.${ext}`]?.adaptive.ms, (m) => (ext === 'txt' && m ? `100k p95 ≤ 30 ms: ${tick(p95(m) <= 30)}` : ''));
    typingRow('server over stdio, wait 0 (net of the wait)', (c) => raw.server.typing[`${c}.${ext}`]?.net.ms, (m) => (ext === 'txt' && m ? `net: ${tick(p95(m) <= 30)}` : ''));
  }
  typingRow('engine only, check() with BlockCache, in-process', (c) => eng.typing[`${c}.${ext}`]?.ms);
}

section(`Word documents (.docx): ${raw.word.chars.toLocaleString('en')} characters in ${raw.word.paragraphs} paragraphs of gov-docs (≈ 100 pages), written with the docx package; ${raw.word.findings} findings (${raw.word.summary})`);
{
  const one = (cell) => [cell, '', ''].slice(0, cols.length);
  row(`Word: check 100-page .docx (whole process), n=${raw.word.check.length}`, one(spread(raw.word.check)), '', `< 1.5 s: ${tick(median(raw.word.check) < 1500)}`);
  row(`Word: review 100-page .docx (whole process), n=${raw.word.review.length}`, one(spread(raw.word.review)), '', `< 2.5 s: ${tick(median(raw.word.review) < 2500)}`);
}

section('Memory, start-up and size');
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
if (doTyping && raw.server.rss) {
  for (const [s, how] of [
    [raw.server.rssWhole, 'whole document checked (GONGWEN_MAX_CHECK_CHARS lifted)'],
    [raw.server.rss, "as shipped: the editor checks the first 200k characters"],
  ]) {
    row(`server RSS after opening ${s.key}, ${how}; peak`, cols.map((c) => (`${c}.txt` === s.key ? `${mb(s.afterOpen.rssKB)}; peak ${mb(s.afterOpen.hwmKB)}` : '')), `idle ${mb(s.idle.rssKB)}`, `≤ 250 MB: ${tick(s.afterOpen.rssKB <= 250 * 1024)}`);
    row(`  open → first publishDiagnostics (${s.diagnostics} diagnostics)`, cols.map((c) => (`${c}.txt` === s.key ? fmtMs(s.openMs) : '')));
  }
  row('server start: spawn → initialize result', [fmtMs(raw.server.rss.initMs), '', ''].slice(0, cols.length));
}
{
  const dl = raw.detectorLoad ?? [];
  const pick = (k) => dl.map((x) => x[k]);
  if (dl.length) {
    row(`detector data load, fresh process, n=${dl.length}: lexicon + 公文 character model + candidate sets + context model + first detect()`, [spread(pick('totalMs')), '', ''].slice(0, cols.length), '', `≤ 400 ms: ${tick(median(pick('totalMs')) <= 400)}`);
    row('  lexicon / character model and candidate sets / context model / first detect()', [['lexiconMs', 'stageMs', 'contextMs', 'firstDetectMs'].map((k) => fmtMs(median(pick(k)))).join(' / '), '', ''].slice(0, cols.length));
    row('  RSS growth', [`${median(pick('rssGrowthMB')).toFixed(0)} MB`, '', ''].slice(0, cols.length));
  }
}
row('client bundle load+parse+evaluate, vscode stand-in (not a real activation), n=5', [spread(raw.activation), '', ''].slice(0, cols.length));
{
  const va = raw.vscodeActivation;
  const one = (cell) => [cell, '', ''].slice(0, cols.length);
  const pick = (k) => (va?.sessions ?? []).map((s) => s[k]).filter((x) => typeof x === 'number');
  if (!doActivation) row('extension activation in a real VS Code: skipped (--no-activation)', one('–'));
  else if (va.skipped) row(`extension activation in a real VS Code: not measured, ${va.skipped}`, one('–'));
  else if (!va.sessions.length) row(`extension activation in a real VS Code: every session failed (${va.failures[0] ?? '?'})`, one('–'));
  else {
    const n = va.sessions.length;
    const failed = va.failures.length ? `; ${va.failures.length} session(s) failed` : '';
    row(`extension activation, VS Code ${va.sessions[0].vscode} (code-server), fresh session each, n=${n}${failed}: bundle runs → activate() resolved`, one(spread(pick('activateMs'))));
    row('  of which loading the modules (bundle runs → activate() called)', one(spread(pick('loadMs'))));
    row('  of which server start (activate() called → client ready: spawned, initialize answered)', one(spread(pick('serverReadyMs'))));
    const host = pick('hostActivateMs');
    if (host.length) row(`  ext.activate() as a caller waits (adds reading + compiling dist/client.js), n=${host.length}`, one(spread(host)));
  }
}
if (raw.vsixBytes) row('.vsix size (npm run package)', [`${raw.vsixBytes.toLocaleString('en')} bytes`, '', ''].slice(0, cols.length));

const perRuleKey = docs['1M.txt'] ? '1M.txt' : txtKeys[txtKeys.length - 1];
section(`Where the time goes: full check of ${perRuleKey}, in-process, median of ${RUNS} per phase or rule (growth from the smaller documents)`);
{
  const phases = {};
  for (const k of txtKeys) {
    const per = {};
    for (const t of eng.full[k].timings) for (const [id, ms] of Object.entries(t)) (per[id] ??= []).push(ms);
    phases[k] = Object.fromEntries(Object.entries(per).map(([id, a]) => [id, median(a)]));
  }
  const top = phases[perRuleKey];
  const total = median(eng.full[perRuleKey].ms);
  const ids = Object.keys(top).sort((a, b) => top[b] - top[a]);
  const shown = ids.slice(0, 15);
  for (const id of shown) {
    const label = ['model', 'structure', 'suppressions', 'findings'].includes(id) ? `[engine] ${id}` : id;
    row(`  ${label}`, txtKeys.map((k) => (phases[k][id] === undefined ? '–' : `${fmtMs(phases[k][id])}${k === perRuleKey ? ` (${((100 * top[id]) / total).toFixed(0)}%)` : ''}`)), growth(txtKeys.map((k) => phases[k][id])));
  }
  const rest = ids.slice(15);
  row(`  the other ${rest.length} phases and rules together`, txtKeys.map((k) => fmtMs(rest.reduce((s, id) => s + (phases[k][id] ?? 0), 0))));
}

// render
const header = ['measure', ...cols, 'growth per ×10 size', 'target'];
const width = (s) => [...String(s)].length;
const widths = header.map((h, i) => Math.max(width(h), ...rows.filter((r) => !r.section).map((r) => width([r.label, ...r.cells, r.grow, r.target][i] ?? ''))));
const line = (cells) => '| ' + cells.map((c, i) => String(c ?? '') + ' '.repeat(Math.max(0, widths[i] - width(c ?? '')))).join(' | ') + ' |';
const out = [];
out.push(`Gongwen speed benchmark — ${raw.date} — Node ${raw.node}${quick ? ' — QUICK (not for quoting)' : ''}`);
out.push(line(header));
out.push('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) {
  if (r.section) out.push(`| **${r.section}** |${' |'.repeat(header.length - 1)}`);
  else out.push(line([r.label, ...r.cells, r.grow, r.target]));
}
out.push(`(${raw.elapsedS.toFixed(0)} s in all; prh: ${prh.counts.converted} unconditional entries converted, ${prh.counts.conditional} conditional left out; sanity: textlint+prh flags ${raw.peers?.sanity.textlintPrh.length ?? '–'} of 2 planted slips, zhlint ${raw.peers?.sanity.zhlint ?? '–'} findings on 2 planted ASCII marks)`);
const table = out.join('\n');
process.stdout.write(table + '\n');

const stamp = raw.date.replace(/[:.]/g, '-');
fs.writeFileSync(path.join(results, `speed-${stamp}.json`), JSON.stringify(raw, null, 1));
fs.writeFileSync(path.join(results, `speed-${stamp}.txt`), table + '\n');
fs.writeFileSync(path.join(results, 'speed-latest.txt'), table + '\n');
log(`raw results: bench/results/speed-${stamp}.json`);
