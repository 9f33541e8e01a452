// structure/copy-number: 份号 is written with six Arabic digits on the first
// line (GB/T 9704-2012 §7.2.1): `12` → `000012`.

import type { Rule } from '../../engine/types';
import { linesOfKind, range } from './_util';

export const rule: Rule = {
  meta: {
    id: 'structure/copy-number',
    category: 'structure',
    severity: 'warning',
    safeFix: false,
    description: '份号一般用6位阿拉伯数字',
    clause: 'GB/T 9704-2012 §7.2.1',
    details: '如需标注份号，一般用6位3号阿拉伯数字，顶格编排在版心左上角第一行。',
    examples: [{ bad: '12', good: '000012' }],
  },
  document(ctx) {
    for (const v of linesOfKind(ctx.model, ctx.structure, 'copyNumber')) {
      const digits = v.t.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
      if (/^[0-9]{6}$/.test(v.t) || digits.length > 6) continue;
      const good = digits.padStart(6, '0');
      const r = range(v, 0, v.t.length);
      ctx.report({
        ...r,
        message: `份号一般用6位阿拉伯数字，应写作“${good}”`,
        fixes: [{ title: `改为“${good}”`, edits: [{ ...r, newText: good }] }],
      });
    }
  },
};
