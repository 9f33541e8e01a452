// punctuation/fullwidth: ASCII , ; : ? ! ( ) and a sentence-final . in
// Chinese text are written full-width (GB/T 15834-2011 §5.1: a mark takes
// one character's space). A mark counts as "in Chinese text" by its
// neighbours, so decimals, clock times, ratios, the `1.` ordinal, English
// phrases, URLs and code are left alone.

import type { Rule, TextBlock, BlockContext } from '../../engine/types';
import { spanRange } from '../../engine/text';
import {
  PLACEHOLDER,
  ambiguousPunctAt,
  clearlyChineseAt,
  editFor,
  fixOf,
  hanAt,
  isAsciiAlnum,
  isSpace,
  lineBounds,
  nextNonSpace,
  prevNonSpace,
} from './_util';

const MARKS: Record<string, { full: string; name: string }> = {
  ',': { full: '，', name: '逗号' },
  ';': { full: '；', name: '分号' },
  ':': { full: '：', name: '冒号' },
  '?': { full: '？', name: '问号' },
  '!': { full: '！', name: '叹号' },
};

/** Any character this rule can report; a block without one is skipped. */
const ANY_MARK = /[,;:?!().]/;
/** ASCII parentheses: without one, no pair needs a fix and no `)` needs its pair looked up. */
const ASCII_PAREN = /[()]/;

interface ParenPair {
  open: number;
  close: number;
  chinese: boolean;
}

/** Match parentheses (ASCII and full-width alike) and decide for each mixed or ASCII pair whether it sits in Chinese text. */
function parenPairs(text: string): { pairs: ParenPair[]; pairOf: Map<number, ParenPair> } {
  const pairs: ParenPair[] = [];
  const pairOf = new Map<number, ParenPair>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) stack.push(i); // ( （
    else if ((c === 0x29 || c === 0xff09) && stack.length) {
      const open = stack.pop()!;
      const pair: ParenPair = { open, close: i, chinese: false };
      pairs.push(pair);
      pairOf.set(open, pair);
      pairOf.set(i, pair);
    }
  }
  for (const pair of pairs) pair.chinese = parenIsChinese(text, pair.open, pair.close);
  return { pairs, pairOf };
}

function parenIsChinese(text: string, open: number, close: number): boolean {
  // A pair already half full-width is Chinese by its writer's choice.
  if (text[open] === '（' || text[close] === '）') return true;
  for (let i = open + 1; i < close; i++) if (hanAt(text, i)) return true;
  const before = prevNonSpace(text, open);
  if (before >= 0 && clearlyChineseAt(text, before)) return true;
  // `(PM2.5)浓度` at the start, `， (1)加强` — but not `f(x)函数`, where a
  // Latin word is attached to the parenthesis.
  const attached = open > 0 && !isSpace(text[open - 1]) && (isAsciiAlnum(text[open - 1]) || text[open - 1] === PLACEHOLDER);
  if (attached) return false;
  if (before >= 0 && (isAsciiAlnum(text[before]) || text[before] === PLACEHOLDER)) return false;
  const after = nextNonSpace(text, close + 1);
  return after < text.length && clearlyChineseAt(text, after);
}

/** What may end a Chinese sentence right before a stray ASCII full stop followed by Han. */
const SENTENCE_END_BEFORE = new Set(['%', '）', '”', '》', '’']);

/** Characters an embedded ASCII token may hold: `100%`, `PM2.5`, `5G`. */
const TOKEN_CHAR = /[A-Za-z0-9%.‰℃:\-/+]/;

/** Is the mark at i preceded by Chinese text (directly, past a closing quote, or past an ASCII token embedded in Chinese)? */
function inChineseText(text: string, i: number, pairOf: Map<number, ParenPair>): boolean {
  let p = prevNonSpace(text, i);
  if (p < 0) return false;
  const ch = text[p];
  if (ch === ')' ) return pairOf.get(p)?.chinese ?? false;
  if (clearlyChineseAt(text, p)) return true;
  const passable = (k: number) => ambiguousPunctAt(text, k) || text[k] === '×';
  if (passable(p)) {
    // `“通知”,` — look past closing quotes, dashes and ×× placeholders to what they follow.
    let q = p;
    while (q >= 0 && passable(q)) q = prevNonSpace(text, q);
    const n = nextNonSpace(text, i + 1);
    return (q >= 0 && clearlyChineseAt(text, q)) || (n < text.length && clearlyChineseAt(text, n));
  }
  if (TOKEN_CHAR.test(ch)) {
    // `达到100%,其中` / `使用Python,提高`: an ASCII token with Chinese on both sides.
    let t = p;
    while (t > 0 && TOKEN_CHAR.test(text[t - 1])) t--;
    if (t > 0 && !isSpace(text[t - 1]) && !clearlyChineseAt(text, t - 1)) return false;
    const b = prevNonSpace(text, t);
    const n = nextNonSpace(text, i + 1);
    return b >= 0 && clearlyChineseAt(text, b) && n < text.length && hanAt(text, n);
  }
  return false;
}

