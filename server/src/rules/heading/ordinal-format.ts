// heading/ordinal-format: the punctuation of a heading ordinal at the start of
// a line. GB/T 15834-2011 附录B.3: a Chinese numeral takes 顿号 (一、), an
// Arabic numeral takes 下脚点 (1.), a bracketed ordinal takes no mark
// (（一） （1）), and 第一 takes a comma (第一，). GB/T 9704-2012 §7.3.3 fixes the
// four levels 一、 （一） 1. （1）, written with full-width parentheses.
//
// Only the start of a source line is looked at: enumerations inside running
// text (`第1、2条`, `2024、2025年`, `1、2月份`) are never touched, and table
// cells are skipped, as are lines of other elements (the items of a 附件说明
// belong to structure/attachment-note).

import type { Edit, Rule, TextBlock } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { CN_NUMERAL, chineseOrdinalValue, isPad, skipPad, startsChineseText } from './_ordinals';

const CLAUSE = 'GB/T 15834-2011 附录B.3；GB/T 9704-2012 §7.3.3';

// `1、` (one or two digits; not followed by another digit, which would be an enumeration `1、2月`)
const ARABIC_DUNHAO = /^(\d{1,2})、/;
// `（一）、` `（1）.` — a full-width bracketed ordinal followed by a mark
const PAREN_WITH_MARK = new RegExp(`^（(${CN_NUMERAL}|\\d{1,2})）([、.．，,])`);
// `(一)` `(1)` `（一)` `(1）` — at least one ASCII parenthesis
const ASCII_PAREN = new RegExp(`^([(（])[ \\u3000]*(${CN_NUMERAL}|\\d{1,2})[ \\u3000]*([)）])([、.．，,])?`);
// `一.` `一．` `一，` `一,` — a Chinese numeral followed by the wrong mark
const CHINESE_WRONG_MARK = new RegExp(`^(${CN_NUMERAL})([.．，,])`);
// `第一、` — 第-ordinal followed by 顿号
const DI_DUNHAO = new RegExp(`^第(${CN_NUMERAL})、`);

const NUMERAL_CHARS = /[一二三四五六七八九十0-9０-９第]/;

interface Hit {
  from: number; // index in block text where the wrong marker starts
  to: number; // index just after it
  wrong: string;
  right: string;
  message: string;
  edits: Edit[];
}

function replaceChar(block: TextBlock, i: number, newText: string): Edit {
  const { start, end } = spanRange(block, i, i + 1);
  return { start, end, newText };
}

/** Delete block text [from, to) (a mark and any blanks after it). */
function deleteRange(block: TextBlock, from: number, to: number): Edit {
  const { start, end } = spanRange(block, from, to);
  return { start, end, newText: '' };
}

/** End of the blanks after index i. */
function blanksEnd(text: string, i: number, lineEnd: number): number {
  let j = i;
  while (j < lineEnd && isPad(text[j])) j++;
  return j;
}

