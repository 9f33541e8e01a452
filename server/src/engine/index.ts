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
  Report,
  Rule,
  RuleOptions,
  Severity,
  TextModel,
} from './types';
import { buildTextModel } from './textModel';
import { recogniseStructure } from './structure';
import { collectSuppressions } from './suppression';
import { defaultConfig, type ResolvedConfig, type RuleSetting } from './config';
import { listRules } from './registry';

export interface CheckOptions {
  format: DocFormat;
  config?: ResolvedConfig;
  /** Only these categories (CLI `--only`). */
  only?: Category[];
  /** Rules to run instead of the registry (tests). */
  rules?: Rule[];
  /** Reuse block-rule results for unchanged blocks (the typing path). */
  cache?: BlockCache;
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
 * Caches block-rule findings by rule and block source text, so an edit
 * re-checks only the blocks it changed. Findings are stored relative to
 * the block's start. Clear it when configuration changes.
 */
export class BlockCache {
  private map = new Map<string, Report[]>();
  private maxEntries: number;
  constructor(maxEntries = 50_000) {
    this.maxEntries = maxEntries;
  }
  get(key: string): Report[] | undefined {
    return this.map.get(key);
  }
  set(key: string, reports: Report[]): void {
    if (this.map.size >= this.maxEntries) this.map.clear();
    this.map.set(key, reports);
  }
  clear(): void {
    this.map.clear();
  }
  get size(): number {
    return this.map.size;
  }
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
  const config = opts.config ?? defaultConfig();
  const model = buildTextModel(source, opts.format);
  const structure = recogniseStructure(model);
  const problems: ConfigProblem[] = [...config.problems];
  const ruleErrors: RuleError[] = [];
  const findings: Finding[] = [];
  if (!config.enable) return { findings, model, structure, problems, ruleErrors };

  const suppressions = collectSuppressions(model);
  const acceptedWords = new Set(config.acceptedWords);
  const baseOptions: Omit<RuleOptions, 'ruleOptions'> = {
    acceptedWords,
    dictionaries: config.dictionaries,
    detector: config.detector,
  };

  for (const { rule, severity, options } of effectiveRules(config, opts.rules, opts.only)) {
    const meta = rule.meta;
    const ruleOptions: RuleOptions = { ...baseOptions, ruleOptions: options };
    const accept = (r: Report) => {
      const finding = toFinding(r, rule, severity, source);
      if (finding && !suppressions.isSuppressed(meta.id, meta.category, finding.start)) findings.push(finding);
    };
    try {
      if (rule.block) {
        for (const block of model.blocks) {
          const key = opts.cache ? `${meta.id}\u0000${block.kind}\u0000${source.slice(block.start, block.end)}` : '';
          const cached = opts.cache?.get(key);
          if (cached) {
            for (const r of cached) accept(shiftReport(r, block.start));
            continue;
          }
          const local: Report[] = [];
          const ctx: BlockContext = { model, options: ruleOptions, report: (r) => local.push(r) };
          rule.block(block, ctx);
          opts.cache?.set(key, local.map((r) => shiftReport(r, -block.start)));
          local.forEach(accept);
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
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { findings, model, structure, problems, ruleErrors };
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

function validRange(start: number, end: number, source: string): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return false;
  if (start < 0 || end < start || end > source.length) return false;
  if (start > 0 && start < source.length && isLowSurrogate(source.charCodeAt(start))) return false;
  if (end > 0 && end < source.length && isLowSurrogate(source.charCodeAt(end))) return false;
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

export { buildTextModel } from './textModel';
export type { ResolvedConfig } from './config';
