// structure/annotation: 附注 (e.g. `（此件公开发布）`) stands in full-width
// parentheses on the line after the 成文日期 (GB/T 9704-2012 §7.3.6).

import type { Rule } from '../../engine/types';
import { linesOfKind, range } from './_util';

export const rule: Rule = {
  meta: {
    id: 'structure/annotation',
    category: 'structure',
    severity: 'warning',
    safeFix: true,
    description: '附注应加全角圆括号“（）”',
    clause: 'GB/T 9704-2012 §7.3.6',
    details: '如有附注，居左空二字加圆括号编排在成文日期下一行。中文圆括号应为全角“（）”。',
    examples: [{ bad: '(此件公开发布)', good: '（此件公开发布）' }],
  },
  document(ctx) {
    for (const v of linesOfKind(ctx.model, ctx.structure, 'annotation')) {
      const open = v.t[0];
      const close = v.t[v.t.length - 1];
      if (open === '（' && close === '）') continue;
      const a = range(v, 0, 1);
      const b = range(v, v.t.length - 1, v.t.length);
      const edits = [];
      if (open === '(') edits.push({ ...a, newText: '（' });
      if (close === ')') edits.push({ ...b, newText: '）' });
      ctx.report({
        ...range(v, 0, v.t.length),
        message: '附注应使用全角圆括号“（）”',
        fixes: edits.length ? [{ title: '改为全角圆括号“（）”', edits }] : [],
      });
    }
  },
};
