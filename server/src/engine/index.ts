// The runner: builds the text model and structure, runs the enabled rules,
// applies configuration and suppression comments, and returns findings.
// Also the fixer: applies safe fixes in non-overlapping passes.

import type {
  BlockContext,
  Category,
  ConfigProblem,
  DocFormat,
  DocStructure,
  DocumentContext,
  Edit,
  Finding,
  LineRole,
  Report,
  Rule,
  RuleOptions,
  Severity,
  TextBlock,
  TextModel,
} from './types';
import { buildTextModel, ModelCache, ownCopy } from './textModel';
import { recogniseStructure } from './structure';
import { collectSuppressions } from './suppression';
import { defaultConfig, type ResolvedConfig, type RuleSetting } from './config';
import { listRules } from './registry';
import { dictionaryProblems } from './dictionary/index';
import { dropSubsumed } from './dedupe';

export interface CheckOptions {
  format: DocFormat;
  config?: ResolvedConfig;
  /** Only these categories (CLI `--only`). */
  only?: Category[];
  /** Rules to run instead of the registry (tests). */
  rules?: Rule[];
  /** Reuse block-rule results for unchanged blocks (the typing path). */
  cache?: BlockCache;
  /**
   * When given, receives the milliseconds spent in each phase: `model`,
   * `structure`, `suppressions`, each rule by id, and `findings` (sorting and
   * de-duplication). Times add up over repeated calls (benchmarks).
   */
  timings?: Map<string, number>;
  /**
   * Per source line (0-based), the heading depth the host knows from the
   * draft's layout (a Word document checked as plain text: its title
   * paragraph is depth 1). Used where a Markdown heading's depth is used.
   */
  lineDepths?: ReadonlyArray<number | undefined>;
  /**
   * Per source line (0-based), the element the host knows a line to be from
   * the draft's layout (a Word document checked as plain text: its red
   * 发文机关标志, its right-aligned 成文日期). Taken where the content leaves
   * the line unclassified or body, and only when the line's text can be that
   * element (a 发文机关标志 above the title, a date as the 成文日期 is
   * recognised); a clear content-based decision is never overridden.
   */
  lineRoles?: ReadonlyArray<LineRole | undefined>;
}

export interface RuleError {
  ruleId: string;
  message: string;
}

export interface CheckResult {
  findings: Finding[];
  model: TextModel;
  structure: DocStructure;
  problems: ConfigProblem[];
  ruleErrors: RuleError[];
}

/** What a rule's setting resolves to. */
export interface EffectiveRule {
  rule: Rule;
  severity?: Severity; // set by configuration, overriding the rule's own
  options: Record<string, unknown>;
}

/** The rules that run under a configuration, with their configured severity. */
export function effectiveRules(config: ResolvedConfig, rules: Rule[] = listRules(), only?: Category[]): EffectiveRule[] {
  const out: EffectiveRule[] = [];
  for (const rule of rules) {
    if (only && !only.includes(rule.meta.category)) continue;
    // a rule's own setting wins over its category's
    const setting: RuleSetting | undefined = config.rules[rule.meta.id] ?? config.rules[rule.meta.category];
    if (setting === false || setting === 'off') continue;
    if (typeof setting === 'object' && setting.enabled === false) continue;
    const severity = typeof setting === 'string' ? (setting as Severity) : typeof setting === 'object' ? setting.severity : undefined;
    const options = typeof setting === 'object' ? (setting.options ?? {}) : {};
    out.push({ rule, severity, options });
  }
  return out;
}

/**
 * Caches block-rule findings by block source text (and kind), per rule, so an
 * edit re-checks only the blocks it changed. Findings are stored relative to
 * the block's start. Entries no check has used lately are swept out, so a
 * long editing session keeps about one document's worth of entries. Clear it
 * when configuration changes.
 */
interface BlockEntry {
  used: number;
  byRule: Map<string, Report[]>;
  /** The reports of every block rule of one rule set (see ruleSetId), with the rule's index in that set. */
  all?: { ruleSet: number; reports: Array<[number, Report]> };
}

