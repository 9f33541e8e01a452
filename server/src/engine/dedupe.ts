// One mistake, one finding. When two rules report the same mistake — e.g.
// `各单位:` is both an ASCII colon in Chinese text and a 主送机关 without its
// full-width colon — the user should see the more specific finding only.
// A finding is subsumed when its first fix only edits text that another
// rule's first fix also rewrites, and that rule is more specific.

import type { Category, Edit, Finding } from './types';

/** Rules that know the element a line is win over rules that only see characters. */
const SPECIFICITY: Record<Category, number> = {
  structure: 5,
  heading: 5,
  doctype: 4,
  number: 3,
  punctuation: 2,
  wording: 1,
  typo: 1,
};

function inside(e: Edit, outer: Edit[]): boolean {
  return outer.some((o) => o.start <= e.start && e.end <= o.end && (o.start < o.end || e.start === e.end));
}

/** Findings longer than this are few (whole lines or blocks); they are checked against every finding. */
const LONG = 256;

/** Drop findings whose fix is contained in a more specific rule's fix. Findings must be sorted by start. */
export function dropSubsumed(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const dropped = new Set<Finding>();
  const long = findings.filter((f) => f.end - f.start > LONG && f.fixes[0]?.edits.length);
  const subsumedBy = (a: Finding, b: Finding, aEdits: Edit[]): boolean => {
    if (b === a || dropped.has(b) || b.ruleId === a.ruleId) return false;
    if (b.start > a.end || b.end < a.start) return false;
    const bEdits = b.fixes[0]?.edits;
    if (!bEdits?.length || SPECIFICITY[b.category] <= SPECIFICITY[a.category]) return false;
    return aEdits.every((e) => inside(e, bEdits));
  };
  for (const a of findings) {
    const aEdits = a.fixes[0]?.edits;
    if (!aEdits?.length) continue;
    // A short finding that overlaps a starts at most LONG before it: binary-search the window.
    let lo = 0;
    let hi = findings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (findings[mid].start < a.start - LONG) lo = mid + 1;
      else hi = mid;
    }
    let hit = false;
    for (let j = lo; j < findings.length && findings[j].start <= a.end; j++) {
      if (subsumedBy(a, findings[j], aEdits)) {
        hit = true;
        break;
      }
    }
    if (!hit) hit = long.some((b) => subsumedBy(a, b, aEdits));
    if (hit) dropped.add(a);
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}
