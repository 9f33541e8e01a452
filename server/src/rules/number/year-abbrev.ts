// number/year-abbrev: a year is written in full, `2024年3月`, never `24年3月`
// (GB/T 15835-2011: 年份不简写; GB/T 9704-2012 §7.3.5.4 for 成文日期). The
// century cannot be guessed, so there is no fix.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';

// Two digits, 年, then a month: `24年3月`. Not preceded by another digit or
// numeral (`2024年`, `十24年`), nor by `.`/`-`/`/` or a letter (codes).
const ABBREV_RE = /(?<![\d０-９〇零一二三四五六七八九十百千.\-/A-Za-z'’])(\d{2})年(?=(?:\d{1,2}|[一二三四五六七八九十]{1,2})月)/g;

function check(block: TextBlock, ctx: BlockContext): void {
  ABBREV_RE.lastIndex = 0;
  for (let m = ABBREV_RE.exec(block.text); m; m = ABBREV_RE.exec(block.text)) {
    const { start, end } = spanRange(block, m.index, m.index + m[0].length);
    ctx.report({ start, end, message: `年份应写全（四位数字），不应简写为“${m[0]}”` });
  }
}

export const rule: Rule = {
  meta: {
    id: 'number/year-abbrev',
    category: 'number',
    severity: 'warning',
    safeFix: false,
    description: '年份应写全，不用两位数简写（如“24年3月”）',
    clause: 'GB/T 15835-2011 第5章（年份不简写）',
    details:
      '年份应写出全部四位数字，如“2024年3月”，不写作“24年3月”。无法确定所指的世纪，因此只提示、不自动修改。' +
      '“30年”“50年来”等表示时长的写法后面不接月份，不报。',
    examples: [{ bad: '24年3月启动', good: '2024年3月启动' }],
  },
  block: check,
};
