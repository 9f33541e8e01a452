// Patterns for the 公文 elements (GB/T 9704-2012 §7), shared by the structure
// recogniser and the structure/doctype rules. Each pattern accepts the
// correct form AND the common malformed variants, so that recognition finds
// the element and a rule can then report what is wrong with it.

import type { DocType } from './types';

/** The statutory 文种 (条例 第八条) plus 纪要, longest first so that 命令 wins over 令. */
export const DOC_TYPES: readonly DocType[] = [
  '决议',
  '决定',
  '命令',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '纪要',
  '令',
  '函',
];

/** Whitespace that may pad a line: ASCII, full-width space, NBSP, tabs. */
const PAD = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;

/** The line without leading and trailing whitespace, and the index where it starts. */
export function trimLine(text: string): { text: string; from: number } {
  let from = 0;
  while (from < text.length && /[\s\u3000\u00a0\ufeff]/.test(text[from])) from++;
  let to = text.length;
  while (to > from && /[\s\u3000\u00a0\ufeff]/.test(text[to - 1])) to--;
  return { text: text.slice(from, to), from };
}

export function stripPad(text: string): string {
  return text.replace(PAD, '');
}

/** Remove text inside 《…》 and 〈…〉 (titles of cited documents), keeping the brackets' place. */
export function stripBookTitles(text: string): string {
  let out = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '《' || ch === '〈') {
      depth++;
      continue;
    }
    if ((ch === '》' || ch === '〉') && depth > 0) {
      depth--;
      continue;
    }
    if (depth === 0) out += ch;
  }
  return out;
}

/**
 * The 文种 a title names: the longest statutory 文种 at its end, ignoring
 * text inside 《》. Trailing punctuation and whitespace are ignored.
 */
export function docTypeOfTitle(title: string): DocType | undefined {
  const t = stripBookTitles(title).replace(/[\s\u3000。，；：！？.,;:!?]+$/, '');
  for (const dt of DOC_TYPES) if (t.endsWith(dt)) return dt;
  return undefined;
}

/** Normalise a front-matter 文种 value (`会议纪要` → 纪要, `复函` → 函, `命令（令）` → 命令). */
export function docTypeOfValue(value: string): DocType | undefined {
  const v = stripPad(value).replace(/[（(][^）)]*[）)]$/, '');
  if ((DOC_TYPES as readonly string[]).includes(v)) return v as DocType;
  const byEnd = docTypeOfTitle(v);
  if (byEnd && v.length <= 6) return byEnd;
  const english: Record<string, DocType> = {
    resolution: '决议',
    decision: '决定',
    order: '命令',
    communique: '公报',
    announcement: '公告',
    notice: '通知',
    circular: '通报',
    opinion: '意见',
    opinions: '意见',
    report: '报告',
    request: '请示',
    reply: '批复',
    motion: '议案',
    letter: '函',
    minutes: '纪要',
  };
  return english[v.toLowerCase()];
}

// ---------------------------------------------------------------------------
// 发文字号

/**
 * A 发文字号 line, correct or malformed: 机关代字, a bracketed year (any of
 * 〔〕 [] 【】 () （） ［］), an optional 第, the serial number and 号, then
 * optionally 签发人 on the same line.
 * Groups: 1 prefix, 2 open bracket, 3 year, 4 close bracket, 5 第, 6 serial, 7 签发人 part.
 */
export const DOC_NUMBER_RE =
  /^((?=[A-Za-zＸ]{0,3}[\u4e00-\u9fa5])[A-Za-zＸ\u4e00-\u9fa5]{1,16}?)[ \u3000]*([〔\[【(（［])[ \u3000]*([0-9０-９]{2,4})[ \u3000]*([〕\]】)）］])[ \u3000]*(第[ \u3000]*)?([0-9０-９]{1,5})[ \u3000]*号(?:[ \u3000]*(签[ \u3000]*发[ \u3000]*人.*))?$/;

/** 令号 of a 命令 (§10.2): `第704号`. */
export const ORDER_NUMBER_RE = /^第[ \u3000]*[0-9０-９]{1,5}[ \u3000]*号$/;

/** 签发人 alone on a line (or the 签发人 part of a 文号 line). */
export const SIGNER_RE = /^签[ \u3000]*发[ \u3000]*人[ \u3000]*([:：])?[ \u3000]*(\S.*)?$/;

