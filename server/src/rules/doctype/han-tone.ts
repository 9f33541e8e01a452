// doctype/han-tone: a 函 goes between organs that are not superior and
// subordinate (条例 第八条(十四)): its wording asks and consults; directive
// wording such as `请遵照执行`, `务必`, `你单位必须` does not fit.

import type { Rule } from '../../engine/types';
import { mainTextLines, maskQuoted, range } from '../structure/_util';

const DIRECTIVE = /(请?遵照执行|务必|(你|你们|贵)(单位|部门|局|厅|委|办|公司|校|院|市|县|区|省)?必须)/g;

export const rule: Rule = {
  meta: {
    id: 'doctype/han-tone',
    category: 'doctype',
    severity: 'warning',
    safeFix: false,
    description: '函用于不相隶属机关之间，语气应平和，不用指令性用语',
    clause: '党政机关公文处理工作条例 第八条（十四）',
    details:
      '函适用于不相隶属机关之间商洽工作、询问和答复问题、请求批准和答复审批事项。行文应当谦和得体，不宜使用“请遵照执行”“务必”“你单位必须”等上级对下级的指令性用语；结尾常用“特此函告。”“请予函复。”“此复。”等。',
    examples: [
      { bad: '请遵照执行。', good: '请予支持。' },
      { bad: '你单位必须于3月5日前报送。', good: '请于3月5日前报送。' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    if (structure.docType !== '函') return;
    for (const v of mainTextLines(model, structure)) {
      const text = maskQuoted(v.t);
      DIRECTIVE.lastIndex = 0;
      for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
        ctx.report({
          ...range(v, m.index, m.index + m[0].length),
          message: `函用于不相隶属机关之间，不宜使用指令性用语“${m[0]}”，可改为“请予支持”“请研究办理”“请于……前函复”等商洽语气`,
          fixes: [],
        });
      }
    }
  },
};
