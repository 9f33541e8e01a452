// wording/de-di-de: 的 marks an attribute, 地 an adverbial, 得 a complement
// (《现代汉语词典》; GB/T 15834 does not cover it, so this is a style hint).
// Precision over recall: only closed lists are matched —
//   [modal or clause start] + adverb head + 的 + verb   → 地  (要认真的落实 → 要认真地落实)
//   verb + 的 + degree adverb + evaluative adjective     → 得  (完成的很好 → 完成得很好)
// Nominal uses (`提供有效的保障`) do not follow a modal or clause start and are left alone.

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { editFor, fixOf } from '../punctuation/_util';

const ADVERB_HEADS = '认真|积极|切实|扎实|深入|全面|有效|稳步|大力|持续|主动|依法|及时|严格|坚决|广泛|迅速|尽快|稳妥|充分|科学|有序|协调|统筹|不断|逐步|加快';
const VERBS = '推进|推动|落实|加强|加快|做好|抓好|开展|建设|促进|强化|提高|提升|保障|解决|贯彻|实施|完善|执行|学习|组织|部署|推广|发展|研究|处理|整改|查处|维护|防范|化解|监督|检查|参与|配合|履行|做到|抓紧|抓实|落细';
/** What may stand before the adverb for it to be an adverbial: a modal, an adverb, or a clause start. */
const BEFORE = '要|应|应当|必须|需要|需|务必|将|并|还|也|都|进一步|更加|更|继续|共同|一起|努力|坚持';
const DI_RE = new RegExp(`(?:(?<=${BEFORE.split('|').map((w) => `(?:${w})`).join('|')})|(?<=^|[\\s，。；：、！？“（]))(${ADVERB_HEADS})(的)(?=${VERBS})`, 'g');

const DE_VERBS = '做|办|干|搞|抓|完成|落实|执行|开展|推进|贯彻|准备|组织|发挥|表现|处理|解决|发展|建设|写|讲';
const DEGREE = '很|十分|非常|比较|较|更加|特别|相当';
const ADJ = '好|出色|扎实|到位|及时|细致|顺利|圆满|充分|认真|不够|不好|不错|有效|精彩';
const DE_RE = new RegExp(`(?<=${DE_VERBS.split('|').map((w) => `(?:${w})`).join('|')})(的)(?=(?:${DEGREE})(?:${ADJ}))`, 'g');

/** What follows 的 in either pattern, without the costly lookbehinds: a block where it does not match has no finding. */
const AFTER_DE_RE = new RegExp(`的(?:${VERBS}|(?:${DEGREE})(?:${ADJ}))`);

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  if (!AFTER_DE_RE.test(text)) return;
  DI_RE.lastIndex = 0;
  for (let m = DI_RE.exec(text); m; m = DI_RE.exec(text)) {
    const at = m.index + m[1].length;
    const { start, end } = spanRange(block, m.index, at + 1);
    ctx.report({
      start,
      end,
      message: `“${m[1]}”在此修饰动词作状语，宜用“地”：“${m[1]}地”`,
      fixes: fixOf('改为“地”', [editFor(block, ctx.model, at, at + 1, '地')]),
    });
  }
  DE_RE.lastIndex = 0;
  for (let m = DE_RE.exec(text); m; m = DE_RE.exec(text)) {
    const at = m.index;
    const { start, end } = spanRange(block, at, at + 1);
    ctx.report({
      start,
      end,
      message: '动词后引出程度补语宜用“得”，如“完成得很好”',
      fixes: fixOf('改为“得”', [editFor(block, ctx.model, at, at + 1, '得')]),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'wording/de-di-de',
    category: 'wording',
    severity: 'info',
    safeFix: false,
    description: '“的”“地”“得”的用法：状语用“地”，补语用“得”',
    clause: '《现代汉语词典》（第7版）“的”“地”“得”词条',
    details:
      '“的”用在定语后，“地”用在状语后，“得”用在补语前。本规则只检查高度确定的搭配：' +
      '能愿动词或句首之后的“认真的落实”“积极的推进”（应为“地”），以及“完成的很好”“做的非常到位”（应为“得”）。' +
      '“提供有效的保障”等名词性用法是正确的，不报。',
    examples: [
      { bad: '要认真的落实', good: '要认真地落实' },
      { bad: '各项工作完成的很好', good: '各项工作完成得很好' },
    ],
  },
  block: check,
};
