// The rule registry: every rule's metadata, validated once at load.

import type { Rule } from './types';
import { CATEGORIES } from './types';
import { allRules } from '../rules/index';

const ID = /^([a-z]+)\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEVERITIES = ['error', 'warning', 'info', 'hint'];

/** Problems with a rule's metadata; empty when it is well-formed. */
export function validateRuleMeta(rule: Rule): string[] {
  const m = rule.meta;
  const out: string[] = [];
  const match = ID.exec(m.id ?? '');
  if (!match) out.push(`${m.id}: id must be category/kebab-name`);
  else if (match[1] !== m.category) out.push(`${m.id}: id prefix does not match category ${m.category}`);
  if (!CATEGORIES.includes(m.category)) out.push(`${m.id}: unknown category ${m.category}`);
  if (!SEVERITIES.includes(m.severity)) out.push(`${m.id}: bad severity ${m.severity}`);
  if (typeof m.safeFix !== 'boolean') out.push(`${m.id}: safeFix must be boolean`);
  if (!m.description || !/[\u4e00-\u9fff]/.test(m.description)) out.push(`${m.id}: description must be Chinese`);
  if (!m.clause) out.push(`${m.id}: clause missing`);
  if (!rule.block && !rule.document) out.push(`${m.id}: no check function`);
  return out;
}

let registry: Map<string, Rule> | undefined;

/** All registered rules by id. Throws at load if a rule's metadata is broken (a programming error). */
export function getRegistry(): Map<string, Rule> {
  if (registry) return registry;
  const map = new Map<string, Rule>();
  const problems: string[] = [];
  for (const rule of allRules) {
    problems.push(...validateRuleMeta(rule));
    if (map.has(rule.meta.id)) problems.push(`${rule.meta.id}: duplicate id`);
    map.set(rule.meta.id, rule);
  }
  if (problems.length) throw new Error('Invalid rule metadata:\n' + problems.join('\n'));
  registry = map;
  return map;
}

export function listRules(): Rule[] {
  return [...getRegistry().values()];
}