const NO_PAIRS: { pairs: ParenPair[]; pairOf: Map<number, ParenPair> } = { pairs: [], pairOf: new Map() };

function check(block: TextBlock, ctx: BlockContext): void {
  const text = block.text;
  const model = ctx.model;
  if (!ANY_MARK.test(text)) return;
  const { pairs, pairOf } = ASCII_PAREN.test(text) ? parenPairs(text) : NO_PAIRS;

  for (const pair of pairs) {
    if (!pair.chinese) continue;
    const openAscii = text[pair.open] === '(';
    const closeAscii = text[pair.close] === ')';
    if (!openAscii && !closeAscii) continue;
    const edits = [];
    if (openAscii) edits.push(editFor(block, model, pair.open, pair.open + 1, '（'));
    if (closeAscii) edits.push(editFor(block, model, pair.close, pair.close + 1, '）'));
    const at = openAscii ? pair.open : pair.close;
    const { start, end } = spanRange(block, at, at + 1);
    const which = openAscii && closeAscii ? '括号' : openAscii ? '前括号' : '后括号';
    ctx.report({
      start,
      end,
      message: `中文语句中应使用全角${which}${openAscii && closeAscii ? '“（）”' : openAscii ? '“（”' : '“）”'}`,
      fixes: fixOf(openAscii && closeAscii ? '改为“（）”' : openAscii ? '改为“（”' : '改为“）”', edits),
    });
  }

  // Template placeholders `{{名称:默认内容}}`: the first colon is placeholder syntax.
  const syntax = new Set<number>();
  if (text.includes('{{')) for (const m of text.matchAll(/\{\{[^{}:]*:[^{}]*\}\}/g)) syntax.add(m.index! + m[0].indexOf(':'));

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // only , ; : ? ! and . (all below U+0040) matter
    if (c > 0x3f || (c !== 0x2c && c !== 0x3b && c !== 0x3a && c !== 0x3f && c !== 0x21 && c !== 0x2e)) continue;
    const ch = text[i];
    const mark = MARKS[ch];
    if (mark) {
      if (syntax.has(i)) continue;
      if (ch === '!' && text[i + 1] === '[') continue; // Markdown image syntax in plain text
      if (ch === ':' && text[i + 1] === '/' && text[i + 2] === '/') continue; // an unmasked URL scheme
      if (!inChineseText(text, i, pairOf)) continue;
      const { start, end } = spanRange(block, i, i + 1);
      ctx.report({
        start,
        end,
        message: `中文语句中应使用全角${mark.name}“${mark.full}”`,
        fixes: fixOf(`改为“${mark.full}”`, [editFor(block, model, i, i + 1, mark.full)]),
      });
    } else if (ch === '.') {
      // A full stop ending a Chinese sentence: `……施行.` at the end of a line, or
      // `达到95%.各地` / `“放管服”.各地` between sentences (not `1.`, `1.5`, `...`,
      // `白求恩.诺尔曼`, where a Han character on both sides may mean a 间隔号).
      if (text[i + 1] === '.' || text[i - 1] === '.') continue;
      const line = lineBounds(block, i);
      const atLineEnd = nextNonSpace(text, i + 1) >= line.to;
      const endsLine = atLineEnd && hanAt(text, i - 1);
      const betweenSentences = SENTENCE_END_BEFORE.has(text[i - 1]) && hanAt(text, i + 1) && (text[i - 1] !== '%' || /\d/.test(text[i - 2] ?? ''));
      if (!endsLine && !betweenSentences) continue;
      const { start, end } = spanRange(block, i, i + 1);
      ctx.report({
        start,
        end,
        message: '中文句末应使用全角句号“。”',
        fixes: fixOf('改为“。”', [editFor(block, model, i, i + 1, '。')]),
      });
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'punctuation/fullwidth',
    category: 'punctuation',
    severity: 'error',
    safeFix: true,
    description: '中文语句中的逗号、分号、冒号、问号、叹号、括号和句末句号应使用全角标点',
    clause: 'GB/T 15834-2011 §5.1',
    details:
      '中文语句中的标点符号占一个字的位置，应使用全角形式：“，；：？！（）。”。' +
      '根据前后文字判断是否处于中文语句中：小数（1.5）、时间（9:30）、比例（1:200）、序号“1.”、英文短语、网址和代码中的半角符号不报。' +
      '括号成对修改：括号内有汉字或括号紧邻汉字时，前后括号一并改为全角。',
    examples: [
      { bad: '各地区,各部门:', good: '各地区，各部门：' },
      { bad: '细颗粒物(PM2.5)浓度', good: '细颗粒物（PM2.5）浓度' },
      { bad: '是否可行?', good: '是否可行？' },
      { bad: '自发布之日起施行.', good: '自发布之日起施行。' },
    ],
  },
  block: check,
};