export class BlockCache {
  private map = new Map<string, BlockEntry>();
  /** Entries by the model cache's stand-in for a block's kind and text (ModelCache.origins): found without hashing the text. */
  private byOrigin = new WeakMap<object, BlockEntry>();
  private tick = 0;
  private maxEntries: number;
  /** Markdown chunks parsed by earlier checks (see buildTextModel). */
  readonly model = new ModelCache();
  constructor(maxEntries = 50_000) {
    this.maxEntries = maxEntries;
  }
  /** Start a check: entries touched from now on count as in use. */
  begin(): void {
    this.tick++;
    this.model.begin();
  }
  /** The cached results of a block, created empty when missing. */
  block(key: string): BlockEntry {
    let e = this.map.get(key);
    if (!e) {
      e = { used: this.tick, byRule: new Map() };
      // a key built from a slice of the source would keep that whole version of the source alive: store a copy
      this.map.set(ownCopy(key), e);
    } else e.used = this.tick;
    return e;
  }
  /** The cached results of a block that `origin` stands for (see ModelCache.origins); `key` gives its text key when first seen. */
  blockByOrigin(origin: object, key: () => string): BlockEntry {
    let e = this.byOrigin.get(origin);
    if (!e) {
      e = this.block(key());
      this.byOrigin.set(origin, e);
    } else e.used = this.tick;
    return e;
  }
  /** End a check that used `blocks` blocks: drop what it did not use once the cache has grown well past that. */
  end(blocks: number): void {
    if (this.map.size > Math.min(this.maxEntries, 2 * blocks + 256)) {
      for (const [k, e] of this.map) if (e.used !== this.tick) this.map.delete(k);
      if (this.map.size > this.maxEntries) this.map.clear();
    }
    this.model.end();
  }
  clear(): void {
    this.map.clear();
    this.byOrigin = new WeakMap();
    this.model.clear();
  }
  /** Number of blocks cached. */
  get size(): number {
    return this.map.size;
  }
}

/** Small numbers standing for lists of effective rules (ids and severities); never reused. */
const ruleSets = new Map<string, number>();
let lastRuleSet = 0;
function ruleSetId(rules: EffectiveRule[]): number {
  const key = rules.map((r) => `${r.rule.meta.id}:${r.severity ?? ''}`).join('\u0000');
  let id = ruleSets.get(key);
  if (id === undefined) {
    if (ruleSets.size >= 256) ruleSets.clear();
    id = ++lastRuleSet;
    ruleSets.set(key, id);
  }
  return id;
}

function shiftReport(r: Report, delta: number): Report {
  if (delta === 0) return r;
  return {
    ...r,
    start: r.start + delta,
    end: r.end + delta,
    fixes: r.fixes?.map((f) => ({
      title: f.title,
      edits: f.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })),
    })),
  };
}

