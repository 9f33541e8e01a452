// punctuation/dunhao-quoted: items each in 书名号 or 引号 need no 顿号
// between them: `《A》《B》`, `“A”“B”` (GB/T 15834-2011 §4.5.3.5). When
// something stands between them (a parenthetical after a title), the 顿号
// stays — so only a 顿号 directly between `》` and `《` or `”` and `“` is reported.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { editFor, fixOf } from './_util';

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  for (let i = text.indexOf('、'); i >= 0; i = text.indexOf('、', i + 1)) {
    const a = text[i - 1];
    const b = text[i + 1];
    const titles = a === '》' && b === '《';
    const quotes = a === '”' && b === '“';
    if (!titles && !quotes) continue;
    const { start, end } = spanRange(block, i, i + 1);
    const name = titles ? '书名号' : '引号';
    ctx.report({
      start,
      end,
      message: `标有${name}的并列成分之间通常不用顿号，可删去“、”`,
      fixes: fixOf('删去顿号', [editFor(block, ctx.model, i, i + 1, '')]),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/dunhao-quoted',
    category: 'punctuation',
    severity: 'info',
    safeFix: false, // the standard says 通常不用: a suggestion, not for fix-all
    description: '并列的书名号或引号之间通常不用顿号',
    clause: 'GB/T 15834-2011 §4.5.3.5',
    details:
      '标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号，如“《红楼梦》《三国演义》”““一带”“一路””。' +
      '若有其他成分插在并列的书名号或引号之间（如书名号之后还有括注），宜用顿号，不报。',
    examples: [
      { bad: '《中华人民共和国预算法》、《中华人民共和国审计法》', good: '《中华人民共和国预算法》《中华人民共和国审计法》' },
      { bad: '“放管服”、“互联网+”', good: '“放管服”“互联网+”' },
    ],
  },
  block: check,
};
