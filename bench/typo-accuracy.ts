// Typo benchmark (not a test): accuracy on ECSpell's odw.train, false alarms on
// the gov-docs corpus, and speed/memory of the confusable-character detector.
//
//   npx tsx bench/typo-accuracy.ts [--shared ../shared] [--quick] [--json file]
//     [--fa-out file] [--review file] [--no-speed] [--no-sweep] [--thresholds 3,5,8]
//
// What is reported (the data rules are in ../shared/README.md):
//   odw.train, development lines (0-based line index % 5 == 4, 344 sentences):
//     the headline accuracy. Training lines (index % 5 != 4): reported
//     separately; they are where thresholds may be chosen, so their figures
//     are not results. A line whose wrong and correct sentence differ in
//     length (one training line) is skipped and counted as skipped.
//   Character precision by severity (warning / info) of each layer's findings,
//     on the training and the development lines (warnings are meant only where
//     character precision on the training lines is ≥ 0.98).
//   gov-docs, the files named in gov-docs-unseen.txt (242): typo findings by
//     layer and severity (error, warning, info, hint) and per 10,000 non-space
//     characters; the headline false-alarm figure. All gov-docs files (895) are
//     reported too, separately: they include the model's training text.
//   Threshold sweep of the detector alone (Detection.score ≥ threshold) on the
//     training lines only, with the findings on gongwen-train (the model's
//     training text, odw.train sentences cut out) as the false-alarm side.
//     The development lines and the unseen files are never used to choose.
//
// --quick: gov-docs limited to the first 100 unseen and the first 100 other
//   files (name order), the sweep's false-alarm side to the first 100
//   gongwen-train files; odw.train in full.
// --json writes every figure printed (and the raw counts) as JSON.
// --fa-out writes every gov-docs finding (layer, severity, file, offset, text,
//   message, context, unseen|seen) as TSV. --review (default
//   bench/results/typo-gov-docs-review.md) is the table of reviewed findings
//   keyed by file + offset + text; the gov-docs tables then split the findings
//   into real slips, variant notes, style notes, reviewed false alarms and
//   unreviewed ones (see that file for the verdicts).
// --thresholds overrides the sweep's grid (default: steps of (HIGH_SCORE −
//   MEDIUM_SCORE) / 2 from MEDIUM_SCORE − 5 steps to HIGH_SCORE + 2 steps).
//
// Layers: typo/dictionary alone, the detector without its context model (for
// comparison, while the detector has one), typo/confusable (the detector as
// shipped) alone, both. The corpora are used for measuring only; nothing here
// feeds the method.
//
// The detector is used through detect() and the fields of Detection (index,
// rightChar, score, …) and through the rules' reports; optional exports
// (MEDIUM_SCORE, HIGH_SCORE, reportDetections, the lexicon and context model
// loaders) are looked up at run time and the parts that need them are skipped,
// with a note, when they are gone.
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
//   By severity: the character-level figures of the findings of one severity
//     only (P computed from those findings alone).
//   F1 = 2PR / (P + R).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTextModel } from '../server/src/engine/textModel';
import { check } from '../server/src/engine/index';
import { defaultConfig } from '../server/src/engine/config';
import { spanRange } from '../server/src/engine/text';
import type { BlockContext, Report, Rule, Severity, TextBlock } from '../server/src/engine/types';
import * as confusableModule from '../server/src/rules/typo/confusable';
import * as detectModule from '../server/src/engine/detector/detect';
import { detect, type Detection } from '../server/src/engine/detector/detect';

function arg(name: string, def?: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : def;
}
const root = path.resolve(__dirname, '..');
const shared = path.resolve(arg('--shared', path.resolve(root, '../shared'))!);
const quick = process.argv.includes('--quick');
const faOut = arg('--fa-out');
const jsonOut = arg('--json');
const reviewFile = arg('--review', path.join(root, 'bench/results/typo-gov-docs-review.md'))!;

// ---------------------------------------------------------------------------
// Optional parts of the detector's API, looked up at run time.

/** A module's exports by name (unknown until checked). */
const exportsOf = (m: unknown): Record<string, unknown> => (m ?? {}) as Record<string, unknown>;
function optionalRequire(id: string): Record<string, unknown> | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return exportsOf(require(id));
  } catch {
    return undefined;
  }
}
const detectExports = exportsOf(detectModule);
const numberExport = (name: string): number | undefined =>
  typeof detectExports[name] === 'number' ? (detectExports[name] as number) : undefined;