export function check(source: string, opts: CheckOptions): CheckResult {
  const timings = opts.timings;
  let mark = timings ? performance.now() : 0;
  const lap = (phase: string) => {
    if (!timings) return;
    const now = performance.now();
    timings.set(phase, (timings.get(phase) ?? 0) + now - mark);
    mark = now;
  };
  const config = opts.config ?? defaultConfig();
  const cache = opts.cache;
  cache?.begin();
  const model = buildTextModel(source, opts.format, cache?.model);
  lap('model');
  const structure = recogniseStructure(model, opts.lineDepths, opts.lineRoles);
  lap('structure');
  // Broken user dictionaries are reported with the configuration's problems.
  const problems: ConfigProblem[] = [...config.problems, ...(config.dictionaries.length ? dictionaryProblems(config.dictionaries) : [])];
  const ruleErrors: RuleError[] = [];
  const findings: Finding[] = [];
  if (!config.enable) {
    cache?.end(model.blocks.length);
    return { findings, model, structure, problems, ruleErrors };
  }

  const suppressions = collectSuppressions(model);
  const acceptedWords = new Set(config.acceptedWords);
  const baseOptions: Omit<RuleOptions, 'ruleOptions'> = {
    acceptedWords,
    dictionaries: config.dictionaries,
    detector: config.detector,
  };
  const rules = effectiveRules(config, opts.rules, opts.only);
  const repeated = repeatedForms(source);
  const accepts = rules.map(({ rule, severity }) => (r: Report) => {
    if (r.deliberateIfRepeated && repeated(r.start, r.end)) return;
    const finding = toFinding(r, rule, severity, source);
    if (finding && !suppressions.isSuppressed(rule.meta.id, rule.meta.category, finding.start)) findings.push(finding);
  });
  // The cache: per-block entries are looked up once per check. A block whose
  // results for this very rule set are complete is settled at once; only the
  // others (the blocks an edit changed) go through the rules one by one.
  const origins = cache?.model.origins;
  const blockKey = (b: TextBlock) => `${b.kind}\u0000${source.slice(b.start, b.end)}`;
  const blockEntries = cache
    ? model.blocks.map((b, i) => (origins && origins.length === model.blocks.length ? cache.blockByOrigin(origins[i], () => blockKey(b)) : cache.block(blockKey(b))))
    : undefined;
  const ruleSet = blockEntries ? ruleSetId(rules) : 0;
  const pending: number[] = [];
  if (blockEntries) {
    blockEntries.forEach((entry, i) => {
      if (entry.all?.ruleSet !== ruleSet) return void pending.push(i);
      const start = model.blocks[i].start;
      for (const [k, r] of entry.all.reports) accepts[k](shiftReport(r, start));
    });
  }
  lap('suppressions');

  rules.forEach(({ rule, options }, k) => {
    const meta = rule.meta;
    const ruleOptions: RuleOptions = { ...baseOptions, ruleOptions: options };
    const accept = accepts[k];
    try {
      if (rule.block) {
        if (blockEntries) {
          // One context for all blocks: reports go to the current block's list.
          let local: Report[] = [];
          const ctx: BlockContext = { model, options: ruleOptions, report: (r) => local.push(r) };
          for (const i of pending) {
            const block = model.blocks[i];
            const entry = blockEntries[i].byRule;
            const cached = entry.get(meta.id);
            if (cached) {
              for (const r of cached) accept(shiftReport(r, block.start));
              continue;
            }
            local = [];
            rule.block(block, ctx);
            entry.set(meta.id, local.map((r) => shiftReport(r, -block.start)));
            local.forEach(accept);
          }
        } else {
          const ctx: BlockContext = { model, options: ruleOptions, report: accept };
          for (const block of model.blocks) rule.block(block, ctx);
        }
      }
      if (rule.document) {
        const ctx: DocumentContext = { model, structure, options: ruleOptions, report: accept };
        rule.document(ctx);
      }
    } catch (e) {
      // One broken rule must not take the others down.
      ruleErrors.push({ ruleId: meta.id, message: (e as Error)?.stack ?? String(e) });
    }
    lap(meta.id);
  });
  if (blockEntries && !ruleErrors.length) {
    // every block rule has now run on the pending blocks: settle them for next time
    for (const i of pending) {
      const entry = blockEntries[i];
      const reports: Array<[number, Report]> = [];
      rules.forEach(({ rule }, k) => {
        if (rule.block) for (const r of entry.byRule.get(rule.meta.id) ?? []) reports.push([k, r]);
      });
      entry.all = { ruleSet, reports };
    }
  }
  cache?.end(model.blocks.length);
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const result = { findings: dropSubsumed(findings), model, structure, problems, ruleErrors };
  lap('findings');
  return result;
}

/**
 * How often a form must occur in a document to count as the writer's choice
 * rather than a slip (see Report.deliberateIfRepeated): a slip is an
 * accident, and the same accident three times is unlikely.
 */
export const DELIBERATE_REPEATS = 3;

