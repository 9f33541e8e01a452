// punctuation/range-connector: in Chinese prose a numeric range is joined by
// the 浪纹线 `～` (`3～5年`, `15%～30%`), a span between time points by the
// 一字线 `—` (`2023—2025年`, `9:00—11:30`) (GB/T 15834-2011 §4.13.3.2).
// An ASCII `-` or `~` (or a full-width `－`, an en dash) between two numbers in
// Chinese text is flagged; codes, standard numbers, ISO dates, phone numbers,
// figure and table numbers are not ranges and are left alone.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { clearlyChineseAt, editFor, nextNonSpace, prevNonSpace } from './_util';

const NUM = String.raw`\d+(?:\.\d+)?`;
const TIME = String.raw`\d{1,2}:\d{2}`;
const RANGE_RE = new RegExp(String.raw`(${TIME}|${NUM})(%?)(\s*)([-~－–～])(\s*)(${TIME}|${NUM})`, 'g');

/** Characters that make a number part of a code rather than a quantity. */
const CODE_BEFORE = /[A-Za-z0-9.\-/:_#~－–—～,，]/;
const CODE_AFTER = /[A-Za-z0-9\-/:_#~－–—～.]/;
/** Labels whose numbers are compound ordinals (`图1-2`, `表3-1`). */
const LABEL_BEFORE = new Set([...'图表式例']);
/** Words after a number that make it an address or a document number. */
const ADDRESS_AFTER = new Set([...'号室栋幢楼']);

function isYear(s: string): boolean {
  return /^\d{4}$/.test(s) && +s >= 1900 && +s <= 2100;
}

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  RANGE_RE.lastIndex = 0;
  for (let m = RANGE_RE.exec(text); m; m = RANGE_RE.exec(text)) {
    const [whole, left, pct, sp1, conn, sp2, right] = m;
    const from = m.index;
    const to = from + whole.length;
    RANGE_RE.lastIndex = from + left.length + pct.length + sp1.length + 1; // let the right number start the next match
    if (from > 0 && CODE_BEFORE.test(text[from - 1])) continue;
    if (to < text.length && CODE_AFTER.test(text[to])) continue;
    const before = prevNonSpace(text, from);
    const after = nextNonSpace(text, to);
    // Chinese text around it: Chinese before, or nothing before and Chinese after.
    if (before >= 0 ? !clearlyChineseAt(text, before) : !(after < text.length && clearlyChineseAt(text, after))) continue;
    if (before === from - 1 && LABEL_BEFORE.has(text[before])) continue;
    if (ADDRESS_AFTER.has(text[to] ?? '')) continue;

    const leftTime = left.includes(':');
    const rightTime = right.includes(':');
    if (leftTime !== rightTime) continue;
    let connector: '～' | '—';
    let safe = true;
    let kind: string;
    if (leftTime) {
      connector = '—';
      kind = '时间起止';
    } else {
      if (/^0\d/.test(left) || /^0\d/.test(right)) continue; // area codes, serial numbers
      if (/^\d{7,}$/.test(right)) continue; // phone numbers
      if (+left >= +right) continue; // not an ascending range: a code or a score
      if (isYear(left) && /^\d{1,2}$/.test(right) && +right <= 12) continue; // 2024-3: year and month
      if (isYear(left) && isYear(right)) {
        connector = '—';
        kind = '时间起止';
      } else {
        const unit = text.slice(to, to + 2);
        if (/^(月|日|时|点)/.test(unit) && !pct) {
          // 3-5月 (March to May) is a span of time points; 10-15日内 may be a number of days
          connector = '—';
          kind = '时间起止';
          safe = unit[0] === '月';
        } else {
          connector = '～';
          kind = '数值范围';
        }
      }
    }
    // `～` is right for a numeric range; between time points it should be `—`
    if (conn === '～' && (connector === '～' || !safe)) continue;
    const connFrom = from + left.length + pct.length;
    const connTo = connFrom + sp1.length + 1 + sp2.length;
    const edit = editFor(block, ctx.model, connFrom, connTo, connector);
    const { start, end } = spanRange(block, from, to);
    const good = `${left}${pct}${connector}${right}`;
    ctx.report({
      start,
      end,
      message: `${kind}应使用${connector === '～' ? '浪纹线“～”' : '一字线“—”'}连接，写作“${good}”，不用“${conn}”`,
      fixes: edit ? [{ title: `改为“${good}”`, edits: [edit] }] : undefined,
      safe,
      // a full-width hyphen is often a typesetting system's rendering of a dash: a hint only
      severity: conn === '－' ? 'info' : undefined,
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/range-connector',
    category: 'punctuation',
    severity: 'warning',
    safeFix: true,
    description: '数值范围用浪纹线“～”连接，时间起止用一字线“—”连接，不用半角“-”“~”',
    clause: 'GB/T 15834-2011 §4.13.3.2',
    details:
      '标示数值范围的起止用浪纹线“～”（如“3～5年”“15%～30%”），标示时间、地域的起止用一字线“—”（如“2023—2025年”“9:00—11:30”）。' +
      '中文语句中两个数字之间的半角“-”“~”、全角“－”和短横“–”应改用规范的连接号。' +
      '标准编号（GB/T 9704-2012）、日期（2024-03-05）、电话号码（0571-12345678）、图表编号（图1-2）、门牌和代码等不是范围，不报。',
    examples: [
      { bad: '3-5年', good: '3～5年' },
      { bad: '2023-2025年', good: '2023—2025年' },
      { bad: '上午9:00-11:30', good: '上午9:00—11:30' },
    ],
  },
  block: check,
};
