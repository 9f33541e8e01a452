// punctuation/dunhao-before-deng: the last item of a list joins 等/等等
// directly, with no 顿号 before it (GB/T 15834-2011 附录B B.1.2):
// `北京、上海等地`, not `北京、上海、等地`. In practice a 顿号 before
// 以及 is dropped for the same reason (the conjunction already joins).

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { editFor, fixOf, isDengParticle } from './_util';

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  for (let i = text.indexOf('、'); i >= 0; i = text.indexOf('、', i + 1)) {
    const { start, end } = spanRange(block, i, i + 1);
    if (isDengParticle(text, i + 1)) {
      const deng = text[i + 2] === '等' ? '等等' : '等';
      ctx.report({
        start,
        end,
        message: `“${deng}”前不用顿号，删去“、”`,
        fixes: fixOf('删去顿号', [editFor(block, ctx.model, i, i + 1, '')]),
      });
    } else if (text.startsWith('以及', i + 1)) {
      ctx.report({
        start,
        end,
        message: '连词“以及”前不用顿号，删去“、”',
        severity: 'info',
        fixes: fixOf('删去顿号', [editFor(block, ctx.model, i, i + 1, '')]),
      });
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/dunhao-before-deng',
    category: 'punctuation',
    severity: 'warning',
    safeFix: true,
    description: '“等”“等等”前不用顿号',
    clause: 'GB/T 15834-2011 附录B B.1.2',
    details:
      '列举的最后一项与“等”“等等”之间不用顿号，如“北京、上海等地”。“等级”“等待”等以“等”开头的词不报。连词“以及”前的顿号也应删去（写作习惯，提示级别）。',
    examples: [
      { bad: '钢铁、煤炭、水泥、等行业', good: '钢铁、煤炭、水泥等行业' },
      { bad: '北京、上海、以及广州', good: '北京、上海以及广州' },
    ],
  },
  block: check,
};
