// number/range-unit: in a numeric range both ends carry %, ‰, 万 or 亿:
// `15%～30%` not `15～30%`, `13万～17万元` not `13～17万元` (GB/T 15835-2011,
// 数值范围).

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { exactRange } from '../punctuation/_util';

const RANGE_RE = /(?<![\d.A-Za-z])(\d+(?:\.\d+)?)(\s*[～~]\s*)(\d+(?:\.\d+)?)(%|‰|％|万亿|万|亿)/g;

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  RANGE_RE.lastIndex = 0;
  for (let m = RANGE_RE.exec(text); m; m = RANGE_RE.exec(text)) {
    const [whole, left, conn, right, unit] = m;
    // `500～1万`: the left end is already in plain units
    if (+left >= +right) continue;
    const leftEnd = m.index + left.length;
    const at = exactRange(block, ctx.model, leftEnd - 1, leftEnd);
    const good = `${left}${unit}${conn.trim()}${right}${unit}`;
    const { start, end } = spanRange(block, m.index, m.index + whole.length);
    ctx.report({
      start,
      end,
      message: `数值范围的前后两个数值都应带“${unit}”，写作“${good}”`,
      fixes: at ? [{ title: `改为“${good}”`, edits: [{ start: at.end, end: at.end, newText: unit }] }] : undefined,
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'number/range-unit',
    category: 'number',
    severity: 'error',
    safeFix: true,
    description: '数值范围的前后两个数值都应带百分号或“万”“亿”',
    clause: 'GB/T 15835-2011 第5章（数值范围）',
    details:
      '用浪纹线表示数值范围时，百分数的前后两个数值都要带“%”，带“万”“亿”的前后两个数值都要带“万”“亿”：' +
      '“15%～30%”不写作“15～30%”，“13万～17万元”不写作“13～17万元”。',
    examples: [
      { bad: '15～30%', good: '15%～30%' },
      { bad: '13～17万元', good: '13万～17万元' },
    ],
  },
  block: check,
};
