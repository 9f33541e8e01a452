// structure/date-format: 成文日期 and 印发日期 are written with Arabic
// numerals, the year in full, month and day without zero padding:
// `2025年3月5日` (GB/T 9704-2012 §7.3.5.4, §7.4.3). Dates in the body are
// not checked here.

import type { Rule } from '../../engine/types';
import { PRINT_LINE_RE, canonicalDate, isCanonicalDate, parseDocDate, type ParsedDate } from '../../engine/structure-patterns';
import { linesOfKind, range, type LineView } from './_util';

function problem(d: ParsedDate): string {
  if (d.fullwidth) return '应使用半角阿拉伯数字';
  if (d.form === 'chinese') return '应使用阿拉伯数字，不用汉字数字';
  if (d.form === 'separated') return '应写作“年、月、日”，不用“.”“-”“/”分隔';
  if (d.shortYear) return '年份应标全称（4位）';
  if (d.padded) return '月、日不编虚位（如“3月”不写作“03月”）';
  if (d.spaced) return '日期中不应有空格';
  return '格式不规范';
}

export const rule: Rule = {
  meta: {
    id: 'structure/date-format',
    category: 'structure',
    severity: 'error',
    safeFix: true,
    description: '成文日期和印发日期用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位',
    clause: 'GB/T 9704-2012 §7.3.5.4、§7.4.3',
    details:
      '成文日期中的数字用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）。印发日期同样如此，后加“印发”二字。正文中引述的日期不在此列。',
    examples: [
      { bad: '二〇二五年三月五日', good: '2025年3月5日' },
      { bad: '2025年03月05日', good: '2025年3月5日' },
      { bad: '2025.3.5', good: '2025年3月5日' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    const check = (v: LineView, from: number, to: number, what: string) => {
      const text = v.t.slice(from, to);
      if (isCanonicalDate(text)) return;
      const d = parseDocDate(text);
      if (!d) return;
      const good = canonicalDate(d);
      const r = range(v, from, to);
      ctx.report({
        ...r,
        message: good
          ? `${what}${problem(d)}，应写作“${good}”`
          : `${what}${problem(d)}，请写出完整年份，如“2025年${d.month}月${d.day}日”`,
        fixes: good ? [{ title: `改为“${good}”`, edits: [{ ...r, newText: good }] }] : [],
      });
    };
    for (const v of linesOfKind(model, structure, 'date')) check(v, 0, v.t.length, '成文日期');
    for (const v of linesOfKind(model, structure, 'printLine')) {
      const m = PRINT_LINE_RE.exec(v.t);
      if (!m) continue;
      const from = m[1].length + m[2].length;
      check(v, from, from + m[3].length, '印发日期');
    }
  },
};
