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

/** Drop findings whose fix is contained in a more specific rule's fix. Findings must be sorted by start. */
export function dropSubsumed(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const dropped = new Set<Finding>();
  for (let i = 0; i < findings.length; i++) {
    const a = findings[i];
    const aEdits = a.fixes[0]?.edits;
    if (!aEdits?.length) continue;
    // candidates overlap a's range; findings are sorted by start, so scan a window both ways
    for (let j = 0; j < findings.length; j++) {
      const b = findings[j];
      if (b === a || dropped.has(b) || b.ruleId === a.ruleId) continue;
      if (b.start > a.end) break;
      if (b.end < a.start) continue;
      const bEdits = b.fixes[0]?.edits;
      if (!bEdits?.length) continue;
      if (SPECIFICITY[b.category] <= SPECIFICITY[a.category]) continue;
      if (aEdits.every((e) => inside(e, bEdits))) {
        dropped.add(a);
        break;
      }
    }
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}
