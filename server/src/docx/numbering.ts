// Automatic numbering (word/numbering.xml): the ordinal Word displays before
// a paragraph with w:numPr, such as “一、”, “（一）”, “1.”, “（1）”. The text
// of such a heading carries no ordinal; the reader generates it here so that
// the heading rules see what the reader of the document sees.
//
// A w:num points at a w:abstractNum (nine levels: w:start, w:numFmt,
// w:lvlText with %1…%9, w:lvlRestart, w:suff, w:isLgl) and may override
// levels (w:lvlOverride: w:startOverride, or a whole w:lvl). As in Word, the
// w:num instances of one abstract numbering continue one sequence, except
// an instance with a start override, which counts on its own.

import type { Document, Element } from './dom';

export interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** 1-based level whose use restarts this one; 0 = never; undefined = any higher level. */
  restart?: number;
  suff: 'tab' | 'space' | 'nothing';
  isLgl: boolean;
  pStyle?: string;
}

interface Num {
  abstractId: string;
  levels: Level[];
  /** Counter key: the abstract numbering, or the instance itself when it overrides a start. */
  key: string;
}

const W_MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const W_NS = new Set([W_MAIN, W_STRICT]);

function children(el: Element, local: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === local && W_NS.has((c as Element).namespaceURI ?? '')) {
      out.push(c as Element);
    }
  }
  return out;
}
const child = (el: Element, local: string): Element | undefined => children(el, local)[0];
/** w:val (or another w: attribute) of an element; an attribute of that name in no namespace will do. */
export function wAttr(el: Element | undefined, name = 'val'): string | undefined {
  if (!el) return undefined;
  return el.getAttributeNS(W_MAIN, name) ?? el.getAttributeNS(W_STRICT, name) ?? el.getAttributeNS(null, name) ?? undefined;
}
const int = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = parseInt(s, 10);
  return Number.isFinite(n) ? n : undefined;
};

function parseLevel(lvl: Element, base?: Level): Level {
  const suff = wAttr(child(lvl, 'suff'));
  const isLgl = child(lvl, 'isLgl');
  return {
    start: int(wAttr(child(lvl, 'start'))) ?? base?.start ?? 0,
    numFmt: wAttr(child(lvl, 'numFmt')) ?? base?.numFmt ?? 'decimal',
    lvlText: wAttr(child(lvl, 'lvlText')) ?? base?.lvlText ?? '',
    restart: child(lvl, 'lvlRestart') ? int(wAttr(child(lvl, 'lvlRestart'))) : base?.restart,
    suff: suff === 'space' || suff === 'nothing' ? suff : suff === 'tab' ? 'tab' : (base?.suff ?? 'tab'),
    isLgl: isLgl ? !/^(0|false|off)$/.test(wAttr(isLgl) ?? '') : (base?.isLgl ?? false),
    pStyle: wAttr(child(lvl, 'pStyle')) ?? base?.pStyle,
  };
}

const emptyLevel = (): Level => ({ start: 1, numFmt: 'decimal', lvlText: '', suff: 'tab', isLgl: false });

/** The numbering definitions of a package and the running counters of one pass over the document. */
export class Numbering {
  private readonly nums = new Map<string, Num>();
  private readonly counters = new Map<string, Array<number | undefined>>();

  constructor(doc: Document | null, numStyleOf?: (styleId: string) => string | undefined) {
    if (!doc?.documentElement) return;
    const root = doc.documentElement;
    const abstracts = new Map<string, { levels: Level[]; link?: string }>();
    for (const a of children(root, 'abstractNum')) {
      const levels: Level[] = [];
      for (const l of children(a, 'lvl')) {
        const i = int(wAttr(l, 'ilvl')) ?? 0;
        if (i >= 0 && i < 9) levels[i] = parseLevel(l);
      }
      for (let i = 0; i < 9; i++) levels[i] ??= emptyLevel();
      abstracts.set(wAttr(a, 'abstractNumId') ?? '', { levels, link: wAttr(child(a, 'numStyleLink')) });
    }
    const rawNums = new Map<string, Element>();
    for (const n of children(root, 'num')) rawNums.set(wAttr(n, 'numId') ?? '', n);
    for (const [numId, n] of rawNums) {
      let abstractId = wAttr(child(n, 'abstractNumId')) ?? '';
      // An abstract numbering that only links to a numbering style: follow the style's w:num once.
      const link = abstracts.get(abstractId)?.link;
      if (link && numStyleOf) {
        const viaNum = numStyleOf(link);
        const target = viaNum !== undefined ? rawNums.get(viaNum) : undefined;
        const id = target ? wAttr(child(target, 'abstractNumId')) : undefined;
        if (id !== undefined && abstracts.has(id)) abstractId = id;
      }
      const base = abstracts.get(abstractId)?.levels ?? Array.from({ length: 9 }, emptyLevel);
      const levels = base.slice();
      let ownCounter = false;
      for (const o of children(n, 'lvlOverride')) {
        const i = int(wAttr(o, 'ilvl')) ?? 0;
        if (i < 0 || i >= 9) continue;
        const full = child(o, 'lvl');
        if (full) levels[i] = parseLevel(full, levels[i]);
        const so = int(wAttr(child(o, 'startOverride')));
        if (so !== undefined) {
          levels[i] = { ...levels[i], start: so };
          ownCounter = true;
        }
      }
      this.nums.set(numId, { abstractId, levels, key: ownCounter ? `num:${numId}` : `abs:${abstractId}` });
    }
  }

