// One mistake, one finding. When two rules report the same mistake — e.g.
// `各单位:` is both an ASCII colon in Chinese text and a 主送机关 without its
// full-width colon — the user should see the more specific finding only.
// A finding is subsumed when its first fix only edits text that another
// rule's first fix also rewrites, and that finding ranks higher: its rule is
// more specific, or, as specific, it is more certain (a higher severity: a
// reviewed dictionary entry's error over the statistical detector's guess
// at the same slip). Two findings of equal rank whose first fixes rewrite
// the same text (截止 → 截至 from the dictionary and from wording/jiezhi) are
// one mistake too: the one whose fix fix-all may apply stays (so dropping a
// twin never costs a safe fix), else the first in order.

import type { Category, Edit, Finding, Severity } from './types';

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

/** Among equally specific rules, the more certain finding wins. */
const CERTAINTY: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** How b ranks against a: > 0 above (more specific, or as specific and more certain), 0 equal. */
function rank(b: Finding, a: Finding): number {
  return SPECIFICITY[b.category] - SPECIFICITY[a.category] || CERTAINTY[b.severity] - CERTAINTY[a.severity];
}

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
  const order = new Map(findings.map((f, i) => [f, i]));
  const subsumedBy = (a: Finding, b: Finding, aEdits: Edit[]): boolean => {
    if (b === a || dropped.has(b) || b.ruleId === a.ruleId) return false;
    if (b.start > a.end || b.end < a.start) return false;
    const bEdits = b.fixes[0]?.edits;
    if (!bEdits?.length) return false;
    const r = rank(b, a);
    if (r < 0 || !aEdits.every((e) => inside(e, bEdits))) return false;
    if (r > 0) return true;
    // Equal rank: only the same rewrite (each fix inside the other); the safe one, else the earlier one, stays.
    if (!bEdits.every((e) => inside(e, aEdits))) return false;
    return b.safe !== a.safe ? b.safe : order.get(b)! < order.get(a)!;
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
