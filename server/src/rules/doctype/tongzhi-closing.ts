// doctype/tongzhi-closing: the closing of a 通知 is `特此通知。` (of a 通报
// `特此通报。`), with a full stop, not an exclamation mark (practice).

import type { Rule } from '../../engine/types';
import { mainTextLines, range, replaceFix } from '../structure/_util';

export const rule: Rule = {
  meta: {
    id: 'doctype/tongzhi-closing',
    category: 'doctype',
    severity: 'info',
    safeFix: true,
    description: '通知、通报的结束语“特此通知”“特此通报”后用句号',
    clause: '公文写作惯例；GB/T 15834-2011 §4.1',
    details: '通知的结束语“特此通知。”、通报的结束语“特此通报。”一般单独成段，是陈述句，句末用句号，不用叹号。',
    examples: [
      { bad: '特此通知！', good: '特此通知。' },
      { bad: '特此通知', good: '特此通知。' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    const type = structure.docType;
    if (type !== '通知' && type !== '通报') return;
    for (const v of mainTextLines(model, structure).slice(-3)) {
      const m = /^特此(通知|通报)([！!。.，,；;]*)$/.exec(v.t);
      if (!m) continue;
      const word = m[1];
      if (word !== type) {
        ctx.report({
          ...range(v, 0, v.t.length),
          message: `${type}的结束语应为“特此${type}。”，不是“特此${word}”`,
          fixes: [replaceFix(v, 0, v.t.length, `特此${type}。`)],
          safe: false,
        });
        continue;
      }
      if (m[2] === '。') continue;
      const at = 4;
      ctx.report({
        ...range(v, 0, v.t.length),
        message: `结束语应写作“特此${type}。”，句末用句号${m[2] ? `，不用“${m[2]}”` : ''}`,
        fixes: [replaceFix(v, at, v.t.length, '。', `改为“特此${type}。”`)],
      });
    }
  },
};
