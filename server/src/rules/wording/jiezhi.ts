// wording/jiezhi: 截至 means "up to (a time point)" and takes the time
// after it; 截止 means "to end" and stands after the time or alone
// (《现代汉语词典》). So `截止目前`, `截止2024年底，…` → 截至; but
// `截止日期`, `截止时间`, `报名截止`, `于5月1日截止`, `截止到…` are correct.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { editFor, fixOf } from '../punctuation/_util';

/** Relative time words: 截止 cannot take them as an object anywhere. */
const RELATIVE = /^(目前|当前|现在|今年|去年|本年|上年|今日|昨日|本月|上月|本周|上周|发稿|当日|此时)/;
/** A time point: a date, a year, a month. */
const TIME_POINT = /^(\d{4}年|\d{1,2}月|[〇一二三四五六七八九]{4}年|[一二三四五六七八九十]{1,3}月(?:底|末|\d|[一二三四五六七八九十]))/;
/** Where a clause starts: 截止 here begins a time adverbial (`截止2024年底，…`). */
const CLAUSE_START = /[\s，。；：、！？“（]/;

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  for (let i = text.indexOf('截止'); i >= 0; i = text.indexOf('截止', i + 2)) {
    const rest = text.slice(i + 2, i + 12);
    const clauseStart = i === 0 || CLAUSE_START.test(text[i - 1]);
    if (!RELATIVE.test(rest) && !(clauseStart && TIME_POINT.test(rest))) continue;
    const { start, end } = spanRange(block, i, i + 2);
    ctx.report({
      start,
      end,
      message: '表示“到某一时间为止”应使用“截至”，“截止”表示停止、不接时间',
      fixes: fixOf('改为“截至”', [editFor(block, ctx.model, i, i + 2, '截至')]),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'wording/jiezhi',
    category: 'wording',
    severity: 'warning',
    safeFix: true,
    description: '时间之前用“截至”，不用“截止”',
    clause: '《现代汉语词典》（第7版）“截至”“截止”词条',
    details:
      '“截至”意为截止到某个时间，后面接时间词语，如“截至目前”“截至2024年底”；“截止”意为到一定期限停止，一般用在时间之后或单独使用，如“报名于5月1日截止”“截止日期”。' +
      '只在“截止”后面紧接“目前”“今年”等时间词，或位于句首、后接具体年月时提示。',
    examples: [
      { bad: '截止目前，已完成投资', good: '截至目前，已完成投资' },
      { bad: '截止2024年底，全省共有', good: '截至2024年底，全省共有' },
    ],
  },
  block: check,
};
