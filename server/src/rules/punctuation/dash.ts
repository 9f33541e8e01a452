// punctuation/dash: the Chinese 破折号 is `——`, two em dashes taking two
// character spaces (GB/T 15834-2011 §4.10). `--`, `－－`, `──` typed in
// Chinese text become `——`; a single `—` next to a 点号 (`，—`) is a dash
// cut short. A single `—` elsewhere is left alone: between time points or
// places it is the 一字线 range connector (`2023—2025年`, `北京—上海`, §4.13).

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { clearlyChineseAt, editFor, fixOf, isAsciiAlnum, nextNonSpace, prevNonSpace, sameCharRunEnd } from './_util';

/** Characters that, two or three in a row, imitate a 破折号. */
const DASH_LIKE = new Set(['-', '－', '─', '–']);
/** Any character this rule looks at: the dash look-alikes and the em dash; a block without one is skipped. */
const ANY_DASH = /[-－─–—]/;

/** - － ─ – — */
function isDashCode(c: number): boolean {
  return c === 0x2d || c === 0xff0d || c === 0x2500 || c === 0x2013 || c === 0x2014;
}
const POINT = new Set([...'，。、；：？！']);

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  if (!ANY_DASH.test(text)) return;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    // other characters need no run: a dash run after them starts where they end
    if (!isDashCode(c)) {
      i++;
      continue;
    }
    const ch = text[i];
    const j = sameCharRunEnd(text, i);
    const len = j - i;
    if (DASH_LIKE.has(ch) && (len === 2 || len === 3)) {
      // longer runs are decorative rules (`-----以下无正文-----`)
      const p = prevNonSpace(text, i);
      const n = nextNonSpace(text, j);
      const chinese = (p >= 0 && clearlyChineseAt(text, p)) || (n < text.length && clearlyChineseAt(text, n));
            const edgeRule = p < 0 || n >= text.length; // `--` opening or closing a line: a list or separator mark
      const attached = isAsciiAlnum(text[i - 1]) || isAsciiAlnum(text[j]); // `--help`, `a--b`: options and code
      if (chinese && !edgeRule && !attached) {
        const { start, end } = spanRange(block, i, j);
        ctx.report({
          start,
          end,
          message: `破折号应写作“——”，不用“${text.slice(i, j)}”`,
          fixes: fixOf('改为“——”', [editFor(block, ctx.model, i, j, '——')]),
        });
      }
    } else if (ch === '—' && len === 1) {
      const before = text[i - 1];
      const after = text[i + 1];
      if ((before !== undefined && POINT.has(before)) || (after !== undefined && POINT.has(after))) {
        const { start, end } = spanRange(block, i, j);
        ctx.report({
          start,
          end,
          message: '破折号应写作“——”（占两个字的位置）；单个“—”是表示起止的一字线',
          fixes: fixOf('改为“——”', [editFor(block, ctx.model, i, j, '——')]),
          safe: false,
        });
      }
    }
    i = j;
  }
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/dash',
    category: 'punctuation',
    severity: 'warning',
    safeFix: true,
    description: '破折号应写作“——”，不用“--”“－－”等代替',
    clause: 'GB/T 15834-2011 §4.10',
    details:
      '破折号的形式是“——”（占两个字的位置）。中文语句中用两个连字符“--”、全角减号“－－”或制表线“──”代替破折号的，可自动改为“——”。' +
      '单个“—”紧挨逗号、句号等点号时，多半是破折号少打了一半，提示但不自动修改；' +
      '数字或时间、地点之间的单个“—”是一字线连接号（如“2023—2025年”“北京—上海”），不报。',
    examples: [
      { bad: '我们的目标--建设现代化强国', good: '我们的目标——建设现代化强国' },
      { bad: '一项基础工程－－社会信用体系', good: '一项基础工程——社会信用体系' },
    ],
  },
  block: check,
};
