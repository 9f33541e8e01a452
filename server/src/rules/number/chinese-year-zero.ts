// number/chinese-year-zero: a year in Chinese numerals writes zero as 〇
// (U+3007): `二〇二四年`, not `二零二四年`, `二○二四年` (a circle sign) or
// `二0二四年` (GB/T 15835-2011: “0” used in numbering is written 〇).

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { editFor, fixOf } from '../punctuation/_util';

const ZEROS = '零○◯OＯ0０';
const YEAR_RE = new RegExp(`(?<![〇${ZEROS}一二三四五六七八九十百千万\\d])[〇${ZEROS}一二三四五六七八九]{4}(?=年)`, 'g');

/** 〇 and the ZEROS, 一 to 九: the characters of a year YEAR_RE matches. */
function isYearChar(c: number): boolean {
  return ZEROS.includes(String.fromCharCode(c)) || c === 0x3007 || (c >= 0x4e00 && '一二三四五六七八九'.includes(String.fromCharCode(c)));
}

/**
 * A cheap necessary condition for a finding: some 年 preceded by four year
 * characters, one of them a wrong zero. Most blocks fail it at the first test.
 */
function mayHaveYear(text: string): boolean {
  for (let p = text.indexOf('年', 4); p >= 0; p = text.indexOf('年', p + 1)) {
    let zero = false;
    let k = 1;
    for (; k <= 4; k++) {
      const c = text.charCodeAt(p - k);
      if (!isYearChar(c)) break;
      if (c !== 0x3007 && ZEROS.includes(text[p - k])) zero = true;
    }
    if (k > 4 && zero) return true;
  }
  return false;
}

function check(block: TextBlock, ctx: BlockContext): void {
  if (!mayHaveYear(block.text)) return;
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(block.text); m; m = YEAR_RE.exec(block.text)) {
    const year = m[0];
    // at least two Chinese digits: a Chinese-numeral year, not an Arabic one with a stray character
    if ([...year].filter((c) => '一二三四五六七八九'.includes(c)).length < 2) continue;
    if (![...year].some((c) => ZEROS.includes(c))) continue;
    const good = [...year].map((c) => (ZEROS.includes(c) ? '〇' : c)).join('');
    const wrong = [...year].find((c) => ZEROS.includes(c))!;
    const { start, end } = spanRange(block, m.index, m.index + year.length);
    ctx.report({
      start,
      end,
      message: `汉字数字年份中的零应写作“〇”，写作“${good}年”，不用“${wrong}”`,
      fixes: fixOf(`改为“${good}”`, [editFor(block, ctx.model, m.index, m.index + year.length, good)]),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'number/chinese-year-zero',
    category: 'number',
    severity: 'error',
    safeFix: true,
    description: '汉字数字年份中的零写作“〇”，不用“零”“○”或“0”',
    clause: 'GB/T 15835-2011 第5章（“〇”用于编号）',
    details: '年份属于编号，其中的“0”用汉字书写时写作“〇”（U+3007），如“二〇二四年”，不写作“二零二四年”“二○二四年”（○是圆圈符号）或“二0二四年”。',
    examples: [
      { bad: '二零二四年', good: '二〇二四年' },
      { bad: '二○二四年', good: '二〇二四年' },
    ],
  },
  block: check,
};