  /** The level of this numbering whose w:pStyle is the given style (a style that carries numbering). */
  levelOfStyle(numId: string, styleId: string): number | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const i = num.levels.findIndex((l) => l.pStyle === styleId);
    return i >= 0 ? i : undefined;
  }

  /**
   * Counts one numbered paragraph and returns its displayed ordinal with the
   * separator (w:suff: nothing → "", space → " ", tab → "" because a Chinese
   * ordinal such as “一、” already ends in its own mark). Undefined when the
   * numbering does not exist (numId 0 removes numbering).
   */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return undefined;
    const lvl = Math.min(Math.max(ilvl, 0), 8);
    let counts = this.counters.get(num.key);
    if (!counts) this.counters.set(num.key, (counts = []));
    counts[lvl] = counts[lvl] === undefined ? num.levels[lvl].start : counts[lvl]! + 1;
    for (let m = lvl + 1; m < 9; m++) {
      const r = num.levels[m].restart ?? m; // default: restart after any higher level
      if (lvl < r) counts[m] = undefined;
    }
    const level = num.levels[lvl];
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const v = counts![k] ?? num.levels[k].start;
      const fmt = level.isLgl && k < lvl ? 'decimal' : num.levels[k].numFmt;
      return formatNumber(v, fmt);
    });
    if (level.numFmt === 'bullet') {
      // A bullet from a symbol font (private use, e.g. U+F0B7) has no character of its own: nothing.
      const visible = [...text].filter((c) => !(c >= '\ue000' && c <= '\uf8ff')).join('');
      return visible ? visible + (level.suff === 'space' ? ' ' : '') : '';
    }
    if (level.numFmt === 'none' && !text) return '';
    return text + (level.suff === 'space' ? ' ' : '');
  }
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';

/** 1..99 the way Chinese counts: 十, 十一, 二十, 二十一. */
function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 100) {
    const t = Math.floor(n / 10);
    const u = n % 10;
    return (t === 1 ? '' : CN_DIGITS[t]) + '十' + (u ? CN_DIGITS[u] : '');
  }
  return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
}

/** Full Chinese numerals with 百, 千, 万 and 零: 一百零一, 一千二百. */
function chineseThousand(n: number, digits = CN_DIGITS.replace('〇', '零'), units = ['', '十', '百', '千']): string {
  if (n <= 0) return String(n);
  if (n >= 10000) {
    const hi = Math.floor(n / 10000);
    const lo = n % 10000;
    return chineseThousand(hi, digits, units) + '万' + (lo ? (lo < 1000 ? digits[0] : '') + chineseThousand(lo, digits, units) : '');
  }
  const ds = [...String(n)].map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const u = units[ds.length - 1 - i];
    if (d === 0) zero = true;
    else {
      if (zero) out += digits[0];
      zero = false;
      out += digits[d] + u;
    }
  });
  // 十一 rather than 一十一 for 10..19 in the simplified counting.
  if (units[1] === '十' && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Word's letters: A..Z, then AA, BB, …, then AAA. */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

/** One number in one w:numFmt. Unknown formats fall back to decimal. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
    case 'decimalHalfWidth':
    case 'ordinal':
    case 'cardinalText':
    case 'ordinalText':
      return String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
      return chineseCounting(n);
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseLegal':
      return chineseThousand(n);
    case 'ideographLegalTraditional':
      return chineseThousand(n, '零壹貳參肆伍陸柒捌玖', ['', '拾', '佰', '仟']);
    case 'chineseLegalSimplified':
      return chineseThousand(n, CN_LEGAL, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return [...String(n)].map((d) => CN_DIGITS[Number(d)] ?? d).join('');
    case 'ideographTraditional':
      return n > 0 ? TIANGAN[(n - 1) % 10] : String(n);
    case 'ideographZodiac':
      return n > 0 ? DIZHI[(n - 1) % 12] : String(n);
    case 'ideographZodiacTraditional':
      return n > 0 ? TIANGAN[(n - 1) % 10] + DIZHI[(n - 1) % 12] : String(n);
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}
