// structure/urgency: 紧急程度 is `特急` or `加急` (telegrams: 特提, 特急,
// 加急, 平急) (条例 第九条(三); GB/T 9704-2012 §7.2.3).

import type { Rule } from '../../engine/types';
import { linesOfKind, range } from './_util';

export const rule: Rule = {
  meta: {
    id: 'structure/urgency',
    category: 'structure',
    severity: 'warning',
    safeFix: false,
    description: '紧急程度只标“特急”或“加急”（电报另有“特提”“平急”）',
    clause: '党政机关公文处理工作条例 第九条（三）；GB/T 9704-2012 §7.2.3',
    details:
      '紧急公文应当分别标注“特急”“加急”，电报应当分别标注“特提”“特急”“加急”“平急”。“急件”“紧急”等不是规定的紧急程度标志。',
    examples: [
      { bad: '急件', good: '加急' },
      { bad: '紧急', good: '特急' },
    ],
  },
  document(ctx) {
    for (const v of linesOfKind(ctx.model, ctx.structure, 'urgency')) {
      if (/^(特急|加急|特提|平急)$/.test(v.t)) continue;
      ctx.report({
        ...range(v, 0, v.t.length),
        message: `“${v.t}”不是规定的紧急程度标志，应根据紧急程度标注“特急”或“加急”`,
        fixes: [
          { title: '改为“特急”', edits: [{ ...range(v, 0, v.t.length), newText: '特急' }] },
          { title: '改为“加急”', edits: [{ ...range(v, 0, v.t.length), newText: '加急' }] },
        ],
      });
    }
  },
};
