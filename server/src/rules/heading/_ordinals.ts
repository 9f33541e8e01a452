// Shared helpers for the heading rules: ordinal numerals and marker forms
// of the four 正文 heading levels (GB/T 9704-2012 §7.3.3).

import type { HeadingStyle } from '../../engine/types';
import { parseChineseNumber, toChineseNumber } from '../../engine/text';

/** A Chinese ordinal numeral as written in headings: 一 … 九十九. */
export const CN_NUMERAL = '[一二三四五六七八九十]{1,3}';

/** Value of a Chinese ordinal numeral (一 → 1, 十二 → 12), NaN unless 1–99 and well formed. */
export function chineseOrdinalValue(s: string): number {
  const n = parseChineseNumber(s);
  if (!Number.isFinite(n) || n < 1 || n > 99) return NaN;
  // reject malformed numerals such as 一一 or 十十
  return toChineseNumber(n) === s ? n : NaN;
}

/** The correct marker of a heading level for a value: 一、 （一） 1. （1）. */
export function markerText(style: HeadingStyle, value: number): string {
  switch (style) {
    case 'chinese':
      return `${toChineseNumber(value)}、`;
    case 'chineseParen':
      return `（${toChineseNumber(value)}）`;
    case 'arabic':
      return `${value}.`;
    case 'arabicParen':
      return `（${value}）`;
  }
}

/** Whitespace that may indent a line: ASCII, full-width space, NBSP, tab. */
export function isPad(ch: string | undefined): boolean {
  return ch !== undefined && /[\s\u3000\u00a0\ufeff]/.test(ch);
}

/** Index of the first non-blank character at or after `from`. */
export function skipPad(text: string, from: number, to = text.length): number {
  let i = from;
  while (i < to && isPad(text[i])) i++;
  return i;
}

/**
 * Whether the character can start the text of a heading or a run-in
 * paragraph: a Han character, a digit-free opening quote or bracket.
 */
export function startsChineseText(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x3134f) || '“‘《〈【（'.includes(ch);
}