// ---------------------------------------------------------------------------
// Dates

export type DateForm = 'arabic' | 'chinese' | 'separated';

export interface ParsedDate {
  form: DateForm;
  year: number;
  month: number;
  day: number;
  /** True when the year was written with two digits (its century cannot be guessed). */
  shortYear: boolean;
  /** Zero-padded month or day (`03月`). */
  padded: boolean;
  /** Spaces inside the date. */
  spaced: boolean;
  /** Full-width digits (`２０２５`). */
  fullwidth?: boolean;
}

const CN_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, '0': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

function cnYear(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (!(ch in CN_DIGIT)) return NaN;
    n = n * 10 + CN_DIGIT[ch];
  }
  return n;
}

function cnSmall(s: string): number {
  // 一 … 三十一
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return NaN;
  if (!m[2]) return m[1] && m[3] ? NaN : m[3] ? CN_DIGIT[m[3]] : m[1] ? CN_DIGIT[m[1]] : NaN;
  return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[3] ? CN_DIGIT[m[3]] : 0);
}

/** The date pattern, unanchored, as a source string (for composing 印发 lines; use once per regular expression). */
export const DATE_SRC =
  '(?:[0-9０-９]{2,4}[ \\u3000]*年[ \\u3000]*[0-9０-９]{1,2}[ \\u3000]*月[ \\u3000]*[0-9０-９]{1,2}[ \\u3000]*日' +
  '|[〇零○Ｏ一二三四五六七八九]{2,4}年[一二三十]{0,2}[一二三四五六七八九十]月[一二三十]{0,2}[一二三四五六七八九十]?日' +
  '|\\d{4}[ \\u3000]*(?<sep>[.．\\-/])[ \\u3000]*\\d{1,2}[ \\u3000]*\\k<sep>[ \\u3000]*\\d{1,2}(?:[ \\u3000]*日)?)';

const ARABIC_DATE = /^(\d{2,4})([ \u3000]*)年([ \u3000]*)(\d{1,2})([ \u3000]*)月([ \u3000]*)(\d{1,2})([ \u3000]*)日$/;
const CHINESE_DATE = /^([〇零○Ｏ一二三四五六七八九]{2,4})年([一二三十]{0,2}[一二三四五六七八九十]?)月([一二三十]{0,2}[一二三四五六七八九十]?)日$/;
const SEPARATED_DATE = /^(\d{4})[ \u3000]*([.．\-/])[ \u3000]*(\d{1,2})[ \u3000]*\2[ \u3000]*(\d{1,2})(?:[ \u3000]*日)?$/;

