// In-document suppression comments:
//   <!-- gongwen-disable-next-line RULE[, RULE…] -->
//   <!-- gongwen-disable RULE[, RULE…] --> … <!-- gongwen-enable RULE[, RULE…] -->
// RULE is a rule id (`punctuation/fullwidth`) or a category (`typo`); none
// means every rule. In Markdown a comment needs a blank line around it to be
// a block of its own; the next line is the next line that holds prose.

import type { TextModel } from './types';
import { positionAt } from './textModel';

interface LineRange {
  from: number; // first suppressed source line
  to: number; // last suppressed source line (inclusive)
  targets: string[] | null; // null: every rule
}

export interface Suppressions {
  isSuppressed(ruleId: string, category: string, startOffset: number): boolean;
  /** Directives that could not be understood, for reporting. */
  invalid: Array<{ start: number; end: number; text: string }>;
}

const DIRECTIVE = /^gongwen-(disable-next-line|disable-line|disable|enable)\b\s*(.*)$/s;

export function collectSuppressions(model: TextModel): Suppressions {
  const ranges: LineRange[] = [];
  const invalid: Suppressions['invalid'] = [];
  const open = new Map<string, number>(); // target ('*' for all) → start line
  const lastLine = model.lineStarts.length - 1;

  for (const c of model.comments) {
    const m = DIRECTIVE.exec(c.body);
    if (!m) {
      if (c.body.startsWith('gongwen')) invalid.push({ start: c.start, end: c.end, text: c.body });
      continue;
    }
    const targets = m[2]
      .split(/[\s,，]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const list = targets.length ? targets : null;
    switch (m[1]) {
      case 'disable-next-line': {
        const next = model.lines.find((l) => l.sourceLine > c.endLine);
        if (next) ranges.push({ from: next.sourceLine, to: next.sourceLine, targets: list });
        break;
      }
      case 'disable-line':
        ranges.push({ from: c.line, to: c.line, targets: list });
        break;
      case 'disable':
        for (const t of list ?? ['*']) if (!open.has(t)) open.set(t, c.endLine);
        break;
      case 'enable':
        for (const t of list ?? [...open.keys()]) {
          const from = open.get(t);
          if (from === undefined) continue;
          ranges.push({ from, to: c.line, targets: t === '*' ? null : [t] });
          open.delete(t);
        }
        break;
    }
  }
  for (const [t, from] of open) ranges.push({ from, to: lastLine, targets: t === '*' ? null : [t] });

  return {
    invalid,
    isSuppressed(ruleId, category, startOffset) {
      if (!ranges.length) return false;
      const line = positionAt(model.lineStarts, startOffset).line;
      return ranges.some(
        (r) =>
          line >= r.from &&
          line <= r.to &&
          (r.targets === null || r.targets.includes(ruleId) || r.targets.includes(category)),
      );
    },
  };
}
