// Shared assertions for rule tests: run one rule through the real runner and fixer.

import assert from 'node:assert/strict';
import type { DocFormat, Finding, Rule } from '../../../../server/src/engine/types';
import { run, fix } from '../../../helpers/ruleRunner';

export { run, fix };

/** The rule reports at least one finding on src; with `fixed`, fix-all yields it, and fixing is stable. */
export function bad(rule: Rule, src: string, fixed?: string, format: DocFormat = 'plaintext'): Finding[] {
  const found = run(rule, src, format);
  assert.ok(found.length > 0, `expected a finding on ${JSON.stringify(src)}`);
  for (const f of found) {
    assert.equal(f.ruleId, rule.meta.id);
    assert.match(f.message, /[\u4e00-\u9fff]/, 'message should be Chinese');
    assert.ok(f.end >= f.start);
  }
  if (fixed !== undefined) {
    const out = fix(rule, src, format);
    assert.equal(out, fixed, `fix-all of ${JSON.stringify(src)}`);
    stable(rule, src, format);
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

/** After fix-all no safe-fixable finding remains, and a second fix-all changes nothing. */
export function stable(rule: Rule, src: string, format: DocFormat = 'plaintext'): void {
  const once = fix(rule, src, format);
  const left = run(rule, once, format).filter((f) => f.safe);
  assert.deepEqual(left.map((f) => f.message), [], `safe findings left after fix-all of ${JSON.stringify(src)}`);
  assert.equal(fix(rule, once, format), once, 'second fix-all changed the text');
}

/** The rule reports but offers no safe fix (fix-all leaves the text alone). */
export function reportOnly(rule: Rule, src: string, format: DocFormat = 'plaintext'): Finding[] {
  const found = bad(rule, src, undefined, format);
  assert.ok(found.every((f) => !f.safe), `expected no safe fix on ${JSON.stringify(src)}`);
  assert.equal(fix(rule, src, format), src);
  return found;
}
