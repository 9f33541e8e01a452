// Typo benchmark (not a test): accuracy on ECSpell's odw.train, false alarms on
// the gov-docs corpus, and speed/memory of the confusable-character detector.
//
//   npx tsx bench/typo-accuracy.ts [--shared ../shared] [--quick] [--fa-out file] [--review file] [--no-speed] [--no-sweep]
//
// --fa-out writes every gov-docs finding (layer, severity, file, offset, text,
// message, context) as TSV. --review (default bench/results/typo-gov-docs-review.md)
// is the table of reviewed findings keyed by file + offset + text; the gov-docs
// table then splits the findings into real slips, variant notes, style notes,
// reviewed false alarms and unreviewed ones (see that file for the verdicts).
//
// Layers: typo/dictionary alone, the detector without its context model (for
// comparison), typo/confusable (the detector as shipped) alone, both.
// The corpora are used for measuring only; nothing here feeds the method.
//
// Definitions (SIGHAN-style, as in the Chinese spelling check literature):
//   gold positions G(s): indexes where the wrong and the correct sentence differ.
//   predicted positions P(s): indexes a finding flags. A fix whose replacement
//     has the length of the flagged span flags the positions it changes and
//     proposes their characters; any other finding flags its whole span,
//     with no proposed character.
//   Sentence level (over all sentences):
//     detection TP: G(s) non-empty and P(s) = G(s);
//     correction TP: detection TP and every proposed character equals the gold one;
//     precision = TP / #sentences with P(s) non-empty;
//     recall    = TP / #sentences with G(s) non-empty;
//     FPR = #correct sentences (G empty) with P non-empty / #correct sentences.
//   Character level (summed over sentences):
//     detection TP = |P ∩ G|; precision = TP / |P|; recall = TP / |G|;
//     correction TP = positions in P ∩ G whose proposed character is the gold one;
//     precision = TP / |P|; recall = TP / |G|.
//   F1 = 2PR / (P + R).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTextModel } from '../server/src/engine/textModel';
import type { BlockContext, Report, Rule, RuleOptions } from '../server/src/engine/types';
import { rule as confusable, reportDetections } from '../server/src/rules/typo/confusable';
import { getLexicon } from '../server/src/engine/detector/lexicon';
import { getContextModel } from '../server/src/engine/detector/context';
import { detect, MEDIUM_SCORE, HIGH_SCORE, SUPPORTED_SCORE, WORD_ONLY_SUPPORTED_SCORE, type Detection } from '../server/src/engine/detector/detect';

function arg(name: string, def?: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}
const root = path.resolve(__dirname, '..');
const shared = path.resolve(arg('--shared', path.resolve(root, '../shared'))!);
const quick = process.argv.includes('--quick');
const faOut = arg('--fa-out');
const reviewFile = arg('--review', path.join(root, 'bench/results/typo-gov-docs-review.md'))!;

/** Verdicts of reviewed gov-docs findings, keyed by `file\toffset\ttext`. */
function loadReview(file: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(file)) return out;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!/^\|\s*\d+\s*\|/.test(line)) continue;
    // | # | layer | severity | file | offset | text | verdict | cause | context |
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length < 7) continue;
    out.set(`${cells[3]}\t${cells[4]}\t${cells[5]}`, cells[6]);
  }
  return out;
}
const VERDICTS = ['real slip', 'variant note', 'style note', 'false alarm'] as const;

let dictionary: Rule | undefined;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  dictionary = require('../server/src/rules/typo/dictionary').rule as Rule;
} catch {
  dictionary = undefined;
}

const options: RuleOptions = { acceptedWords: new Set(), dictionaries: [], detector: true, ruleOptions: {} };

function runRules(rules: Rule[], source: string): Report[] {
  const model = buildTextModel(source, 'plaintext');
  const reports: Report[] = [];
  for (const rule of rules) {
    const ctx: BlockContext = { model, options, report: (r) => reports.push(r) };
    for (const block of model.blocks) rule.block?.(block, ctx);
  }
  return reports;
}

/** Predicted positions → proposed character ('' when none). */
function predictions(source: string, reports: Report[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of reports) {
    const edit = r.fixes?.[0]?.edits.length === 1 ? r.fixes[0].edits[0] : undefined;
    if (edit && edit.newText.length === edit.end - edit.start) {
      for (let k = 0; k < edit.newText.length; k++) {
        const pos = edit.start + k;
        if (source[pos] !== edit.newText[k]) out.set(pos, edit.newText[k]);
      }
    } else {
      for (let pos = r.start; pos < r.end; pos++) if (!out.has(pos)) out.set(pos, '');
    }
  }
  return out;
}

