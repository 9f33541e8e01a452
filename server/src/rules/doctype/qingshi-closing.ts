// doctype/qingshi-closing: a 请示 ends with a request for a reply
// (`妥否，请批示。`, `当否，请批复。`, `以上请示，请予审批。`), never with a
// 报告's closing (`以上报告`, `特此报告`, `请审阅`) (practice; 条例 第十五条(四)).

import type { Rule } from '../../engine/types';
import { eol, mainTextLines, range } from '../structure/_util';

/** Phrases that ask the superior for a decision. */
const REQUEST = /(妥否|当否|可否|是否可行|是否妥当|请(予|求)?(批示|批复|审批|审定|批准|核准|审核|指示|示复|研究|同意|支持|解决|拨付|核拨|帮助|予以|给予|考虑)|恳请)/;
const REPORT_CLOSING = /(以上报告|特此报告|请审阅|请审查|专此报告)/;

export const rule: Rule = {
  meta: {
    id: 'doctype/qingshi-closing',
    category: 'doctype',
    severity: 'warning',
    safeFix: false,
    description: '请示应以请求批复的结束语收尾（如“妥否，请批示。”），不用报告的结束语',
    clause: '党政机关公文处理工作条例 第八条（十二）、第十五条（四）；公文写作惯例',
    details:
      '请示适用于向上级机关请求指示、批准，结尾应写明请求事项，常用“妥否，请批示。”“当否，请批复。”“以上请示，请予审批。”等；不得使用“特此报告”“以上报告”“请审阅”等报告的结束语。',
    examples: [
      { bad: '特此报告。', good: '妥否，请批示。' },
      { bad: '以上报告，请审阅。', good: '以上请示，请予审批。' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    if (structure.docType !== '请示') return;
    const body = mainTextLines(model, structure);
    if (!body.length) return;
    const tail = body.slice(-2);
    for (const v of tail) {
      const m = REPORT_CLOSING.exec(v.t);
      if (m) {
        ctx.report({
          ...range(v, m.index, m.index + m[0].length),
          message: `请示的结束语不应使用报告的用语“${m[0]}”，应写明请求事项，如“妥否，请批示。”`,
          fixes: [],
        });
        return;
      }
    }
    if (tail.some((v) => REQUEST.test(v.t))) return;
    const last = tail[tail.length - 1];
    const end = range(last, last.t.length - 1, last.t.length).end;
    const sep = model.format === 'markdown' ? eol(model) + eol(model) : eol(model);
    ctx.report({
      ...range(last, 0, last.t.length),
      message: '请示结尾应写明请求事项，如“妥否，请批示。”“当否，请批复。”',
      fixes: [{ title: '另起一段加“妥否，请批示。”', edits: [{ start: end, end, newText: `${sep}妥否，请批示。` }] }],
    });
  },
};