const MEDIUM_SCORE = numberExport('MEDIUM_SCORE');
const HIGH_SCORE = numberExport('HIGH_SCORE');
const SUPPORTED_SCORE = numberExport('SUPPORTED_SCORE');
const WORD_ONLY_SUPPORTED_SCORE = numberExport('WORD_ONLY_SUPPORTED_SCORE');
const lexiconModule = optionalRequire('../server/src/engine/detector/lexicon');
const contextModule = optionalRequire('../server/src/engine/detector/context');
const getLexicon = typeof lexiconModule?.getLexicon === 'function' ? (lexiconModule.getLexicon as () => unknown) : undefined;
const getContextModel =
  typeof contextModule?.getContextModel === 'function' ? (contextModule.getContextModel as () => unknown) : undefined;

/** Detection.score when the detector still exposes it as a number. */
const scoreOf = (d: Detection): number | undefined => {
  const s = (d as unknown as { score?: unknown }).score;
  return typeof s === 'number' ? s : undefined;
};

const confusable: Rule = confusableModule.rule;
let dictionary: Rule | undefined;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  dictionary = require('../server/src/rules/typo/dictionary').rule as Rule;
} catch {
  dictionary = undefined;
}

const notes: string[] = [];

// ---------------------------------------------------------------------------
// Layers and running the rules.

interface Layer {
  /** Stable key (JSON). */
  id: string;
  /** Printed name. */
  name: string;
  rules: Rule[];
}

/** The default configuration: no accepted words or extra dictionaries, the detector on. */
const benchConfig = { ...defaultConfig(), detector: true, acceptedWords: [] };

interface Found {
  report: Report;
  severity: Severity;
}

/**
 * The layer's findings through the engine's check(), as the CLI and the
 * editor get them: the engine drops what the document overrules
 * (Report.deliberateIfRepeated) and merges findings of one mistake.
 */
function runRules(rules: Rule[], source: string): Found[] {
  const res = check(source, { format: 'plaintext', rules, config: benchConfig });
  if (res.ruleErrors.length) throw new Error(res.ruleErrors.map((e) => `${e.ruleId}: ${e.message.split('\n')[0]}`).join('; '));
  return res.findings.map((f) => ({ report: { start: f.start, end: f.end, message: f.message, fixes: f.fixes, severity: f.severity }, severity: f.severity }));
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

/**
 * The detector without its context model, reported as typo/confusable
 * reports its detections (reportDetections when the rule still exports it;
 * otherwise high confidence → warning, medium → info, low not at all).
 */
function wordModelOnlyLayer(): Rule | undefined {
  if (!getContextModel) return undefined;
  const exported = exportsOf(confusableModule).reportDetections;
  const report =
    typeof exported === 'function'
      ? (exported as (block: TextBlock, ctx: BlockContext, ds: readonly Detection[]) => void)
      : (block: TextBlock, ctx: BlockContext, ds: readonly Detection[]) => {
          for (const d of ds) {
            if (d.confidence === 'low') continue;
            const word = spanRange(block, d.from, d.to);
            const ch = spanRange(block, d.index, d.index + 1);
            ctx.report({
              start: word.start,
              end: word.end,
              message: `${d.original} → ${d.corrected}`,
              severity: d.confidence === 'high' ? 'warning' : 'info',
              fixes: [{ title: d.corrected, edits: [{ start: ch.start, end: ch.end, newText: d.rightChar }] }],
            });
          }
        };
  return {
    meta: { ...confusable.meta, id: 'typo/confusable (no general context model)' },
    block(block, ctx) {
      report(block, ctx, detect(block.text, { acceptedWords: ctx.options.acceptedWords, context: false } as Parameters<typeof detect>[1]));
    },
  };
}

// ---------------------------------------------------------------------------
// Accuracy on odw.train.

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
  /** Character level by severity of the findings: flagged chars, detection TP, correction TP. */
  bySeverity: Record<string, { predChars: number; detCharTP: number; corCharTP: number }>;
}
const zero = (): Counts => ({
  sentences: 0, goldSent: 0, predSent: 0, detSentTP: 0, corSentTP: 0, correctSent: 0, falseSent: 0,
  goldChars: 0, predChars: 0, detCharTP: 0, corCharTP: 0, bySlips: {}, bySeverity: {},
});

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
/** JSON-safe ratio: null when undefined (0/0). */
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

