// doctype/pifu: a 批复 opens by citing the request it answers
// (`你单位《关于…的请示》（X〔2024〕N号）收悉。`) and closes with `此复。` (practice).

import type { Rule } from '../../engine/types';
import { mainTextLines, range, replaceFix } from '../structure/_util';

export const rule: Rule = {
  meta: {
    id: 'doctype/pifu',
    category: 'doctype',
    severity: 'info',
    safeFix: true,
    description: '批复开头引叙来文（“……收悉”），结尾一般用“此复。”',
    clause: '党政机关公文处理工作条例 第八条（十三）；公文写作惯例',
    details:
      '批复适用于答复下级机关请示事项。开头一般引叙来文标题和发文字号，如“你单位《关于……的请示》（X〔2024〕N号）收悉。”；结尾一般用“此复。”，也可用“特此批复。”。',
    examples: [
      { bad: '关于设立开发区的请示已收到。', good: '你区《关于设立开发区的请示》（X区政〔2024〕3号）收悉。' },
      { bad: '此复！', good: '此复。' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    if (structure.docType !== '批复') return;
    const lines = mainTextLines(model, structure);
    if (!lines.length) return;
    const first = lines[0];
    if (!/收悉|收到|悉/.test(first.t) && !/(请示|来文|来函|报告)/.test(first.t)) {
      ctx.report({
        ...range(first, 0, first.t.length),
        message: '批复开头一般先引叙来文，如“你单位《关于……的请示》（X〔2024〕N号）收悉。”',
        fixes: [],
      });
    }
    for (const v of lines.slice(-2)) {
      const m = /^(此复|特此批复)([！!.，,；;]*)$/.exec(v.t);
      if (!m) continue;
      ctx.report({
        ...range(v, 0, v.t.length),
        message: `结束语应写作“${m[1]}。”，句末用句号`,
        fixes: [replaceFix(v, m[1].length, v.t.length, '。', `改为“${m[1]}。”`)],
      });
    }
  },
};
