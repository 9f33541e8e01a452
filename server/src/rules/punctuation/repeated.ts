// punctuation/repeated: a 点号 is not doubled (`。。`, `，，`), and two
// different 点号 do not stand side by side (`，。`, `；。`, `、，`): each
// pause gets one mark (GB/T 15834-2011 §4.1–§4.7). Three or more 。 are
// punctuation/ellipsis's business; `？！` is allowed (§4.3.3).

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { editFor, fixOf } from './_util';

const NAMES: Record<string, string> = { '，': '逗号', '。': '句号', '、': '顿号', '；': '分号', '：': '冒号', '？': '问号', '！': '叹号' };
/** First and second marks of an illegal pair. */
const PAIR_FIRST = new Set(['，', '、', '；', '：', '。']);
const PAIR_SECOND = new Set(['，', '。', '、', '；', '：']);
/** Maximal runs of two or more 点号 (the regex starts at a run's first mark, as it cannot match one mark later). */
const RUN_RE = /[，。、；：？！]{2,}/g;

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(text); m; m = RUN_RE.exec(text)) {
    const i = m.index;
    const j = i + m[0].length;
    // `“，。”`: marks quoted as a mention, not used as punctuation
    const mention = /[“‘]/.test(text[i - 1] ?? '') && /[”’]/.test(text[j] ?? '');
    if (!mention) inspect(block, ctx, i, j);
  }
}

function inspect(block: TextBlock, ctx: BlockContext, from: number, to: number): void {
  const run = block.text.slice(from, to);
  const { start, end } = spanRange(block, from, to);
  if ([...run].every((c) => c === run[0])) {
    if (run[0] === '。' && run.length >= 3) return; // an ellipsis typed as 。。。
    const mark = run[0];
    const excited = mark === '？' || mark === '！';
    ctx.report({
      start,
      end,
      message: excited
        ? `${NAMES[mark]}“${mark}”不宜连用，公文中用一个“${mark}”`
        : `${NAMES[mark]}“${mark}”重复，应只用一个“${mark}”`,
      fixes: fixOf(`改为“${mark}”`, [editFor(block, ctx.model, from, to, mark)]),
      severity: excited ? 'warning' : 'error',
    });
    return;
  }
  if (run.length !== 2) {
    // three or more mixed marks: certainly wrong, but which one stays is not certain
    ctx.report({ start, end, message: `标点“${run}”连用，同一停顿处只用一个点号`, severity: 'warning' });
    return;
  }
  const [a, b] = run;
  if (!PAIR_FIRST.has(a) || !PAIR_SECOND.has(b)) return;
  const keepSecond = editFor(block, ctx.model, from, to, b);
  const keepFirst = editFor(block, ctx.model, from, to, a);
  ctx.report({
    start,
    end,
    message: `${NAMES[a]}“${a}”和${NAMES[b]}“${b}”不能连用，同一停顿处只用一个点号`,
    severity: 'warning',
    safe: false,
    fixes:
      keepSecond && keepFirst
        ? [
            { title: `改为“${b}”`, edits: [keepSecond] },
            { title: `改为“${a}”`, edits: [keepFirst] },
          ]
        : undefined,
  });
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/repeated',
    category: 'punctuation',
    severity: 'error',
    safeFix: true,
    description: '同一停顿处只用一个点号：不重复使用，也不连用两个不同的点号',
    clause: 'GB/T 15834-2011 §4.1—§4.7',
    details:
      '句号、逗号、顿号、分号、冒号等点号表示停顿，一处停顿只用一个。“。。”“，，”等重复的点号可自动合并为一个；' +
      '“，。”“；。”“、，”等不同点号连用时需判断保留哪一个，只提供修改建议。“？！”连用表示强烈的疑问语气，不报。',
    examples: [
      { bad: '请认真贯彻执行。。', good: '请认真贯彻执行。' },
      { bad: '各地区，，各部门', good: '各地区，各部门' },
      { bad: '加强领导，。', good: '加强领导。' },
    ],
  },
  block: check,
};
