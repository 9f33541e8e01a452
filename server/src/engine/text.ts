// Small helpers over text spans and characters, shared by the engine and rules.

/** Anything with visible text mapped to source offsets (a TextBlock or TextLine). */
export interface MappedText {
  text: string;
  offsets: Int32Array;
}

/**
 * Source range of the visible-text range [from, to). The end is the source
 * position just after the last visible character, so markup that follows
 * (e.g. a closing `**`) stays outside the range.
 */
export function spanRange(span: MappedText, from: number, to: number): { start: number; end: number } {
  const start = span.offsets[from];
  const end = to > from ? span.offsets[to - 1] + 1 : start;
  return { start, end };
}

/** CJK ideographs (BMP blocks and the supplementary-plane extensions), and 〇. */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007 ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

/** Full-width CJK punctuation and symbols (。，、；：？！“”‘’（）《》〔〕【】…—·). */
export function isCjkPunct(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f && code !== 0x3007) ||
    (code >= 0xff01 && code <= 0xff0f) ||
    (code >= 0xff1a && code <= 0xff20) ||
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65) ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2014 ||
    code === 0x2026 ||
    code === 0x00b7
  );
}

/** A Han character or full-width CJK punctuation: the marks of Chinese text. */
export function isChineseContext(code: number): boolean {
  return isHan(code) || isCjkPunct(code);
}

/** Code point at text index i (combining a surrogate pair). */
export function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}

/** Code point of the character that ends just before index i (handles surrogate pairs). */
export function codePointBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** True when the text holds at least one Han character. */
export function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && (isHan(c) || (c >= 0xd840 && c <= 0xd8bf))) return true;
  }
  return false;
}

/** Characters used as Chinese numerals in ordinals. */
export const CHINESE_DIGITS = '〇零一二三四五六七八九十百千';

/** Parse a Chinese numeral such as 十二 or 二十一 (up to 999); NaN if not one. */
export function parseChineseNumber(s: string): number {
  if (!s) return NaN;
  const digit: Record<string, number> = {
    〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  };
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in digit) current = digit[ch];
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return NaN;
  }
  return total + current;
}

/** Write n (1–99) as a Chinese numeral: 1 → 一, 12 → 十二, 21 → 二十一. */
export function toChineseNumber(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  return String(n);
}