function metrics(c: Counts) {
  const sdP = c.detSentTP / c.predSent, sdR = c.detSentTP / c.goldSent;
  const scP = c.corSentTP / c.predSent, scR = c.corSentTP / c.goldSent;
  const cdP = c.detCharTP / c.predChars, cdR = c.detCharTP / c.goldChars;
  const ccP = c.corCharTP / c.predChars, ccR = c.corCharTP / c.goldChars;
  const n = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    sentence: {
      detection: { precision: n(sdP), recall: n(sdR), f1: n(f1(sdP, sdR)) },
      correction: { precision: n(scP), recall: n(scR), f1: n(f1(scP, scR)) },
    },
    character: {
      detection: { precision: n(cdP), recall: n(cdR), f1: n(f1(cdP, cdR)) },
      correction: { precision: n(ccP), recall: n(ccR), f1: n(f1(ccP, ccR)) },
    },
    falsePositiveRate: ratio(c.falseSent, c.correctSent),
    bySeverity: Object.fromEntries(
      [...new Set([...SEVERITIES, ...Object.keys(c.bySeverity)])].map((sev) => {
        const s = c.bySeverity[sev] ?? { predChars: 0, detCharTP: 0, corCharTP: 0 };
        return [sev, { ...s, detectionPrecision: ratio(s.detCharTP, s.predChars), correctionPrecision: ratio(s.corCharTP, s.predChars) }];
      }),
    ),
    counts: c,
  };
}

function score(c: Counts, gold: Map<number, string>, pred: Map<number, string>): { same: boolean } {
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
  return { same };
}

interface OdwLine {
  index: number;
  wrong: string;
  gold: Map<number, string>;
}
type SplitId = 'dev' | 'train';
const SPLITS: Array<{ id: SplitId; title: string }> = [
  { id: 'dev', title: 'development lines (index % 5 == 4): the result' },
  { id: 'train', title: 'training lines (index % 5 != 4): thresholds are chosen here, not a result' },
];

/** odw.train by split; lines whose two sentences differ in length are skipped (counted). */
function readOdw(): { file: string; lines: number; skipped: Record<SplitId, number[]>; split: Record<SplitId, OdwLine[]> } {
  const file = path.join(shared, 'corpora/ecspell-odw/odw.train');
  const raw = fs.readFileSync(file, 'utf8').split('\n');
  const split: Record<SplitId, OdwLine[]> = { dev: [], train: [] };
  const skipped: Record<SplitId, number[]> = { dev: [], train: [] };
  let lines = 0;
  raw.forEach((line, index) => {
    if (!line.trim()) return;
    lines++;
    const id: SplitId = index % 5 === 4 ? 'dev' : 'train';
    const [, wrong, right] = line.split('\t');
    if (wrong === undefined || right === undefined || wrong.length !== right.length) {
      skipped[id].push(index);
      return;
    }
    const gold = new Map<number, string>();
    for (let i = 0; i < wrong.length; i++) if (wrong[i] !== right[i]) gold.set(i, right[i]);
    split[id].push({ index, wrong, gold });
  });
  return { file, lines, skipped, split };
}