interface Counts {
  sentences: number;
  goldSent: number;
  predSent: number;
  detSentTP: number;
  corSentTP: number;
  correctSent: number;
  falseSent: number;
  goldChars: number;
  predChars: number;
  detCharTP: number;
  corCharTP: number;
  /** By number of gold slips (0, 1, 2, 3+): sentences, flagged, exactly detected. */
  bySlips: Record<string, { n: number; flagged: number; exact: number }>;
}
const zero = (): Counts => ({
  sentences: 0, goldSent: 0, predSent: 0, detSentTP: 0, corSentTP: 0, correctSent: 0, falseSent: 0,
  goldChars: 0, predChars: 0, detCharTP: 0, corCharTP: 0, bySlips: {},
});

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

function table(name: string, c: Counts): string {
  const sdP = c.detSentTP / c.predSent, sdR = c.detSentTP / c.goldSent;
  const scP = c.corSentTP / c.predSent, scR = c.corSentTP / c.goldSent;
  const cdP = c.detCharTP / c.predChars, cdR = c.detCharTP / c.goldChars;
  const ccP = c.corCharTP / c.predChars, ccR = c.corCharTP / c.goldChars;
  return [
    `### ${name}`,
    '',
    '| level | task | precision | recall | F1 |',
    '|---|---|---|---|---|',
    `| sentence | detection | ${fmt(sdP)} | ${fmt(sdR)} | ${fmt(f1(sdP, sdR))} |`,
    `| sentence | correction | ${fmt(scP)} | ${fmt(scR)} | ${fmt(f1(scP, scR))} |`,
    `| character | detection | ${fmt(cdP)} | ${fmt(cdR)} | ${fmt(f1(cdP, cdR))} |`,
    `| character | correction | ${fmt(ccP)} | ${fmt(ccR)} | ${fmt(f1(ccP, ccR))} |`,
    '',
    `sentences ${c.sentences} (with errors ${c.goldSent}); flagged ${c.predSent}; ` +
      `false-positive rate on correct sentences ${fmt(c.falseSent / c.correctSent)} (${c.falseSent}/${c.correctSent}); ` +
      `gold chars ${c.goldChars}, flagged chars ${c.predChars}`,
    '',
    'By number of slips in the sentence (flagged / exactly detected / sentences): ' +
      ['0', '1', '2', '3+'].map((k) => {
        const b = c.bySlips[k] ?? { n: 0, flagged: 0, exact: 0 };
        return `${k}: ${b.flagged} / ${b.exact} / ${b.n}`;
      }).join('; '),
    '',
  ].join('\n');
}

function accuracy(layers: Array<[string, Rule[]]>): void {
  const file = path.join(shared, 'corpora/ecspell-odw/odw.train');
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const counts = layers.map(() => zero());
  let skipped = 0;
  for (const line of lines) {
    const [, wrong, right] = line.split('\t');
    if (wrong === undefined || right === undefined || wrong.length !== right.length) {
      skipped++;
      continue;
    }
    const gold = new Map<number, string>();
    for (let i = 0; i < wrong.length; i++) if (wrong[i] !== right[i]) gold.set(i, right[i]);
    layers.forEach(([, rules], li) => {
      const c = counts[li];
      const pred = predictions(wrong, runRules(rules, wrong));
      c.sentences++;
      c.goldChars += gold.size;
      c.predChars += pred.size;
      if (gold.size) c.goldSent++;
      else c.correctSent++;
      if (pred.size) c.predSent++;
      if (pred.size && !gold.size) c.falseSent++;
      let allCorrect = true;
      let same = pred.size === gold.size;
      for (const [pos, ch] of pred) {
        const g = gold.get(pos);
        if (g === undefined) {
          same = false;
          continue;
        }
        c.detCharTP++;
        if (ch === g) c.corCharTP++;
        else allCorrect = false;
      }
      if (gold.size && same) {
        c.detSentTP++;
        if (allCorrect) c.corSentTP++;
      }
      const bucket = gold.size >= 3 ? '3+' : String(gold.size);
      const b = (c.bySlips[bucket] ??= { n: 0, flagged: 0, exact: 0 });
      b.n++;
      if (pred.size) b.flagged++;
      if (gold.size && same) b.exact++;
    });
  }
  console.log(`## Accuracy on odw.train (${lines.length} lines, ${skipped} skipped: unequal lengths)\n`);
  layers.forEach(([name], li) => console.log(table(name, counts[li])));
}

