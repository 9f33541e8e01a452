// structure/cc: 抄送机关 — `抄送：A，B。`: the label with a full-width colon,
// the last name followed by a full stop (GB/T 9704-2012 §7.4.2).

import type { Rule } from '../../engine/types';
import { linesOfKind, range, replaceFix, type LineView } from './_util';

export const rule: Rule = {
  meta: {
    id: 'structure/cc',
    category: 'structure',
    severity: 'error',
    safeFix: true,
    description: '抄送机关：“抄送”后用全角冒号，最后一个抄送机关名称后标句号',
    clause: 'GB/T 9704-2012 §7.4.2',
    details:
      '如有抄送机关，一般用4号仿宋体字，在印发机关和印发日期之上一行、左右各空一字编排。“抄送”二字后加全角冒号和抄送机关名称，回行时与冒号后的首字对齐，最后一个抄送机关名称后标句号。',
    examples: [
      { bad: '抄送:市委办公室，市人大常委会办公厅', good: '抄送：市委办公室，市人大常委会办公厅。' },
    ],
  },
  document(ctx) {
    const lines = linesOfKind(ctx.model, ctx.structure, 'cc');
    // group: a list starts at a `抄送` line
    const groups: LineView[][] = [];
    for (const v of lines) {
      if (/^抄[ \u3000]*送/.test(v.t) || !groups.length) groups.push([v]);
      else groups[groups.length - 1].push(v);
    }
    for (const g of groups) {
      const head = g[0];
      const cm = /^抄[ \u3000]*送[ \u3000]*([:：])/.exec(head.t);
      if (!cm) continue;
      if (cm[1] === ':') {
        const i = cm[0].length - 1;
        ctx.report({ ...range(head, i, i + 1), message: '“抄送”后应使用全角冒号“：”', fixes: [replaceFix(head, i, i + 1, '：')] });
      }
      const last = g[g.length - 1];
      if (last === head && head.t.length === cm[0].length) continue; // no names yet
      if (last.t.endsWith('。')) continue;
      const pm = /[，,；;、.．]+$/.exec(last.t);
      if (pm) {
        ctx.report({
          ...range(last, pm.index, last.t.length),
          message: `最后一个抄送机关名称后应标句号“。”，不用“${pm[0]}”`,
          fixes: [replaceFix(last, pm.index, last.t.length, '。')],
        });
      } else if (!/[：:]$/.test(last.t)) {
        const n = last.t.length;
        ctx.report({
          ...range(last, n - 1, n),
          message: '最后一个抄送机关名称后应标句号“。”',
          fixes: [replaceFix(last, n, n, '。', '加句号“。”')],
        });
      }
    }
  },
};