function accuracyTable(layers: Layer[], counts: Counts[]): string {
  const out = [
    '| layer | sent. det. P | sent. det. R | sent. det. F1 | sent. cor. P | sent. cor. R | char det. P | char det. R | char cor. P | char cor. R | FPR (correct sent.) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  layers.forEach((l, li) => {
    const c = counts[li];
    const sdP = c.detSentTP / c.predSent, sdR = c.detSentTP / c.goldSent;
    out.push(
      `| ${l.name} | ${fmt(sdP)} | ${fmt(sdR)} | ${fmt(f1(sdP, sdR))} | ${fmt(c.corSentTP / c.predSent)} | ${fmt(c.corSentTP / c.goldSent)} | ` +
        `${fmt(c.detCharTP / c.predChars)} | ${fmt(c.detCharTP / c.goldChars)} | ${fmt(c.corCharTP / c.predChars)} | ${fmt(c.corCharTP / c.goldChars)} | ` +
        `${fmt(c.falseSent / c.correctSent)} (${c.falseSent}/${c.correctSent}) |`,
    );
  });
  out.push('');
  const c0 = counts[0];
  if (c0) out.push(`Sentences ${c0.sentences} (with errors ${c0.goldSent}, correct ${c0.correctSent}); gold chars ${c0.goldChars}.`);
  out.push('');
  out.push('Flagged sentences / flagged chars; by number of slips in the sentence (flagged / exactly detected / sentences):');
  out.push('');
  layers.forEach((l, li) => {
    const c = counts[li];
    out.push(`- ${l.name}: ${c.predSent} / ${c.predChars}; ` +
      ['0', '1', '2', '3+'].map((k) => {
        const b = c.bySlips[k] ?? { n: 0, flagged: 0, exact: 0 };
        return `${k}: ${b.flagged} / ${b.exact} / ${b.n}`;
      }).join('; '));
  });
  out.push('');
  return out.join('\n');
}

function severityTable(layers: Layer[], bySplit: Record<SplitId, Counts[]>): string {
  const out = [
    '| layer | severity | train: flagged chars | train: char det. P | train: char cor. P | dev: flagged chars | dev: char det. P | dev: char cor. P |',
    '|---|---|---|---|---|---|---|---|',
  ];
  layers.forEach((l, li) => {
    const sevs = SEVERITIES.filter((s) => bySplit.train[li].bySeverity[s] || bySplit.dev[li].bySeverity[s]);
    for (const sev of sevs) {
      const cell = (id: SplitId) => {
        const s = bySplit[id][li].bySeverity[sev] ?? { predChars: 0, detCharTP: 0, corCharTP: 0 };
        return `${s.predChars} | ${fmt(s.detCharTP / s.predChars)} | ${fmt(s.corCharTP / s.predChars)}`;
      };
      out.push(`| ${l.name} | ${sev} | ${cell('train')} | ${cell('dev')} |`);
    }
    if (!sevs.length) out.push(`| ${l.name} | — | 0 | — | — | 0 | — | — |`);
  });
  out.push('');
  return out.join('\n');
}

function accuracy(layers: Layer[]) {
  const odw = readOdw();
  const bySplit: Record<SplitId, Counts[]> = { dev: layers.map(zero), train: layers.map(zero) };
  for (const { id } of SPLITS) {
    for (const { wrong, gold } of odw.split[id]) {
      layers.forEach((layer, li) => {
        const c = bySplit[id][li];
        const found = runRules(layer.rules, wrong);
        score(c, gold, predictions(wrong, found.map((f) => f.report)));
        for (const sev of new Set(found.map((f) => f.severity))) {
          const pred = predictions(wrong, found.filter((f) => f.severity === sev).map((f) => f.report));
          const s = (c.bySeverity[sev] ??= { predChars: 0, detCharTP: 0, corCharTP: 0 });
          s.predChars += pred.size;
          for (const [pos, ch] of pred) {
            const g = gold.get(pos);
            if (g === undefined) continue;
            s.detCharTP++;
            if (ch === g) s.corCharTP++;
          }
        }
      });
    }
  }
  const skipped = (id: SplitId) => odw.skipped[id].length ? `, ${odw.skipped[id].length} skipped (unequal lengths: line ${odw.skipped[id].join(', ')})` : '';
  console.log(`## Accuracy on odw.train (${odw.lines} lines)\n`);
  for (const { id, title } of SPLITS) {
    console.log(`### odw.train ${title}: ${odw.split[id].length} sentences${skipped(id)}\n`);
    console.log(accuracyTable(layers, bySplit[id]));
  }
  console.log('### Character precision by severity (training and development lines)\n');
  console.log(severityTable(layers, bySplit));
  const det = layers.findIndex((l) => l.id === 'detector');
  if (det >= 0) {
    const w = bySplit.train[det].bySeverity.warning;
    const p = w ? w.detCharTP / w.predChars : NaN;
    console.log(`Detector warnings, character detection precision on the training lines: ${fmt(p)} ` +
      `(${w?.detCharTP ?? 0}/${w?.predChars ?? 0}; required ≥ 0.98: ${w ? (p >= 0.98 ? 'met' : 'NOT met') : 'no warnings'}).\n`);
  }
  return {
    file: path.relative(root, odw.file),
    lines: odw.lines,
    dev: {
      rule: 'index % 5 == 4',
      sentences: odw.split.dev.length,
      skippedLines: odw.skipped.dev,
      layers: Object.fromEntries(layers.map((l, li) => [l.id, { name: l.name, ...metrics(bySplit.dev[li]) }])),
    },
    train: {
      rule: 'index % 5 != 4',
      sentences: odw.split.train.length,
      skippedLines: odw.skipped.train,
      layers: Object.fromEntries(layers.map((l, li) => [l.id, { name: l.name, ...metrics(bySplit.train[li]) }])),
    },
  };
}

