// punctuation/ellipsis: the ellipsis is six dots in two character spaces,
// `……` (GB/T 15834-2011 §4.11); `...`, `。。。`, a lone `…` are wrong forms.
// An ellipsis and 等/等等 say the same thing and are not used together
// (GB/T 15834-2011 附录A A.9.2).

import type { BlockContext, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { clearlyChineseAt, editFor, exactRange, fixOf, isAsciiAlnum, isDengParticle, nextNonSpace, prevNonSpace, sameCharRunEnd } from './_util';

/** Characters that, three or more in a row, are an ellipsis typed the wrong way. */
const DOTS = new Set(['.', '。', '．', '·', '・']);
/** Something this rule reports on: three dots of one kind in a row, or a `…`; a block without one is skipped. */
const ANY_ELLIPSIS = /\.\.\.|。。。|．．．|···|・・・|…/;

/** . 。 ． · ・ … */
function isDotCode(c: number): boolean {
  return c === 0x2e || c === 0x3002 || c === 0xff0e || c === 0xb7 || c === 0x30fb || c === 0x2026;
}

function chineseAround(text: string, from: number, to: number): boolean {
  const p = prevNonSpace(text, from);
  if (p >= 0 && clearlyChineseAt(text, p)) return true;
  const n = nextNonSpace(text, to);
  return n < text.length && clearlyChineseAt(text, n) && !(p >= 0 && isAsciiAlnum(text[p]) && from - p === 1);
}

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  if (!ANY_ELLIPSIS.test(text)) return;
  const model = ctx.model;
  /** Visible ranges [from, to) of every ellipsis, right or wrong, for the 等 check. */
  const ellipses: Array<[number, number]> = [];

  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    // other characters need no run: a run of dots after them starts where they end
    if (!isDotCode(c)) {
      i++;
      continue;
    }
    const ch = text[i];
    const j = sameCharRunEnd(text, i);
    const len = j - i;
    // `“...”`: a form quoted as a mention (in a note on usage), not used as punctuation
    if (text[i - 1] === '“' && text[j] === '”') {
      i = j;
      continue;
    }
    if (DOTS.has(ch) && len >= 3) {
      if (ch === '。' || chineseAround(text, i, j)) {
        ellipses.push([i, j]);
        const { start, end } = spanRange(block, i, j);
        ctx.report({
          start,
          end,
          message: `省略号应写作“……”，不用“${text.slice(i, j)}”`,
          fixes: fixOf('改为“……”', [editFor(block, model, i, j, '……')]),
        });
      }
    } else if (ch === '…') {
      ellipses.push([i, j]);
      if (len % 2 === 1 && chineseAround(text, i, j)) {
        const { start, end } = spanRange(block, i, j);
        const single = len === 1;
        ctx.report({
          start,
          end,
          message: single ? '省略号应写作“……”（占两个字的位置），不用单个“…”' : `省略号应写作“……”，不用“${text.slice(i, j)}”`,
          fixes: fixOf('改为“……”', [editFor(block, model, i, j, '……')]),
          safe: single,
        });
      }
    }
    i = j;
  }

  for (const [from, to] of ellipses) {
    // `……等` / `……等等` after, or `等等……` before
    let dengFrom = -1;
    let dengTo = -1;
    if (isDengParticle(text, to)) {
      dengFrom = to;
      dengTo = text[to + 1] === '等' ? to + 2 : to + 1;
    } else if (text[from - 1] === '等' && text[from - 2] === '等') {
      // only 等等……: a single 等 before it may end a word (平等, 同等, 一等)
      dengTo = from;
      dengFrom = from - 2;
    }
    if (dengFrom < 0) continue;
    const lo = Math.min(from, dengFrom);
    const hi = Math.max(to, dengTo);
    const { start, end } = spanRange(block, lo, hi);
    const deng = text.slice(dengFrom, dengTo);
    const dropDeng = exactRange(block, model, dengFrom, dengTo);
    const dropDots = exactRange(block, model, from, to);
    ctx.report({
      start,
      end,
      message: `省略号与“${deng}”不能同时使用，应删去其一`,
      severity: 'warning',
      safe: false,
      fixes:
        dropDeng && dropDots
          ? [
              { title: `删去“${deng}”`, edits: [{ ...dropDeng, newText: '' }] },
              { title: '删去省略号', edits: [{ ...dropDots, newText: '' }] },
            ]
          : undefined,
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/ellipsis',
    category: 'punctuation',
    severity: 'error',
    safeFix: true,
    description: '省略号应写作“……”，且不与“等”“等等”同时使用',
    clause: 'GB/T 15834-2011 §4.11、附录A A.9.2',
    details:
      '省略号的形式是“……”（六个点，占两个字的位置）；“...”“。。。”和单个“…”都不规范，可自动改为“……”。' +
      '省略号和“等”“等等”都表示列举未尽，不能同时使用，需删去其一（由作者决定删哪一个）。',
    examples: [
      { bad: '北京、上海、广州...', good: '北京、上海、广州……' },
      { bad: '钢铁、煤炭。。。', good: '钢铁、煤炭……' },
      { bad: '钢铁、煤炭、水泥……等行业', good: '钢铁、煤炭、水泥等行业' },
    ],
  },
  block: check,
};
