// doctype/baogao-no-request: no 请示事项 in a 报告 (条例 第十五条(四): 不得在
// 报告等非请示性公文中夹带请示事项). Quotations of someone else's request
// (in quotes or 书名号, or introduced by 提出/报来/反映…) are not reported.

import type { Rule } from '../../engine/types';
import { mainTextLines, maskQuoted, range } from '../structure/_util';

// `报请审批`, `提请批复`, `申请审批` report a step taken, not a request to the reader.
const REQUEST = /(妥否|当否|(?<![报提申呈送转])请(予)?批示|(?<![报提申呈送转])请(予)?批复|(?<![报提申呈送转])请(予)?审批|(?<![报提申呈送转])请予批准|恳请.{0,10}?(批准|审批|拨付|核拨))/g;
/** A sentence that reports what someone else asked. */
const QUOTING = /(提出|报来|来文|反映|转来|申请|表示|称|要求|建议)[^。！？；]*$/;

export const rule: Rule = {
  meta: {
    id: 'doctype/baogao-no-request',
    category: 'doctype',
    severity: 'error',
    safeFix: false,
    description: '报告中不得夹带请示事项',
    clause: '党政机关公文处理工作条例 第十五条（四）',
    details:
      '报告适用于向上级机关汇报工作、反映情况、回复询问，不要求上级答复。不得在报告中夹带请示事项（如“妥否，请批示”“请审批”）；需要上级批准的事项，应当另行请示。报告结尾可用“特此报告。”“以上报告，请审阅。”',
    examples: [
      { bad: '以上报告，妥否，请批示。', good: '特此报告。' },
      { bad: '恳请市政府拨付专项资金50万元。', good: '（拨付资金事项另行请示）' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    if (structure.docType !== '报告') return;
    for (const v of mainTextLines(model, structure)) {
      const text = maskQuoted(v.t);
      REQUEST.lastIndex = 0;
      for (let m = REQUEST.exec(text); m; m = REQUEST.exec(text)) {
        const sentenceStart = Math.max(text.lastIndexOf('。', m.index), text.lastIndexOf('！', m.index), text.lastIndexOf('？', m.index), text.lastIndexOf('；', m.index)) + 1;
        if (QUOTING.test(text.slice(sentenceStart, m.index))) continue;
        ctx.report({
          ...range(v, m.index, m.index + m[0].length),
          message: `报告中不得夹带请示事项（“${m[0]}”）；需要上级批准的事项应另行请示，报告结尾可用“特此报告。”`,
          fixes: [],
        });
      }
    }
  },
};
