// doctype/qingshi-one-matter: 请示应当一文一事 (条例 第十五条(四)). A hint when
// requests (请批准, 请审批, 请予拨付, …) appear under more than one first-level heading.

import type { Rule } from '../../engine/types';
import { mainTextLines, maskQuoted, range } from '../structure/_util';

const REQUEST = /(请(予|求)?(批准|审批|拨付|核拨|解决|同意|批示|批复)|恳请)/;
const CLOSING = /(妥否|当否|以上请示|特此请示)/;

export const rule: Rule = {
  meta: {
    id: 'doctype/qingshi-one-matter',
    category: 'doctype',
    severity: 'info',
    safeFix: false,
    description: '请示应当一文一事，不宜在一份请示中提出多个请求事项',
    clause: '党政机关公文处理工作条例 第十五条（四）',
    details: '请示应当一文一事。几个一级标题下分别提出请求（如请批准、请拨付），可能是把多个事项合在一份请示中，宜分别行文。',
    examples: [{ bad: '一、关于增加编制（请予批准）……二、关于拨付经费（请予拨付）……', good: '每个事项单独行文请示' }],
  },
  document(ctx) {
    const { model, structure } = ctx;
    if (structure.docType !== '请示') return;
    const byLine = new Map(structure.headings.map((h) => [h.line, h]));
    const sections = new Set<number>();
    let section = -1;
    let second: number | undefined;
    const lines = mainTextLines(model, structure);
    for (const v of lines) {
      // the closing (`以上请示，请予批准。`) belongs to the whole 请示, not to its last section
      if (v === lines[lines.length - 1] || CLOSING.test(v.t)) continue;
      const h = byLine.get(v.index);
      if (h && h.level === 1 && h.style === 'chinese') section = v.index;
      if (section < 0) continue;
      if (REQUEST.test(maskQuoted(v.t))) {
        sections.add(section);
        if (sections.size === 2 && second === undefined) second = section;
      }
    }
    if (second === undefined) return;
    const v = lines.find((x) => x.index === second)!;
    ctx.report({
      ...range(v, 0, v.t.length),
      message: `请示应当一文一事：${sections.size}个一级标题下都提出了请求事项，宜分别请示`,
      fixes: [],
    });
  },
};
