// number/arabic-qian-bai: Arabic digits combine with 万 and 亿 only; a
// number is not written `4千` or `3百` but `4000`, `300` (GB/T 15835-2011:
// 4000 不写作“4千”). 千/百 as unit prefixes (千米, 千克, 千瓦, 百分点) are
// not numbers and are left alone.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { editFor, fixOf } from '../punctuation/_util';

const RE = /(?<![\d.A-Za-z])(\d+(?:\.\d+)?)([千百])/g;
/** After 千, a unit with the kilo prefix (千米, 千克, 千瓦时, 千字); after 百, 百分点/百分比/百分之. */
const UNIT_AFTER: Record<string, RegExp> = {
  千: /^(米|克|瓦|伏|帕|赫|焦|卡|字|兆|升|安|欧|分之|比特|字节)/,
  百: /^(分|兆)/,
};

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m; m = RE.exec(text)) {
    const [whole, num, mult] = m;
    const after = text.slice(m.index + whole.length, m.index + whole.length + 3);
    if (UNIT_AFTER[mult].test(after)) continue;
    // 3千5百 and the like: too tangled to rewrite automatically
    const value = Number(num) * (mult === '千' ? 1000 : 100);
    const digits = num.includes('.') ? num.split('.')[1].length : 0;
    const good = Number.isFinite(value) ? value.toFixed(Math.max(0, digits - (mult === '千' ? 3 : 2))) : '';
    const tangled = /^[一二三四五六七八九十\d]/.test(after) || /[万亿千百]/.test(text[m.index - 1] ?? '');
    const certain = good !== '' && !tangled;
    const { start, end } = spanRange(block, m.index, m.index + whole.length);
    ctx.report({
      start,
      end,
      message: `阿拉伯数字只能与“万”“亿”连用，“${whole}”应写作“${good || '阿拉伯数字'}”`,
      fixes: certain ? fixOf(`改为“${good}”`, [editFor(block, ctx.model, m.index, m.index + whole.length, good)]) : undefined,
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'number/arabic-qian-bai',
    category: 'number',
    severity: 'error',
    safeFix: true,
    description: '阿拉伯数字不与“千”“百”连用（如“3千”应写作“3000”）',
    clause: 'GB/T 15835-2011 第5章（阿拉伯数字与汉字数字同时使用）',
    details:
      '数值很大时，“万”“亿”可与阿拉伯数字连用（如“3000亿元”“12.5万”），其余情况不混用：“4千”写作“4000”，“3百多人”写作“300多人”。' +
      '“千米”“千克”“千瓦”“百分点”等单位中的“千”“百”不是数字，不报。',
    examples: [
      { bad: '3千余人次', good: '3000余人次' },
      { bad: '5千万元', good: '5000万元' },
    ],
  },
  block: check,
};