function checkLine(block: TextBlock, lineFrom: number, lineTo: number): Hit | undefined {
  const text = block.text;
  const at = skipPad(text, lineFrom, lineTo);
  const rest = text.slice(at, lineTo);
  let m: RegExpExecArray | null;

  if ((m = ARABIC_DUNHAO.exec(rest))) {
    const after = blanksEnd(text, at + m[0].length, lineTo);
    if (!startsChineseText(text[after]) || NUMERAL_CHARS.test(text[at + m[0].length] ?? '')) return undefined;
    const dun = at + m[1].length;
    const edits = [replaceChar(block, dun, '.')];
    // `1、 正文` → `1.正文`: a blank after `1.` would make a Markdown list
    if (after > dun + 1) edits.push(deleteRange(block, dun + 1, after));
    return {
      from: at,
      to: dun + 1,
      wrong: m[0],
      right: `${m[1]}.`,
      message: `阿拉伯数字序号后应使用下脚点“.”，不用顿号：“${m[0]}”应为“${m[1]}.”`,
      edits,
    };
  }

  if ((m = PAREN_WITH_MARK.exec(rest))) {
    const value = /\d/.test(m[1]) ? +m[1] : chineseOrdinalValue(m[1]);
    if (!(value >= 1)) return undefined;
    const markAt = at + m[0].length - 1;
    const after = blanksEnd(text, markAt + 1, lineTo);
    // the full-width bracketed ordinal is unambiguous: text may start with a number (`（一）、2024年工作回顾`)
    if (!startsChineseText(text[after]) && !/[0-9]/.test(text[after] ?? '')) return undefined;
    const right = `（${m[1]}）`;
    return {
      from: at,
      to: markAt + 1,
      wrong: m[0],
      right,
      message: `带括号的序号后不加任何点号：“${m[0]}”应为“${right}”`,
      edits: [deleteRange(block, markAt, markAt + 1)],
    };
  }

  if ((m = ASCII_PAREN.exec(rest)) && (m[1] === '(' || m[3] === ')')) {
    const value = /\d/.test(m[2]) ? +m[2] : chineseOrdinalValue(m[2]);
    if (!(value >= 1)) return undefined;
    const end = at + m[0].length;
    const after = blanksEnd(text, end, lineTo);
    if (!startsChineseText(text[after])) return undefined;
    const right = `（${m[2]}）`;
    // rewrite the whole marker (parentheses, inner blanks, a trailing mark) in one edit
    const { start, end: srcEnd } = spanRange(block, at, end);
    const contiguous = srcEnd - start === end - at;
    const edits: Edit[] = contiguous
      ? [{ start, end: srcEnd, newText: right }]
      : [replaceChar(block, at, '（'), replaceChar(block, at + m[0].indexOf(m[3], 1), '）')];
    if (!contiguous && m[4]) edits.push(deleteRange(block, end - 1, end));
    return {
      from: at,
      to: end,
      wrong: m[0],
      right,
      message: `序号应使用全角括号${m[4] ? '，括号后不加点号' : ''}：“${m[0]}”应为“${right}”`,
      edits,
    };
  }

  if ((m = CHINESE_WRONG_MARK.exec(rest))) {
    if (!(chineseOrdinalValue(m[1]) >= 1)) return undefined;
    const markAt = at + m[1].length;
    const after = blanksEnd(text, markAt + 1, lineTo);
    if (!startsChineseText(text[after]) || NUMERAL_CHARS.test(text[markAt + 1] ?? '')) return undefined;
    const right = `${m[1]}、`;
    const edits = [replaceChar(block, markAt, '、')];
    if (after > markAt + 1) edits.push(deleteRange(block, markAt + 1, after));
    return {
      from: at,
      to: markAt + 1,
      wrong: m[0],
      right,
      message: `汉字数字序号后应使用顿号“、”：“${m[0]}”应为“${right}”`,
      edits,
    };
  }

  if ((m = DI_DUNHAO.exec(rest))) {
    if (!(chineseOrdinalValue(m[1]) >= 1)) return undefined;
    const dun = at + m[0].length - 1;
    // `第一、二批` `第一、第二产业`: an enumeration, not an ordinal
    if (NUMERAL_CHARS.test(text[dun + 1] ?? '') || !startsChineseText(text[dun + 1])) return undefined;
    const right = `第${m[1]}，`;
    return {
      from: at,
      to: dun + 1,
      wrong: m[0],
      right,
      message: `“第”字头序次语后应使用逗号：“${m[0]}”应为“${right}”`,
      edits: [replaceChar(block, dun, '，')],
    };
  }
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'heading/ordinal-format',
    category: 'heading',
    severity: 'error',
    safeFix: true,
    description: '标题序号的标点：一、（一）1.（1）第一，',
    clause: CLAUSE,
    details:
      '正文结构层次序数依次为“一、”“（一）”“1.”“（1）”（GB/T 9704-2012 §7.3.3）。' +
      '汉字数字序号后用顿号，阿拉伯数字序号后用下脚点，带括号的序号后不加任何点号，括号用全角；' +
      '“第一”“第二”等序次语后用逗号（GB/T 15834-2011 附录B.3）。只检查行首的序号，' +
      '正文中的列举（如“第1、2条”“2024、2025年”）和表格不检查。',
    examples: [
      { bad: '1、加强组织领导', good: '1.加强组织领导' },
      { bad: '（一）、总体要求', good: '（一）总体要求' },
      { bad: '(1)明确责任分工', good: '（1）明确责任分工' },
      { bad: '一.工作目标', good: '一、工作目标' },
      { bad: '第一、提高认识', good: '第一，提高认识' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    model.lines.forEach((line, i) => {
      // other elements have their own rules (附件说明 items: structure/attachment-note)
      const kind = structure.lineKinds[i];
      if (kind !== undefined && kind !== 'heading' && kind !== 'body') return;
      const block = model.blocks[line.block];
      if (block.kind === 'tableCell') return;
      const hit = checkLine(block, line.blockFrom, line.blockFrom + line.text.length);
      if (!hit) return;
      const { start, end } = spanRange(block, hit.from, hit.to);
      ctx.report({ start, end, message: hit.message, fixes: [{ title: `改为“${hit.right}”`, edits: hit.edits }] });
    });
  },
};
