// punctuation/shuminghao-misuse: 书名号 mark works (books, documents, laws,
// articles, programmes); meetings, events, courses, awards and
// organisations are not works and take no 书名号 (GB/T 15834-2011 附录A
// A.13). A title ending in such a word is reported as a hint.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';

const TITLE_RE = /《([^《》]{1,40})》/g;
const NOT_A_WORK = /(会议|大会|研讨会|座谈会|论坛|博览会|展览会|交易会|运动会|活动|大赛|竞赛|培训班|研修班|课程|奖|委员会|领导小组)$/;

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(text); m; m = TITLE_RE.exec(text)) {
    const hit = NOT_A_WORK.exec(m[1]);
    if (!hit) continue;
    const { start, end } = spanRange(block, m.index, m.index + m[0].length);
    ctx.report({
      start,
      end,
      message: `“${m[1]}”若是会议、活动、奖项或机构名称，不用书名号；需要标示时可用引号“${m[1]}”`,
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/shuminghao-misuse',
    category: 'punctuation',
    severity: 'info',
    safeFix: false,
    description: '会议、活动、课程、奖项、机构等名称不用书名号',
    clause: 'GB/T 15834-2011 附录A A.13',
    details:
      '书名号标示书名、篇名、报纸名、刊物名、文件名、法规名及作品名等。会议、活动、课程、奖项、机构等名称不是作品，不用书名号，必要时可用引号。' +
      '以“会议”“论坛”等结尾的也可能是作品（如电视栏目），因此只作提示。',
    examples: [{ bad: '召开《全国安全生产工作会议》', good: '召开全国安全生产工作会议' }],
  },
  block: check,
};
