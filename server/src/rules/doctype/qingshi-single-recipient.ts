// doctype/qingshi-single-recipient: a 请示 is addressed, in principle, to one
// superior; others are informed by 抄送 (条例 第十五条(一)).

import type { Rule } from '../../engine/types';
import { linesOfKind, range } from '../structure/_util';

export const rule: Rule = {
  meta: {
    id: 'doctype/qingshi-single-recipient',
    category: 'doctype',
    severity: 'warning',
    safeFix: false,
    description: '请示原则上只主送一个上级机关',
    clause: '党政机关公文处理工作条例 第十五条（一）',
    details:
      '向上级机关行文，原则上主送一个上级机关，根据需要同时抄送相关上级机关和同级机关，不抄送下级机关。请示多头主送，容易造成无人负责或批复不一。',
    examples: [{ bad: '市人民政府、市财政局：', good: '市人民政府：' }],
  },
  document(ctx) {
    const { model, structure } = ctx;
    if (structure.docType !== '请示') return;
    const lines = linesOfKind(model, structure, 'recipient');
    if (!lines.length) return;
    const text = lines.map((v) => v.t).join('').replace(/[:：]$/, '');
    // separators outside parentheses
    const outside = text.replace(/[（(][^）)]*[）)]/g, '');
    const parts = outside.split(/[、，,；;]/).filter((p) => p.trim());
    if (parts.length < 2) return;
    const first = lines[0];
    const last = lines[lines.length - 1];
    ctx.report({
      start: range(first, 0, first.t.length).start,
      end: range(last, 0, last.t.length).end,
      message: `请示原则上只主送一个上级机关，此处主送了${parts.length}个机关；其他需要知悉的上级机关可列入抄送`,
      fixes: [],
    });
  },
};