function falseAlarms(layers: Array<[string, Rule[]]>): void {
  const dir = path.join(shared, 'corpora/gov-docs');
  let files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (quick) files = files.slice(0, 100);
  let chars = 0;
  const review = loadReview(reviewFile);
  const counts = layers.map(() => ({ total: 0, bySeverity: new Map<string, number>(), byVerdict: new Map<string, number>() }));
  const samples: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    chars += text.replace(/\s/g, '').length;
    layers.forEach(([name, rules], li) => {
      const model = buildTextModel(text, 'plaintext');
      for (const rule of rules) {
        const ctx: BlockContext = {
          model,
          options,
          report: (r) => {
            counts[li].total++;
            const sev = r.severity ?? rule.meta.severity;
            counts[li].bySeverity.set(sev, (counts[li].bySeverity.get(sev) ?? 0) + 1);
            const verdict = review.get(`${f}\t${r.start}\t${text.slice(r.start, r.end)}`) ?? 'unreviewed';
            counts[li].byVerdict.set(verdict, (counts[li].byVerdict.get(verdict) ?? 0) + 1);
            if (faOut && name !== 'both') {
              const ctxText = text.slice(Math.max(0, r.start - 12), r.end + 12).replace(/\s/g, ' ');
              samples.push(`${name}\t${sev}\t${f}\t${r.start}\t${text.slice(r.start, r.end)}\t${r.message}\t${ctxText}`);
            }
          },
        };
        for (const block of model.blocks) rule.block?.(block, ctx);
      }
    });
  }
  console.log(`## False alarms on gov-docs (${files.length} files, ${chars} non-space characters)\n`);
  console.log('| layer | findings | per 10,000 chars | by severity |');
  console.log('|---|---|---|---|');
  layers.forEach(([name], li) => {
    const c = counts[li];
    const sev = [...c.bySeverity.entries()].map(([k, v]) => `${k} ${v}`).join(', ') || '—';
    console.log(`| ${name} | ${c.total} | ${(c.total / chars * 10000).toFixed(3)} | ${sev} |`);
  });
  console.log('');
  if (review.size) {
    const per = (n: number) => (n / chars * 10000).toFixed(3);
    console.log(`Reviewed (${path.relative(root, reviewFile)}, ${review.size} findings): findings by verdict; ` +
      'false alarms = reviewed false alarms + unreviewed findings.\n');
    console.log('| layer | findings | real slips | variant notes | style notes | false alarms (reviewed + unreviewed) | false alarms per 10,000 chars |');
    console.log('|---|---|---|---|---|---|---|');
    layers.forEach(([name], li) => {
      const v = (k: string) => counts[li].byVerdict.get(k) ?? 0;
      const fa = v('false alarm') + v('unreviewed');
      console.log(`| ${name} | ${counts[li].total} | ${v(VERDICTS[0])} | ${v(VERDICTS[1])} | ${v(VERDICTS[2])} | ${fa} (${v('false alarm')} + ${v('unreviewed')}) | ${per(fa)} |`);
    });
    console.log('');
  }
  if (faOut) fs.writeFileSync(faOut, samples.join('\n') + '\n');
}

function speed(): void {
  const before = process.memoryUsage();
  const t0 = performance.now();
  getLexicon();
  const loadMs = performance.now() - t0;
  const tc = performance.now();
  getContextModel();
  const contextMs = performance.now() - tc;
  global.gc?.();
  const after = process.memoryUsage();
  // 1M characters of prose: gov-docs lines, repeated as needed.
  const dir = path.join(shared, 'corpora/gov-docs');
  const lines: string[] = [];
  let total = 0;
  for (const f of fs.readdirSync(dir).sort()) {
    for (const l of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!l.trim()) continue;
      lines.push(l);
      total += l.length;
      if (total >= 1_000_000) break;
    }
    if (total >= 1_000_000) break;
  }
  const t1 = performance.now();
  let found = 0;
  for (const l of lines) found += detect(l).length;
  const ms = performance.now() - t1;
  // A 200-character paragraph, as on the typing path.
  const para = lines.find((l) => l.length >= 200)!.slice(0, 200);
  const reps = 50;
  const t2 = performance.now();
  for (let k = 0; k < reps; k++) detect(para);
  const paraMs = (performance.now() - t2) / reps;
  console.log('## Detector speed and memory\n');
  console.log(`- lexicon load: ${loadMs.toFixed(0)} ms, context model load: ${contextMs.toFixed(0)} ms (lazy, once)`);
  console.log(`- memory after loading both: rss ${(after.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(after.heapUsed / 2 ** 20).toFixed(0)} MiB (heap growth ${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(0)} MiB)`);
  console.log(`- ${total} characters in ${lines.length} lines: ${ms.toFixed(0)} ms, ${Math.round(total / (ms / 1000))} chars/s (${found} detections)`);
  console.log(`- one 200-character paragraph: ${paraMs.toFixed(2)} ms`);
  console.log('');
}

