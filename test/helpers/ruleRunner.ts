// Run one rule through the real runner and fixer: shared by the rule tests.

import { strict as assert } from 'node:assert';
import { check, fixAll } from '../../server/src/engine/index';
import type { DocFormat, Finding, Rule } from '../../server/src/engine/types';

/** The rule's findings on src; fails when the rule throws. */
export function run(rule: Rule, src: string, format: DocFormat = 'plaintext'): Finding[] {
  const result = check(src, { format, rules: [rule] });
  assert.deepEqual(result.ruleErrors, [], `rule threw on ${JSON.stringify(src)}`);
  return result.findings;
}

/** src after fix-all with only this rule. */
export function fix(rule: Rule, src: string, format: DocFormat = 'plaintext'): string {
  return fixAll(src, { format, rules: [rule] }).output;
}
