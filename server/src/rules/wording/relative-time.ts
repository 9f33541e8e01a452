// wording/relative-time: a 公文 is read long after it is written, so
// relative dates (`今年`, `下周`, `近日`) are better replaced by concrete
// ones (公文写作 practice). A hint, with no fix: only the writer knows the date.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';

const WORDS = ['今年', '明年', '去年', '本月', '上月', '下月', '本周', '上周', '下周', '近日', '日前', '昨天', '明天', '昨日'];
const RE = new RegExp(WORDS.join('|'), 'g');
/** Characters that make `X日前` a word plus 前 (`节日前`, `3月1日前`, `工作日前`), not the adverb 日前. */
const RI_QIAN_WORD_BEFORE = new Set([...'0123456789〇零一二三四五六七八九十廿卅节生假作易念止放当次该每翌同本今昨明前终平近往主休忌旬吉期个两几×Xx０１２３４５６７８９']);
/** Suggestions per word. */
function suggestion(w: string): string {
  if (w.endsWith('年')) return '具体年份（如“2025年”）';
  if (w.endsWith('月')) return '具体月份（如“2025年3月”）';
  return '具体日期（如“3月5日”）';
}

/** Is index i inside “…” or 《…》 (a name or a quotation, not the writer's own dating)? */
function quoted(text: string, i: number): boolean {
  let q = 0;
  let t = 0;
  for (let j = 0; j < i; j++) {
    const c = text[j];
    if (c === '“') q++;
    else if (c === '”') q = Math.max(0, q - 1);
    else if (c === '《') t++;
    else if (c === '》') t = Math.max(0, t - 1);
  }
  return q > 0 || t > 0;
}

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m; m = RE.exec(text)) {
    const w = m[0];
    if (w === '日前' && m.index > 0 && RI_QIAN_WORD_BEFORE.has(text[m.index - 1])) continue;
    if (w === '近日' && text[m.index - 1] === '最') continue; // 最近日… (rare) — not the adverb
    if (quoted(text, m.index)) continue;
    const { start, end } = spanRange(block, m.index, m.index + w.length);
    ctx.report({ start, end, message: `“${w}”是相对时间，公文宜写明${suggestion(w)}` });
  }
}

export const rule: Rule = {
  meta: {
    id: 'wording/relative-time',
    category: 'wording',
    severity: 'info',
    safeFix: false,
    description: '公文宜写明具体日期，少用“今年”“下周”“近日”等相对时间',
    clause: '公文写作惯例',
    details: '公文的阅读和执行往往晚于成文，“今年”“下周”“近日”“日前”等相对时间容易产生歧义，宜写明具体的年、月、日。只作提示，不自动修改。',
    examples: [{ bad: '今年完成改造任务', good: '2025年完成改造任务' }],
  },
  block: check,
};
