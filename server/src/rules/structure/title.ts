// structure/title: 标题 = 发文机关 + 事由 + one statutory 文种 (条例 第八条,
// 第九条(七)). No doubled or mixed 文种 (`请示报告`), no trailing
// punctuation (GB/T 15834 B.4; practice). Text inside 《》 is a cited title
// and is not checked.

import type { Rule } from '../../engine/types';
import { DOC_TYPES, docTypeOfTitle, stripBookTitles } from '../../engine/structure-patterns';
import { linesOfKind, range, replaceFix } from './_util';

const TWO_CHAR_TYPES = DOC_TYPES.filter((d) => d.length === 2);
/** Names of documents that are not 公文 themselves (plans, rules, …): a title ending with one is no 公文 title. */
const NOT_GONGWEN = /(方案|总结|计划|规划|办法|规定|细则|条例|章程|规则|制度|要点|安排|清单|目录|名单|说明|讲话|简报|汇报|情况|材料|提纲|指南|标准|守则|须知|记录|协议|合同|建议书|申请书|倡议书|发言)$/;

export const rule: Rule = {
  meta: {
    id: 'structure/title',
    category: 'structure',
    severity: 'warning',
    safeFix: true,
    description: '公文标题应以一个法定文种结尾，不得重复或混用文种，末尾不加标点',
    clause: '党政机关公文处理工作条例 第八条、第九条（七）；GB/T 9704-2012 §7.3.1',
    details:
      '公文标题由发文机关名称、事由和文种组成。文种只能是条例第八条规定的15种之一（另加纪要），不得混用（如“请示报告”）或重复（如“的通知的通知”）。标题末尾不加标点符号；标题中除法规、规章名称加书名号外，一般不用标点符号。',
    examples: [
      { bad: '关于申请拨付防汛经费的请示报告', good: '关于申请拨付防汛经费的请示' },
      { bad: '关于做好春节期间安全生产工作的通知。', good: '关于做好春节期间安全生产工作的通知' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    const lines = linesOfKind(model, structure, 'title');
    if (!lines.length || !structure.titleText) return;
    const first = lines[0];
    const last = lines[lines.length - 1];
    const whole = { start: range(first, 0, first.t.length).start, end: range(last, 0, last.t.length).end };

    // Trailing punctuation (on the last title line).
    const tm = /[。，；：！？、.,;:!?]+$/.exec(last.t);
    if (tm) {
      ctx.report({
        ...range(last, tm.index, last.t.length),
        message: `标题末尾不加标点符号，应删去“${tm[0]}”`,
        fixes: [replaceFix(last, tm.index, last.t.length, '', `删去“${tm[0]}”`)],
      });
    }

    const title = structure.titleText.replace(/[\s\u3000]*[。，；：！？、.,;:!?]+$/, '');
    const outside = stripBookTitles(title);
    const type = docTypeOfTitle(title);
    if (!type) {
      if (structure.docTypeSource === 'frontMatter') return; // the author named the 文种
      if (NOT_GONGWEN.test(outside)) return;
      // Only for drafts that are clearly 公文 (a Markdown README also has a `#` title).
      const kinds = new Set(structure.lineKinds);
      const gongwen = ['recipient', 'docNumber', 'issuerMark', 'date', 'signature'].some((k) => kinds.has(k as never));
      if (!/[\u4e00-\u9fff]/.test(outside) || !gongwen) return;
      ctx.report({
        ...whole,
        message: '标题未以法定文种结尾：公文标题应由发文机关、事由和文种组成，如“关于……的通知”“关于……的请示”',
        fixes: [],
      });
      return;
    }
    // Mixed or doubled 文种: another 文种 right before the final one (`请示报告`, `通知通知`).
    const rest = outside.slice(0, outside.length - type.length);
    const before = TWO_CHAR_TYPES.find((d) => rest.endsWith(d));
    if (before) {
      const end = last.t.length - (tm ? tm[0].length : 0);
      const span = range(last, Math.max(0, end - before.length - type.length), end);
      const ok = before === type ? type : undefined;
      ctx.report({
        ...span,
        severity: 'error',
        message: ok
          ? `标题中文种“${type}”重复，应只保留一个`
          : `标题中文种混用：“${before}${type}”，一份公文只能用一个文种，应写作“${before}”或“${type}”`,
        fixes: ok ? [{ title: `改为“${type}”`, edits: [{ ...span, newText: type }] }] : [],
        safe: !!ok,
      });
      return;
    }
    // `…的通知的通知`: the same 文种 twice (not in a 转发/印发 title, which cites another document).
    const doubled = new RegExp(`的${type}的${type}$`).test(outside);
    if (doubled && !/(转发|印发|批转)/.test(outside)) {
      ctx.report({
        ...whole,
        severity: 'error',
        message: `标题中文种“${type}”重复（“的${type}的${type}”），应只保留一个`,
        fixes: [],
      });
    }
    // Front matter names a different 文种 than the title.
    if (structure.docTypeSource === 'frontMatter' && structure.docType && structure.docType !== type) {
      ctx.report({
        ...whole,
        message: `标题的文种“${type}”与前置元数据中的文种“${structure.docType}”不一致`,
        fixes: [],
      });
    }
  },
};
