// structure/print-line: 印发机关和印发日期 — `XX市人民政府办公室  2025年3月5日印发`:
// the 印发机关 on the left, the date followed by 印发 on the right
// (GB/T 9704-2012 §7.4.3). The date form itself is checked by structure/date-format.

import type { Rule } from '../../engine/types';
import { PRINT_LINE_RE } from '../../engine/structure-patterns';
import { linesOfKind, range } from './_util';

export const rule: Rule = {
  meta: {
    id: 'structure/print-line',
    category: 'structure',
    severity: 'warning',
    safeFix: false,
    description: '印发机关和印发日期：印发机关居左，印发日期居右并后加“印发”二字',
    clause: 'GB/T 9704-2012 §7.4.3',
    details:
      '印发机关和印发日期一般用4号仿宋体字，编排在末条分隔线之上。印发机关左空一字，印发日期右空一字，用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位，后加“印发”二字。',
    examples: [
      { bad: '2025年3月5日印发', good: 'XX市人民政府办公室　　2025年3月5日印发' },
      { bad: 'XX市人民政府办公室2025年3月5日印发', good: 'XX市人民政府办公室　　2025年3月5日印发' },
    ],
  },
  document(ctx) {
    for (const v of linesOfKind(ctx.model, ctx.structure, 'printLine')) {
      const m = PRINT_LINE_RE.exec(v.t);
      if (!m) continue;
      const organ = m[1].trim();
      if (!organ) {
        ctx.report({ ...range(v, 0, v.t.length), message: '印发日期前应写印发机关（一般为发文机关的办公厅（室）或文秘部门）', fixes: [] });
      } else if (!m[2]) {
        ctx.report({
          ...range(v, 0, m[1].length + m[3].length + 2),
          severity: 'info',
          message: '印发机关与印发日期应分列左右两端，中间应留空，不应连写',
          fixes: [],
        });
      }
    }
  },
};