/** Parse a whole (trimmed) text as a calendar date in one of the forms written in 公文; undefined if not one. */
export function parseDocDate(text: string): ParsedDate | undefined {
  if (/[０-９]/.test(text)) {
    const d = parseDocDate(text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    return d && { ...d, fullwidth: true };
  }
  let m = ARABIC_DATE.exec(text);
  if (m) {
    const d: ParsedDate = {
      form: 'arabic',
      year: +m[1],
      month: +m[4],
      day: +m[7],
      shortYear: m[1].length !== 4,
      padded: m[4].startsWith('0') || m[7].startsWith('0'),
      spaced: !!(m[2] || m[3] || m[5] || m[6] || m[8]),
    };
    if (m[1].length === 3) return undefined;
    return valid(d) ? d : undefined;
  }
  m = CHINESE_DATE.exec(text);
  if (m) {
    const d: ParsedDate = {
      form: 'chinese',
      year: cnYear(m[1]),
      month: cnSmall(m[2]),
      day: cnSmall(m[3]),
      shortYear: m[1].length !== 4,
      padded: false,
      spaced: false,
    };
    if (m[1].length === 3) return undefined;
    return valid(d) ? d : undefined;
  }
  m = SEPARATED_DATE.exec(text);
  if (m) {
    const d: ParsedDate = {
      form: 'separated',
      year: +m[1],
      month: +m[3],
      day: +m[4],
      shortYear: false,
      padded: m[3].startsWith('0') || m[4].startsWith('0'),
      spaced: /\s/.test(text),
    };
    return valid(d) ? d : undefined;
  }
  return undefined;
}

function valid(d: ParsedDate): boolean {
  return (
    Number.isFinite(d.year) &&
    Number.isFinite(d.month) &&
    Number.isFinite(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= 31
  );
}

/** The standard form `2025年3月5日`, or undefined when the year is not written in full. */
export function canonicalDate(d: ParsedDate): string | undefined {
  if (d.shortYear || d.year < 1000) return undefined;
  return `${d.year}年${d.month}月${d.day}日`;
}

/** True when the date text is already in the standard form. */
export function isCanonicalDate(text: string): boolean {
  return /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/.test(text);
}

/** A line ending with 印发 that carries a date: 印发机关和印发日期 (§7.4.3). Groups: 1 organ, 3 date. */
export const PRINT_LINE_RE = new RegExp(`^(.*?)([ \\u3000]*)(${DATE_SRC})[ \\u3000]*印发$`);

// ---------------------------------------------------------------------------
// Other elements

export const SECRECY_RE = /^(绝密|机密|秘密)([ \u3000]*[★☆*＊].*)?$/;
export const URGENCY_RE = /^(特急|加急|特提|平急|急件|紧急)$/;
export const COPY_NUMBER_RE = /^[0-9０-９]{1,6}$/;
/** 附件说明: `附件：…` / `附件:…` (also without a colon when a number follows: `附件1.…`). */
export const ATTACHMENT_NOTE_RE = /^附[ \u3000]*件[ \u3000]*([:：])/;
/** 附件N heading of an attachment page: `附件`, `附件1`, `附件 2`. */
export const ATTACHMENT_HEADER_RE = /^附[ \u3000]*件[ \u3000]*([0-9０-９]{0,2})$/;
export const CC_RE = /^抄[ \u3000]*送[ \u3000]*([:：])?/;
export const ATTENDANCE_RE = /^(出[ \u3000]*席|请[ \u3000]*假|列[ \u3000]*席)(人员)?[ \u3000]*([:：])/;
/** A dateline of a news agency release (`新华社北京9月27日电`): not a title, not body structure. */
export const DATELINE_RE = /^\S{0,12}(社|网|报|台)\S{0,10}\d{1,2}月\d{1,2}日电/;

/** Suffixes that end the name of an organisation (or a group of them). */
const ORG_SUFFIX =
  /(政府|委员会|委|部|厅|局|办|办公室|办公厅|处|科|室|院|所|会|中心|公司|集团|单位|机构|部门|党委|党组|组|队|署|行|社|站|校|学校|大学|学院|省|市|县|区|州|盟|旗|镇|乡|街道|村|团体|同志|兵团|军区|总部|机关|协会|联合会|银行|法院|检察院|人大|政协|支部|总支|办事处|企业|医院|馆)$/;

/** Whether the text looks like the name of an organisation (or a list of them). */
export function looksLikeOrgList(text: string): boolean {
  const t = text.replace(/[ \u3000]+/g, '');
  if (!t || t.length > 200) return false;
  // a template field such as `{{主送机关}}`
  if (/^\{\{[^{}]+\}\}$/.test(t)) return true;
  if (/[。！？!?；;“”"《》]|如下|现将|以下/.test(t)) return false;
  const parts = t.split(/[、，,]/).filter(Boolean);
  const last = parts[parts.length - 1];
  return ORG_SUFFIX.test(last) || /^各/.test(last) || /^你(们|单位|省|市|县|区|部|委|局|厅)$/.test(last);
}

/** Whether a short line looks like a signature: organisation name(s) or 职务 + name, no sentence punctuation. */
export function looksLikeSignature(text: string): boolean {
  const t = text.replace(/[ \u3000]+/g, ' ').trim();
  if (!t || t.length > 40) return false;
  if (/[。，；：！？,;:!?、“”《》（）()\d]/.test(t)) return false;
  // closings written without their full stop (`特此通知`, `此复`) are not signatures
  if (/^(特此|此复|此致|敬礼|妥否|当否|以上|专此|谨此|请)/.test(t)) return false;
  return /[\u4e00-\u9fa5]/.test(t);
}

/** Longest line (in characters) that can be part of a title. */
export const MAX_TITLE_LINE = 40;
/** A title spans at most this many lines. */
export const MAX_TITLE_LINES = 4;