// ---------------------------------------------------------------------------
// False alarms on gov-docs.

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

interface GroupCounts {
  total: number;
  bySeverity: Map<string, number>;
  byVerdict: Map<string, number>;
}
interface Group {
  id: 'unseen' | 'all';
  title: string;
  files: number;
  chars: number;
  counts: GroupCounts[];
}

function readUnseen(): Set<string> {
  const file = path.join(shared, 'corpora/gov-docs-unseen.txt');
  return new Set(fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean));
}

function falseAlarms(layers: Layer[]) {
  const dir = path.join(shared, 'corpora/gov-docs');
  let files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const unseen = readUnseen();
  if (quick) files = [...files.filter((f) => unseen.has(f)).slice(0, 100), ...files.filter((f) => !unseen.has(f)).slice(0, 100)].sort();
  const missing = [...unseen].filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) notes.push(`gov-docs-unseen.txt names ${missing.length} files not in gov-docs/`);
  const review = loadReview(reviewFile);
  const group = (id: Group['id'], title: string): Group => ({
    id, title, files: 0, chars: 0,
    counts: layers.map(() => ({ total: 0, bySeverity: new Map(), byVerdict: new Map() })),
  });
  const groups = {
    unseen: group('unseen', 'unseen files (gov-docs-unseen.txt; not the model\'s training text)'),
    all: group('all', 'all files — includes the model\'s training text (gongwen-train/ is cut from them)'),
  };
  const samples: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const chars = text.replace(/\s/g, '').length;
    const isUnseen = unseen.has(f);
    const targets = isUnseen ? [groups.unseen, groups.all] : [groups.all];
    for (const g of targets) {
      g.files++;
      g.chars += chars;
    }
    layers.forEach((layer, li) => {
      for (const { report: r, severity: sev } of runRules(layer.rules, text)) {
        const verdict = review.get(`${f}\t${r.start}\t${text.slice(r.start, r.end)}`) ?? 'unreviewed';
        for (const g of targets) {
          const c = g.counts[li];
          c.total++;
          c.bySeverity.set(sev, (c.bySeverity.get(sev) ?? 0) + 1);
          c.byVerdict.set(verdict, (c.byVerdict.get(verdict) ?? 0) + 1);
        }
        if (faOut && layer.id !== 'both') {
          const ctxText = text.slice(Math.max(0, r.start - 12), r.end + 12).replace(/\s/g, ' ');
          samples.push(`${layer.name}\t${sev}\t${f}\t${r.start}\t${text.slice(r.start, r.end)}\t${r.message}\t${ctxText}\t${isUnseen ? 'unseen' : 'seen'}`);
        }
      }
    });
  }
  const per = (n: number, chars: number) => (chars ? (n / chars) * 10000 : NaN);
  console.log(`## False alarms on gov-docs${quick ? ' (--quick: the first 100 unseen and the first 100 other files only)' : ''}\n`);
  for (const g of [groups.unseen, groups.all]) {
    console.log(`### gov-docs, ${g.title}: ${g.files} files, ${g.chars} non-space characters\n`);
    console.log(`| layer | findings | per 10,000 chars | ${SEVERITIES.join(' | ')} |`);
    console.log(`|---|---|---|${SEVERITIES.map(() => '---').join('|')}|`);
    layers.forEach((l, li) => {
      const c = g.counts[li];
      const other = [...c.bySeverity.keys()].filter((k) => !SEVERITIES.includes(k as Severity));
      const extra = other.length ? ` (also ${other.map((k) => `${k} ${c.bySeverity.get(k)}`).join(', ')})` : '';
      console.log(`| ${l.name} | ${c.total}${extra} | ${fmt(per(c.total, g.chars))} | ${SEVERITIES.map((s) => c.bySeverity.get(s) ?? 0).join(' | ')} |`);
    });
    console.log('');
    if (review.size) {
      console.log(`Reviewed (${path.relative(root, reviewFile)}, ${review.size} findings): findings by verdict; ` +
        'false alarms = reviewed false alarms + unreviewed findings.\n');
      console.log('| layer | findings | real slips | variant notes | style notes | false alarms (reviewed + unreviewed) | false alarms per 10,000 chars |');
      console.log('|---|---|---|---|---|---|---|');
      layers.forEach((l, li) => {
        const v = (k: string) => g.counts[li].byVerdict.get(k) ?? 0;
        const fa = v('false alarm') + v('unreviewed');
        console.log(`| ${l.name} | ${g.counts[li].total} | ${v(VERDICTS[0])} | ${v(VERDICTS[1])} | ${v(VERDICTS[2])} | ${fa} (${v('false alarm')} + ${v('unreviewed')}) | ${fmt(per(fa, g.chars))} |`);
      });
      console.log('');
    }
  }
  if (faOut) fs.writeFileSync(faOut, samples.join('\n') + '\n');
  const groupJson = (g: Group) => ({
    title: g.title,
    files: g.files,
    chars: g.chars,
    layers: Object.fromEntries(layers.map((l, li) => {
      const c = g.counts[li];
      const v = (k: string) => c.byVerdict.get(k) ?? 0;
      const fa = v('false alarm') + v('unreviewed');
      return [l.id, {
        name: l.name,
        findings: c.total,
        per10k: ratio(c.total * 10000, g.chars),
        bySeverity: { ...Object.fromEntries(SEVERITIES.map((s) => [s, 0])), ...Object.fromEntries(c.bySeverity) },
        bySeverityPer10k: Object.fromEntries(SEVERITIES.map((s) => [s, ratio((c.bySeverity.get(s) ?? 0) * 10000, g.chars)])),
        byVerdict: Object.fromEntries(c.byVerdict),
        falseAlarms: review.size ? fa : null,
        falseAlarmsPer10k: review.size ? ratio(fa * 10000, g.chars) : null,
      }];
    })),
  });
  return {
    quick,
    review: review.size ? { file: path.relative(root, reviewFile), entries: review.size } : null,
    unseen: groupJson(groups.unseen),
    all: groupJson(groups.all),
  };
}

