// number/approx-hanzi: an approximate number with 几 is written in Chinese
// numerals: `二十几人`, `十几个`, not `20几人` (GB/T 15835-2011 §4.2).

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange, toChineseNumber } from '../../engine/text';
import { editFor, fixOf } from '../punctuation/_util';

const RE = /(?<![\d.A-Za-z])(\d{2})几/g;

function check(block: TextBlock, ctx: BlockContext): void {
  RE.lastIndex = 0;
  for (let m = RE.exec(block.text); m; m = RE.exec(block.text)) {
    const n = Number(m[1]);
    if (n < 10 || n % 10 !== 0) continue; // `25几` is no number
    const good = `${toChineseNumber(n)}几`;
    const { start, end } = spanRange(block, m.index, m.index + m[0].length);
    ctx.report({
      start,
      end,
      message: `含“几”的概数应使用汉字数字，写作“${good}”`,
      fixes: fixOf(`改为“${good}”`, [editFor(block, ctx.model, m.index, m.index + m[0].length, good)]),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'number/approx-hanzi',
    category: 'number',
    severity: 'error',
    safeFix: true,
    description: '含“几”的概数使用汉字数字',
    clause: 'GB/T 15835-2011 §4.2',
    details: '数字连用表示的概数、含“几”的概数应采用汉字数字，如“二十几人”“十几个”，不写作“20几人”“10几个”。',
    examples: [
      { bad: '20几人', good: '二十几人' },
      { bad: '10几个', good: '十几个' },
    ],
  },
  block: check,
};
