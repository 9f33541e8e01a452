// number/fullwidth-digit: Arabic numerals are written half-width: `2024`,
// not `２０２４` (GB/T 15835-2011; GB/T 9704-2012 uses half-width Arabic
// numerals throughout). A decimal point between full-width digits goes too.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { editFor, fixOf } from '../punctuation/_util';

const RUN_RE = /[０-９]+(?:[．.][０-９]+)*/g;

function toHalf(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function check(block: TextBlock, ctx: BlockContext): void {
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(block.text); m; m = RUN_RE.exec(block.text)) {
    const good = toHalf(m[0]);
    const { start, end } = spanRange(block, m.index, m.index + m[0].length);
    ctx.report({
      start,
      end,
      message: `阿拉伯数字应使用半角形式，写作“${good}”`,
      fixes: fixOf(`改为“${good}”`, [editFor(block, ctx.model, m.index, m.index + m[0].length, good)]),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'number/fullwidth-digit',
    category: 'number',
    severity: 'error',
    safeFix: true,
    description: '阿拉伯数字应使用半角形式，不用全角数字',
    clause: 'GB/T 15835-2011 第5章；GB/T 9704-2012 §7.5',
    details: '公文中的阿拉伯数字使用半角形式，如“2024年”“3.5%”，不用全角数字“２０２４”。',
    examples: [{ bad: '２０２４年３月', good: '2024年3月' }],
  },
  block: check,
};