// ---------------------------------------------------------------------------
// Speed and memory.

function speed() {
  if (!getLexicon) {
    notes.push('speed: the lexicon loader is not exported any more; load times not measured');
  }
  const before = process.memoryUsage();
  const t0 = performance.now();
  getLexicon?.();
  const loadMs = performance.now() - t0;
  const tc = performance.now();
  getContextModel?.();
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
  console.log(`- lexicon load: ${getLexicon ? `${loadMs.toFixed(0)} ms` : '—'}, context model load: ${getContextModel ? `${contextMs.toFixed(0)} ms` : '—'} (lazy, once)`);
  console.log(`- memory after loading both: rss ${(after.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(after.heapUsed / 2 ** 20).toFixed(0)} MiB (heap growth ${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(0)} MiB)`);
  console.log(`- ${total} characters in ${lines.length} lines: ${ms.toFixed(0)} ms, ${Math.round(total / (ms / 1000))} chars/s (${found} detections)`);
  console.log(`- one 200-character paragraph: ${paraMs.toFixed(2)} ms`);
  console.log('');
  return {
    lexiconLoadMs: getLexicon ? loadMs : null,
    contextLoadMs: getContextModel ? contextMs : null,
    rssMiB: after.rss / 2 ** 20,
    heapUsedMiB: after.heapUsed / 2 ** 20,
    heapGrowthMiB: (after.heapUsed - before.heapUsed) / 2 ** 20,
    chars: total,
    lines: lines.length,
    ms,
    charsPerSecond: total / (ms / 1000),
    detections: found,
    paragraphMs: paraMs,
  };
}

// ---------------------------------------------------------------------------
// Threshold sweep (training lines only).