/**
 * Whether source[start, end) occurs DELIBERATE_REPEATS times or more in the
 * source, memoised per form for one check (checked after the block cache, so
 * that a cached block's report is judged against the current document).
 */
function repeatedForms(source: string): (start: number, end: number) => boolean {
  const memo = new Map<string, boolean>();
  return (start, end) => {
    const form = source.slice(start, end);
    let hit = memo.get(form);
    if (hit === undefined) {
      let n = 0;
      if (form) for (let at = source.indexOf(form); at >= 0 && n < DELIBERATE_REPEATS; at = source.indexOf(form, at + form.length)) n++;
      hit = n >= DELIBERATE_REPEATS;
      memo.set(form, hit);
    }
    return hit;
  };
}

/** Validate a report's ranges against the source; drop what is out of bounds or splits a surrogate pair. */
function toFinding(r: Report, rule: Rule, severity: Severity | undefined, source: string): Finding | undefined {
  if (!validRange(r.start, r.end, source)) return undefined;
  const fixes = (r.fixes ?? []).filter((f) => f.edits.length > 0 && f.edits.every((e) => validRange(e.start, e.end, source)));
  return {
    ruleId: rule.meta.id,
    category: rule.meta.category,
    start: r.start,
    end: r.end,
    message: r.message,
    severity: severity ?? r.severity ?? rule.meta.severity,
    fixes,
    safe: fixes.length > 0 && (r.safe ?? rule.meta.safeFix),
    clause: rule.meta.clause,
  };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** True when `at` falls between the two halves of a surrogate pair (a lone surrogate is a character of its own). */
function splitsPair(source: string, at: number): boolean {
  return at > 0 && at < source.length && isLowSurrogate(source.charCodeAt(at)) && isHighSurrogate(source.charCodeAt(at - 1));
}

function validRange(start: number, end: number, source: string): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return false;
  if (start < 0 || end < start || end > source.length) return false;
  if (splitsPair(source, start) || splitsPair(source, end)) return false;
  return true;
}

/** Apply non-overlapping edits (sorted or not). Overlapping ones are skipped; returns what was applied. */
export function applyEdits(source: string, edits: Edit[]): { output: string; applied: Edit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: Edit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd || (e.start === lastEnd && e.start === e.end && applied.length && applied[applied.length - 1].start === e.start)) continue;
    applied.push(e);
    lastEnd = e.end;
  }
  let out = '';
  let pos = 0;
  for (const e of applied) {
    out += source.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  out += source.slice(pos);
  return { output: out, applied };
}

/**
 * The edits of one fix-all pass: the first fix of every safe finding, whole
 * fixes only, never two that overlap.
 */
export function safeFixEdits(findings: Finding[]): Edit[] {
  const chosen: Edit[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (e: Edit) => taken.some(([s, t]) => e.start < t && s < e.end || (e.start === s && e.end === t));
  for (const f of findings) {
    if (!f.safe || !f.fixes.length) continue;
    const edits = f.fixes[0].edits;
    if (edits.some(overlaps)) continue;
    for (const e of edits) {
      chosen.push(e);
      taken.push([e.start, e.end]);
    }
  }
  return chosen;
}

export interface FixAllResult {
  output: string;
  /** Number of fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** Findings that remain after the last pass. */
  remaining: Finding[];
}

/** Apply every safe fix, re-checking between passes, until none is left (at most 10 passes). */
export function fixAll(source: string, opts: CheckOptions): FixAllResult {
  let output = source;
  let fixed = 0;
  let passes = 0;
  let result = check(output, opts);
  while (passes < 10) {
    const edits = safeFixEdits(result.findings);
    if (!edits.length) break;
    const { output: next, applied } = applyEdits(output, edits);
    passes++;
    if (next === output) break;
    fixed += applied.length;
    output = next;
    result = check(output, opts);
  }
  return { output, fixed, passes, remaining: result.findings };
}

export { buildTextModel, ModelCache } from './textModel';
export type { ResolvedConfig } from './config';
