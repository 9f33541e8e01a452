// punctuation/quotes: Chinese text uses “” and, inside them, ‘’
// (GB/T 15834-2011 §4.8). ASCII " and ' and the corner brackets 「」『』
// become “” and ‘’, pair by pair. A pair is converted only when the block's
// quotes pair up consistently, so a stray inch mark or an apostrophe is never
// touched.

import type { BlockContext, Edit, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { clearlyChineseAt, editFor, fixOf, hasHanIn, isAsciiAlnum, nextNonSpace, prevNonSpace } from './_util';

interface Quote {
  index: number;
  open: boolean;
}

/**
 * Pair the quotes of one kind in alternation: curly openers and closers are
 * fixed, an ASCII quote opens when no pair is open and closes otherwise.
 * Returns undefined when the sequence does not pair up.
 */
function pairUp(text: string, ascii: string, open: string, close: string, isCandidate: (i: number) => boolean): Array<[number, number]> | undefined {
  const pairs: Array<[number, number]> = [];
  let openAt = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === open) {
      if (openAt >= 0) return undefined;
      openAt = i;
    } else if (ch === close) {
      if (openAt < 0) return undefined;
      pairs.push([openAt, i]);
      openAt = -1;
    } else if (ch === ascii && isCandidate(i)) {
      if (openAt < 0) openAt = i;
      else {
        pairs.push([openAt, i]);
        openAt = -1;
      }
    }
  }
  return openAt >= 0 ? undefined : pairs;
}

/** A quoted span is Chinese when it holds Han, or Chinese text sits on both sides of it. */
function pairIsChinese(text: string, open: number, close: number): boolean {
  if (hasHanIn(text, open + 1, close)) return true;
  const before = prevNonSpace(text, open);
  const after = nextNonSpace(text, close + 1);
  return before >= 0 && clearlyChineseAt(text, before) && after < text.length && clearlyChineseAt(text, after);
}

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  const model = ctx.model;

  // Corner brackets: always Chinese quotation marks, written “” ‘’ in simplified Chinese.
  const CORNER: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };
  if (/[「」『』]/.test(text) && hasHanIn(text, 0, text.length)) {
    for (let i = 0; i < text.length; i++) {
      const to = CORNER[text[i]];
      if (!to) continue;
      const { start, end } = spanRange(block, i, i + 1);
      ctx.report({
        start,
        end,
        message: `简体中文应使用中文引号${to}，不用直角引号${text[i]}`,
        fixes: fixOf(`改为${to}`, [editFor(block, model, i, i + 1, to)]),
      });
    }
  }

  // ASCII double quotes, paired with any curly ones in the block.
  if (text.includes('"')) {
    const pairs = pairUp(text, '"', '“', '”', () => true);
    if (pairs) report(block, ctx, pairs, '"', '“', '”', '双引号');
  }

  // ASCII single quotes that are not apostrophes (`China's`, `don't`) nor primes (`5'`).
  if (text.includes("'")) {
    const candidate = (i: number) => !(isAsciiAlnum(text[i - 1]) && (isAsciiAlnum(text[i + 1]) || text[i + 1] === undefined || /[\s,.;:!?]/.test(text[i + 1])));
    const pairs = pairUp(text, "'", '‘', '’', candidate);
    // single quotes are inner quotes: convert only spans that hold Han
    if (pairs) report(block, ctx, pairs.filter(([o, c]) => hasHanIn(text, o + 1, c)), "'", '‘', '’', '单引号');
  }
}

function report(block: TextBlock, ctx: BlockContext, pairs: Array<[number, number]>, ascii: string, open: string, close: string, name: string): void {
  const text = block.text;
  // With both curly marks present, an ASCII quote may be nested inside a curly pair
  // (`“关于"十四五"规划”`): then only pairs that are ASCII on both sides are certain.
  const curlyBoth = text.includes(open) && text.includes(close);
  for (const [o, c] of pairs) {
    const openAscii = text[o] === ascii;
    const closeAscii = text[c] === ascii;
    if (!openAscii && !closeAscii) continue;
    if (curlyBoth && openAscii !== closeAscii) continue;
    if (!pairIsChinese(text, o, c)) continue;
    const edits: Array<Edit | undefined> = [];
    if (openAscii) edits.push(editFor(block, ctx.model, o, o + 1, open));
    if (closeAscii) edits.push(editFor(block, ctx.model, c, c + 1, close));
    const at = openAscii ? o : c;
    const { start, end } = spanRange(block, at, at + 1);
    const both = openAscii && closeAscii;
    const right = both ? `${open}${close}` : openAscii ? open : close;
    ctx.report({
      start,
      end,
      message: both
        ? `中文语句中应使用中文${name}${right}，不用半角引号${ascii}`
        : `中文${name}的${openAscii ? '前' : '后'}引号应为${right}，不用半角引号${ascii}`,
      fixes: fixOf(`改为${right}`, edits),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/quotes',
    category: 'punctuation',
    severity: 'error',
    safeFix: true,
    description: '中文语句中的引号应使用“”和‘’，不用半角引号和直角引号',
    clause: 'GB/T 15834-2011 §4.8',
    details:
      '中文引号的形式是双引号“”，引号里面再用引号时用单引号‘’。半角引号"和\'以及直角引号「」『』应改为对应的中文引号，前后引号成对修改。' +
      '英文中的撇号（China\'s）、英寸等记号以及配对不完整的引号不报。',
    examples: [
      { bad: '落实"放管服"改革', good: '落实“放管服”改革' },
      { bad: '所谓「一网通办」', good: '所谓“一网通办”' },
      { bad: '“关于\'十四五\'规划”', good: '“关于‘十四五’规划”' },
    ],
  },
  block: check,
};