/**
 * Operating points of the detector alone: detections at or above each score
 * threshold (the rule shows MEDIUM_SCORE and up). For information: the
 * defaults are fixed in detect.ts, not picked from this table at run time.
 */
function sweep(): void {
  const thresholds = [3, 5, 6, 7, 8, 9, 11];
  const lines = fs.readFileSync(path.join(shared, 'corpora/ecspell-odw/odw.train'), 'utf8').split('\n').filter((l) => l.trim());
  const dir = path.join(shared, 'corpora/gov-docs');
  const govBlocks: string[] = [];
  let chars = 0;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    chars += text.replace(/\s/g, '').length;
    for (const b of buildTextModel(text, 'plaintext').blocks) govBlocks.push(b.text);
  }
  console.log('## Detector operating points (score threshold sweep)\n');
  console.log(`Shipped: info from ${MEDIUM_SCORE}, warning from ${HIGH_SCORE}; plus, in a sentence that holds a detection, info from ${SUPPORTED_SCORE} (${WORD_ONLY_SUPPORTED_SCORE} without the context model; not in these tables: single thresholds only).\n`);
  for (const context of [true, false]) {
    const opts = { minScore: thresholds[0], support: false, context };
    const odw: Array<{ d: Detection[]; gold: Map<number, string> }> = [];
    for (const line of lines) {
      const [, wrong, right] = line.split('\t');
      if (wrong === undefined || right === undefined || wrong.length !== right.length) continue;
      const gold = new Map<number, string>();
      for (let i = 0; i < wrong.length; i++) if (wrong[i] !== right[i]) gold.set(i, right[i]);
      odw.push({ d: detect(wrong, opts), gold });
    }
    const gov: Detection[] = [];
    for (const t of govBlocks) gov.push(...detect(t, opts));
    console.log(context ? '### With the context model (shipped): score = word score + 0.5 × (context gain − 10)\n' : '### Word model alone (`context: false`): score = word score\n');
    console.log('| threshold | sent. det. P | sent. det. R | sent. det. F1 | char det. P | char det. R | char cor. P | gov-docs findings | per 10,000 chars |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const th of thresholds) {
      let predSent = 0, tp = 0, goldSent = 0, predChars = 0, detTP = 0, corTP = 0, goldChars = 0;
      for (const { d, gold } of odw) {
        const p = d.filter((x) => x.score >= th);
        goldChars += gold.size;
        if (gold.size) goldSent++;
        if (p.length) predSent++;
        predChars += p.length;
        for (const x of p) {
          if (gold.has(x.index)) {
            detTP++;
            if (gold.get(x.index) === x.rightChar) corTP++;
          }
        }
        const pos = new Set(p.map((x) => x.index));
        if (gold.size && pos.size === gold.size && [...pos].every((x) => gold.has(x))) tp++;
      }
      const fa = gov.filter((x) => x.score >= th).length;
      const P = tp / predSent, R = tp / goldSent;
      console.log(`| ${th} | ${fmt(P)} | ${fmt(R)} | ${fmt(f1(P, R))} | ${fmt(detTP / predChars)} | ${fmt(detTP / goldChars)} | ${fmt(corTP / predChars)} | ${fa} | ${(fa / chars * 10000).toFixed(3)} |`);
    }
    console.log('');
  }
}

/** The detector as shipped but without its context model (for comparison: what the context stage adds). */
const wordModelOnly: Rule = {
  meta: { ...confusable.meta, id: 'typo/confusable (word model only)' },
  block(block, ctx) {
    reportDetections(block, ctx, detect(block.text, { acceptedWords: ctx.options.acceptedWords, context: false }));
  },
};

function main(): void {
  const layers: Array<[string, Rule[]]> = [];
  if (dictionary) layers.push(['dictionary', [dictionary]]);
  layers.push(['detector, word model only (context off)', [wordModelOnly]]);
  layers.push(['detector', [confusable]]);
  if (dictionary) layers.push(['both', [dictionary, confusable]]);
  if (!dictionary) console.log('(typo/dictionary not available: detector layer only)\n');
  if (!process.argv.includes('--no-speed')) speed();
  accuracy(layers);
  falseAlarms(layers);
  if (!process.argv.includes('--no-sweep')) sweep();
}

main();
