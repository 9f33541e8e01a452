// punctuation/dunhao-approx: two neighbouring numerals that together give an
// approximate number take no 顿号: `三四天`, not `三、四天`
// (GB/T 15834-2011 §4.5.3.4). Only consecutive numerals followed by a
// counting unit are reported: `一、二年级` and `一、二季度` name two items
// (first and second) and are correct.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { editFor, fixOf } from './_util';

const DIGITS = '一二三四五六七八九';
const RE = /(?<![一二三四五六七八九十百千万第])([一二三四五六七八九])、([一二三四五六七八九])(?=(?:十|百|千|万)?(?:天|个|人|次|种|名|位|件|岁|倍|家|条|项|公里|小时|分钟|周|遍|批|所|户))/g;

function check(block: TextBlock, ctx: BlockContext): void {
  RE.lastIndex = 0;
  for (let m = RE.exec(block.text); m; m = RE.exec(block.text)) {
    const [whole, a, b] = m;
    if (DIGITS.indexOf(b) !== DIGITS.indexOf(a) + 1) continue;
    const at = m.index + 1;
    const { start, end } = spanRange(block, m.index, m.index + whole.length);
    ctx.report({
      start,
      end,
      message: `相邻两数连用表示概数，中间不用顿号，写作“${a}${b}”`,
      fixes: fixOf('删去顿号', [editFor(block, ctx.model, at, at + 1, '')]),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/dunhao-approx',
    category: 'punctuation',
    severity: 'warning',
    safeFix: true,
    description: '相邻两数连用表示概数时，中间不用顿号',
    clause: 'GB/T 15834-2011 §4.5.3.4',
    details:
      '相邻的两个数字连用表示概数，如“三四天”“五六个人”，中间不用顿号。只在两个相邻数字后面接“天”“个”“人”“次”等计数单位时提示；' +
      '“一、二年级”“一、二季度”表示两个并列项目，用顿号是对的，不报。',
    examples: [{ bad: '三、四天', good: '三四天' }],
  },
  block: check,
};
