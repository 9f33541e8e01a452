// number/mixed-date: one date uses one kind of numeral: `2008年8月8日` or
// `二〇〇八年八月八日`, never `二〇〇八年8月8日` (GB/T 15835-2011 §4.3, 同类别同形式).
// The fix writes the whole date in Arabic numerals, the form GB/T 9704-2012
// §7.3.5.4 requires for 成文日期 and GB/T 15835 recommends for 公历 dates.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange, parseChineseNumber } from '../../engine/text';
import { editFor, fixOf } from '../punctuation/_util';

const YEAR_ARABIC = String.raw`\d{4}`;
const YEAR_HAN = '[〇零○一二三四五六七八九]{4}';
const MD_ARABIC = String.raw`\d{1,2}`;
const MD_HAN = '[一二三四五六七八九十]{1,3}';
const DATE_RE = new RegExp(
  String.raw`(?<![\d〇零○一二三四五六七八九十])(?:(${YEAR_ARABIC}|${YEAR_HAN})年)?(${MD_ARABIC}|${MD_HAN})月(?:(${MD_ARABIC}|${MD_HAN})日)?`,
  'g',
);

const HAN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function isArabic(s: string): boolean {
  return /^\d+$/.test(s);
}

function toArabicYear(s: string): string {
  return isArabic(s) ? s : [...s].map((c) => HAN_DIGIT[c]).join('');
}

function toArabicNumber(s: string): string {
  return isArabic(s) ? String(+s) : String(parseChineseNumber(s));
}

/** A finding needs 月, an ASCII digit and a Han numeral in the block. */
const ASCII_DIGIT = /\d/;
const HAN_NUMERAL = /[〇零○一二三四五六七八九十]/;

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  if (!text.includes('月') || !ASCII_DIGIT.test(text) || !HAN_NUMERAL.test(text)) return;
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const [whole, year, month, day] = m;
    const parts = [year, month, day].filter((p): p is string => p !== undefined);
    if (parts.length < 2) continue;
    const kinds = new Set(parts.map(isArabic));
    if (kinds.size < 2) continue;
    const mo = +toArabicNumber(month);
    const d = day === undefined ? 1 : +toArabicNumber(day);
    if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) continue;
    const good = `${year !== undefined ? toArabicYear(year) + '年' : ''}${mo}月${day !== undefined ? d + '日' : ''}`;
    const { start, end } = spanRange(block, m.index, m.index + whole.length);
    ctx.report({
      start,
      end,
      message: `同一日期中汉字数字和阿拉伯数字不能混用，应统一写作“${good}”或全用汉字数字`,
      fixes: fixOf(`改为“${good}”`, [editFor(block, ctx.model, m.index, m.index + whole.length, good)]),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'number/mixed-date',
    category: 'number',
    severity: 'error',
    safeFix: true,
    description: '同一日期中不混用汉字数字和阿拉伯数字',
    clause: 'GB/T 15835-2011 §4.3',
    details:
      '同类别的数字应采用同一形式：日期写作“2008年8月8日”或“二〇〇八年八月八日”，不写作“二〇〇八年8月8日”。' +
      '自动修改统一为阿拉伯数字（成文日期按 GB/T 9704-2012 §7.3.5.4 应使用阿拉伯数字）。',
    examples: [
      { bad: '二〇二四年3月5日', good: '2024年3月5日' },
      { bad: '2024年三月五日', good: '2024年3月5日' },
    ],
  },
  block: check,
};
