// structure/recipient-colon: 主送机关 ends with a full-width colon
// (GB/T 9704-2012 §7.3.2).

import type { Rule } from '../../engine/types';
import { linesOfKind, range, replaceFix } from './_util';

export const rule: Rule = {
  meta: {
    id: 'structure/recipient-colon',
    category: 'structure',
    severity: 'error',
    safeFix: true,
    description: '主送机关名称后应使用全角冒号“：”',
    clause: 'GB/T 9704-2012 §7.3.2',
    details: '主送机关编排于标题下空一行位置，居左顶格，回行时仍顶格，最后一个机关名称后标全角冒号。',
    examples: [{ bad: '各区县人民政府:', good: '各区县人民政府：' }],
  },
  document(ctx) {
    const lines = linesOfKind(ctx.model, ctx.structure, 'recipient');
    if (!lines.length) return;
    const v = lines[lines.length - 1];
    if (!v.t.endsWith(':')) return;
    const i = v.t.length - 1;
    ctx.report({
      ...range(v, i, i + 1),
      message: '主送机关最后一个机关名称后应使用全角冒号“：”',
      fixes: [replaceFix(v, i, i + 1, '：')],
    });
  },
};