function sweepThresholds(): number[] | undefined {
  const given = arg('--thresholds');
  if (given) return given.split(',').map(Number).filter(Number.isFinite).sort((a, b) => a - b);
  if (MEDIUM_SCORE === undefined || HIGH_SCORE === undefined || !(HIGH_SCORE > MEDIUM_SCORE)) return undefined;
  const step = (HIGH_SCORE - MEDIUM_SCORE) / 2;
  const out: number[] = [];
  for (let k = -5; k <= 4; k++) out.push(+(MEDIUM_SCORE + k * step).toPrecision(6));
  return out;
}

/**
 * Operating points of the detector alone on the training lines: detections
 * whose score is at or above each threshold, single thresholds only (no
 * support). The false-alarm side is gongwen-train (the model's training text).
 * For choosing thresholds; the shipped defaults live in detect.ts and are
 * never picked from this table at run time.
 */
function sweep(train: OdwLine[]) {
  const thresholds = sweepThresholds();
  if (!thresholds?.length) {
    notes.push('sweep skipped: MEDIUM_SCORE/HIGH_SCORE not exported (give --thresholds)');
    console.log('## Detector operating points\n\n(skipped: no MEDIUM_SCORE/HIGH_SCORE exported; give --thresholds a,b,c)\n');
    return null;
  }
  const dir = path.join(shared, 'corpora/gongwen-train');
  let files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((x) => x.endsWith('.txt')).sort() : [];
  if (quick) files = files.slice(0, 100);
  const govBlocks: string[] = [];
  let chars = 0;
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    chars += text.replace(/\s/g, '').length;
    for (const b of buildTextModel(text, 'plaintext').blocks) govBlocks.push(b.text);
  }
  const shipped = [
    MEDIUM_SCORE !== undefined ? `info from ${MEDIUM_SCORE}` : '',
    HIGH_SCORE !== undefined ? `warning from ${HIGH_SCORE}` : '',
    SUPPORTED_SCORE !== undefined
      ? `plus, in a sentence that holds a detection, info from ${SUPPORTED_SCORE}${WORD_ONLY_SUPPORTED_SCORE !== undefined ? ` (${WORD_ONLY_SUPPORTED_SCORE} without the context model)` : ''}; not in these tables: single thresholds only`
      : '',
  ].filter(Boolean).join('; ');
  console.log(`## Detector operating points on the training lines (score threshold sweep)\n`);
  console.log(`Training lines of odw.train only (${train.length} sentences); false alarms on gongwen-train${quick ? ' (--quick: first 100 files)' : ''} ` +
    `(${files.length} files, ${chars} non-space characters: the model's training text, so lower than on unseen text). ` +
    `Shipped: ${shipped || '—'}.\n`);
  const contexts = getContextModel ? [true, false] : [true];
  const tables: Array<{ context: boolean; rows: Array<Record<string, number | null>> }> = [];
  let noScore = false;
  for (const context of contexts) {
    const opts = { minScore: thresholds[0], support: false, context } as Parameters<typeof detect>[1];
    const odw = train.map(({ wrong, gold }) => ({ d: detect(wrong, opts), gold }));
    const gov: Detection[] = [];
    for (const t of govBlocks) gov.push(...detect(t, opts));
    if ([...odw.flatMap((x) => x.d), ...gov].some((d) => scoreOf(d) === undefined)) {
      noScore = true;
      break;
    }
    const rows: Array<Record<string, number | null>> = [];
    for (const th of thresholds) {
      let predSent = 0, tp = 0, goldSent = 0, predChars = 0, detTP = 0, corTP = 0, goldChars = 0;
      for (const { d, gold } of odw) {
        const p = d.filter((x) => scoreOf(x)! >= th);
        goldChars += gold.size;
        if (gold.size) goldSent++;
        if (p.length) predSent++;
        // A detection replaces one or two characters: the positions it changes.
        const changed = p.flatMap((x) => [...x.rightChar].map((c, j) => [x.index + j, c] as const).filter(([k, c]) => x.wrongChar[k - x.index] !== c));
        predChars += changed.length;
        for (const [k, c] of changed) {
          if (gold.has(k)) {
            detTP++;
            if (gold.get(k) === c) corTP++;
          }
        }
        const pos = new Set(changed.map(([k]) => k));
        if (gold.size && pos.size === gold.size && [...pos].every((x) => gold.has(x))) tp++;
      }
      const fa = gov.filter((x) => scoreOf(x)! >= th).length;
      const P = tp / predSent, R = tp / goldSent;
      const n = (x: number) => (Number.isFinite(x) ? x : null);
      rows.push({
        threshold: th,
        sentDetP: n(P), sentDetR: n(R), sentDetF1: n(f1(P, R)),
        charDetP: ratio(detTP, predChars), charDetR: ratio(detTP, goldChars), charCorP: ratio(corTP, predChars),
        flaggedChars: predChars, gongwenTrainFindings: fa, gongwenTrainPer10k: ratio(fa * 10000, chars),
      });
    }
    if (!context && tables.length && JSON.stringify(tables[0].rows) === JSON.stringify(rows)) {
      notes.push('sweep: `context: false` gives the same detections as the default (option not honoured?); its table is omitted');
      break;
    }
    tables.push({ context, rows });
  }
  if (noScore) {
    notes.push('sweep skipped: Detection.score is not a number');
    console.log('(skipped: Detection.score is not a number)\n');
    return null;
  }
  for (const { context, rows } of tables) {
    console.log(context ? '### Detector as shipped (default options)\n' : '### Without the general context model (`context: false`)\n');
    console.log('| threshold | sent. det. P | sent. det. R | sent. det. F1 | char det. P | char det. R | char cor. P | gongwen-train findings | per 10,000 chars |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    const v = (x: number | null) => fmt(x ?? NaN);
    for (const r of rows) {
      console.log(`| ${r.threshold} | ${v(r.sentDetP)} | ${v(r.sentDetR)} | ${v(r.sentDetF1)} | ${v(r.charDetP)} | ${v(r.charDetR)} | ${v(r.charCorP)} | ${r.gongwenTrainFindings} | ${v(r.gongwenTrainPer10k)} |`);
    }
    const firstPrecise = rows.find((r) => rows.filter((x) => x.threshold! >= r.threshold!).every((x) => x.charDetP === null || x.charDetP >= 0.98));
    const from = !firstPrecise ? '— (none)' : firstPrecise === rows[0] ? `${firstPrecise.threshold} (the lowest in the grid)` : `${firstPrecise.threshold}`;
    console.log(`\nLowest threshold from which character detection precision stays ≥ 0.98 on the training lines: ${from}\n`);
  }
  return {
    split: 'train',
    sentences: train.length,
    falseAlarmCorpus: { dir: 'corpora/gongwen-train', files: files.length, chars },
    thresholds,
    tables,
  };
}

