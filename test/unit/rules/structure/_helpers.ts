// Assertions for structure and doctype rule tests: run one rule through the
// real runner (text model → structure → rule) and the fixer.

import { strict as assert } from 'node:assert';
import { buildTextModel } from '../../../../server/src/engine/textModel';
import { recogniseStructure } from '../../../../server/src/engine/structure';
import type { DocFormat, Finding, Report, Rule } from '../../../../server/src/engine/types';
import { run, fix } from '../../../helpers/ruleRunner';

export { run, fix };

/** Call rule.document directly, the way the brief describes (no runner). */
export function direct(rule: Rule, src: string, format: DocFormat = 'plaintext'): Report[] {
  const model = buildTextModel(src, format);
  const structure = recogniseStructure(model);
  const out: Report[] = [];
  rule.document!({
    model,
    structure,
    options: { acceptedWords: new Set(), dictionaries: [], detector: false, ruleOptions: {} },
    report: (r) => out.push(r),
  });
  return out;
}


/** The rule reports on src (each finding in Chinese); with `fixed`, fix-all yields it and is stable. Returns the findings. */
export function bad(rule: Rule, src: string, fixed?: string, format: DocFormat = 'plaintext'): Finding[] {
  const found = run(rule, src, format);
  assert.ok(found.length > 0, `expected a finding on ${JSON.stringify(src)}`);
  for (const f of found) {
    assert.equal(f.ruleId, rule.meta.id);
    assert.match(f.message, /[\u4e00-\u9fff]/);
    assert.ok(f.end > f.start, 'empty range');
  }
  if (fixed !== undefined) {
    const once = fix(rule, src, format);
    assert.equal(once, fixed, `fix-all of ${JSON.stringify(src)}`);
    const left = run(rule, once, format).filter((f) => f.safe);
    assert.deepEqual(left.map((f) => f.message), [], 'safe findings left after fix-all');
    assert.equal(fix(rule, once, format), once, 'second fix-all changed the text');
  }
  return found;
}

/** The rule reports nothing on src. */
export function good(rule: Rule, src: string, format: DocFormat = 'plaintext'): void {
  const found = run(rule, src, format);
  assert.deepEqual(
    found.map((f) => `${src.slice(f.start, f.end)}: ${f.message}`),
    [],
    `expected no finding on ${JSON.stringify(src)}`,
  );
}

/** The rule reports, offers no safe fix, and fix-all leaves the text alone. */
export function reportOnly(rule: Rule, src: string, format: DocFormat = 'plaintext'): Finding[] {
  const found = bad(rule, src, undefined, format);
  assert.ok(found.every((f) => !f.safe), 'expected no safe fix');
  assert.equal(fix(rule, src, format), src);
  return found;
}

/** The source text each finding covers. */
export function spans(found: Finding[], src: string): string[] {
  return found.map((f) => src.slice(f.start, f.end));
}

/** A minimal document around the given lines: title, recipient, body, signature, date. */
export function doc(opts: { title?: string; head?: string[]; recipient?: string; body?: string[]; tail?: string[] }): string {
  const lines = [
    ...(opts.head ?? []),
    opts.title ?? '关于做好春节期间安全生产工作的通知',
    '',
    opts.recipient ?? '各区县人民政府：',
    '',
    ...(opts.body ?? ['现将有关事项通知如下。']),
    '',
    ...(opts.tail ?? ['XX市人民政府', '', '2024年1月20日']),
  ];
  return lines.join('\n') + '\n';
}
