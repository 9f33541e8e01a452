// doctype/jiyao-attendance: a 纪要 lists 出席, 请假, 列席 — each label on its own
// line with a full-width colon, in that order (GB/T 9704-2012 §10.3).

import type { Rule } from '../../engine/types';
import { ATTENDANCE_RE } from '../../engine/structure-patterns';
import { linesOfKind, range, replaceFix } from '../structure/_util';

const ORDER = ['出席', '请假', '列席'];

export const rule: Rule = {
  meta: {
    id: 'doctype/jiyao-attendance',
    category: 'doctype',
    severity: 'warning',
    safeFix: true,
    description: '纪要的出席、请假、列席人员依次标注，标签后用全角冒号',
    clause: 'GB/T 9704-2012 §10.3',
    details:
      '纪要标注出席人员名单，一般用3号黑体字，在正文或附件说明下空一行左空二字编排“出席”二字，后标全角冒号，冒号后用3号仿宋体字标注出席人单位、姓名。标注请假和列席人员名单，除依次另起一行并将“出席”二字改为“请假”或“列席”外，编排方法同出席人员名单。',
    examples: [
      { bad: '出席:张三，李四', good: '出席：张三，李四' },
      { bad: '列席：王五\n请假：赵六', good: '请假：赵六\n列席：王五' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    if (structure.docType !== '纪要') return;
    let maxRank = -1;
    let maxLabel = '';
    for (const v of linesOfKind(model, structure, 'attendance')) {
      const m = ATTENDANCE_RE.exec(v.t);
      if (!m) continue;
      const label = m[1].replace(/[ \u3000]/g, '');
      const colonAt = m[0].length - 1;
      if (m[3] === ':') {
        ctx.report({ ...range(v, colonAt, colonAt + 1), message: `“${label}”后应使用全角冒号“：”`, fixes: [replaceFix(v, colonAt, colonAt + 1, '：')] });
      }
      const rank = ORDER.indexOf(label);
      if (rank < maxRank) {
        ctx.report({
          ...range(v, 0, m[1].length),
          message: `纪要人员名单应按“出席”“请假”“列席”的顺序排列，“${label}”应排在“${maxLabel}”之前`,
          fixes: [],
          safe: false,
        });
      } else {
        maxRank = rank;
        maxLabel = label;
      }
    }
  },
};