// ---------------------------------------------------------------------------

function main(): void {
  const layers: Layer[] = [];
  if (dictionary) layers.push({ id: 'dictionary', name: 'dictionary', rules: [dictionary] });
  const wordOnly = wordModelOnlyLayer();
  if (wordOnly) layers.push({ id: 'detector-word-model', name: 'detector without the general context model', rules: [wordOnly] });
  layers.push({ id: 'detector', name: 'detector', rules: [confusable] });
  if (dictionary) layers.push({ id: 'both', name: 'both', rules: [dictionary, confusable] });
  if (!dictionary) console.log('(typo/dictionary not available: detector layer only)\n');
  const result: Record<string, unknown> = {
    generated: new Date().toISOString(),
    argv: process.argv.slice(2),
    quick,
    scores: { MEDIUM_SCORE: MEDIUM_SCORE ?? null, HIGH_SCORE: HIGH_SCORE ?? null, SUPPORTED_SCORE: SUPPORTED_SCORE ?? null },
    layers: layers.map((l) => ({ id: l.id, name: l.name, rules: l.rules.map((r) => r.meta.id) })),
  };
  result.speed = process.argv.includes('--no-speed') ? null : speed();
  result.odw = accuracy(layers);
  result.govDocs = falseAlarms(layers);
  result.sweep = process.argv.includes('--no-sweep') ? null : sweep(readOdw().split.train);
  result.notes = notes;
  if (notes.length) console.log(`Notes:\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
  if (jsonOut) {
    fs.mkdirSync(path.dirname(path.resolve(jsonOut)), { recursive: true });
    fs.writeFileSync(jsonOut, JSON.stringify(result, null, 2) + '\n');
    console.log(`JSON: ${jsonOut}`);
  }
}

main();
