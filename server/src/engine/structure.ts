// Recognition of the 公文 elements (GB/T 9704-2012 §7) from the content of a
// draft, line by line, the way it is printed: 版头 (份号, 密级, 紧急程度,
// 发文机关标志, 发文字号, 签发人), 主体 (标题, 主送机关, 正文 with its headings,
// 附件说明, 发文机关署名, 成文日期, 附注, 附件) and 版记 (抄送, 印发机关和印发日期).
//
// Conservative by design: a line is body unless its content clearly marks it
// as something else. YAML front matter overrides what the content says about
// the document type.

import type { DocElement, DocStructure, DocType, ElementKind, HeadingInfo, HeadingStyle, LineRole, TextModel } from './types';
import { parseChineseNumber } from './text';
import { ownCopy } from './textModel';
import {
  ATTACHMENT_HEADER_RE,
  ATTACHMENT_NOTE_RE,
  ATTENDANCE_RE,
  CC_RE,
  COPY_NUMBER_RE,
  DATELINE_RE,
  DOC_NUMBER_RE,
  ORDER_NUMBER_RE,
  PRINT_LINE_RE,
  SECRECY_RE,
  SIGNER_RE,
  URGENCY_RE,
  docTypeOfTitle,
  docTypeOfValue,
  looksLikeOrgList,
  looksLikeSignature,
  parseDocDate,
  MAX_TITLE_LINE,
  MAX_TITLE_LINES,
  stripBookTitles,
  trimLine,
} from './structure-patterns';

/** The title must start within this many content lines from the top. */
const TITLE_WINDOW = 8;
/** Title lines may be separated by a few blank lines (as in published pages). */
const MAX_TITLE_GAP = 6;

interface Line {
  /** Trimmed text. */
  t: string;
  /** What the line's text alone says (shared by every line with that text). */
  f: LineFacts;
  /** Index in the untrimmed line text where `t` starts. */
  from: number;
  sourceLine: number;
  /** Markdown heading depth, when the line is a heading block; else the host's hint (`lineDepths`). */
  depth?: number;
  /** The depth came from the host's `lineDepths` (layout), not from a Markdown heading. */
  hinted?: boolean;
  /** The line is (part of) a Markdown table cell: never an element, never a heading. */
  cell?: boolean;
  /** The host's hint (`lineRoles`): the element the layout says the line is. */
  role?: LineRole;
}

/**
 * What a line's text alone says: its trimmed text and the tests of the
 * passes over every line, each computed when first needed. Pure functions
 * of the text, kept across checks (the typing path re-checks a draft that
 * is mostly unchanged) in a bounded table.
 */
interface LineFacts {
  t: string;
  from: number;
  heading?: HeadingMatch | null;
  cc?: boolean;
  printLine?: boolean;
  attachmentHeader?: boolean;
  attendance?: boolean;
  attachmentNote?: boolean;
  date?: boolean;
}

const FACTS = new Map<string, LineFacts>();
const MAX_FACTS = 20_000;

function factsOf(text: string): LineFacts {
  let f = FACTS.get(text);
  if (!f) {
    if (FACTS.size >= MAX_FACTS) FACTS.clear();
    // kept across checks: a copy, as the line may be a slice of the whole draft
    const key = ownCopy(text);
    const { text: t, from } = trimLine(key);
    f = { t, from };
    FACTS.set(key, f);
  }
  return f;
}

function lineHeading(l: Line): HeadingMatch | undefined {
  const f = l.f;
  if (f.heading === undefined) f.heading = headingOf(f.t) ?? null;
  return f.heading ?? undefined;
}

/**
 * @param lineDepths per source line (0-based), the heading depth a host knows
 *   from the layout of the draft (a Word document's title paragraph: 1), used
 *   where a Markdown heading's depth is used. A Markdown heading keeps its own.
 * @param lineRoles per source line (0-based), the element a host knows a line
 *   to be from the layout (a Word document's red 发文机关标志, its
 *   right-aligned 成文日期). Only decides what the content leaves open: a
 *   line hinted `issuerMark` at the top, above the title, that the content
 *   takes for no 版头 element and not for a title of its own, is the
 *   发文机关标志 if its text can be one; a line hinted `date` that is a date
 *   is the 成文日期 when the content finds none.
 */
export function recogniseStructure(
  model: TextModel,
  lineDepths?: ReadonlyArray<number | undefined>,
  lineRoles?: ReadonlyArray<LineRole | undefined>,
): DocStructure {
  const lines: Line[] = model.lines.map((l) => {
    const f = factsOf(l.text);
    const block = model.blocks[l.block];
    const heading = block?.kind === 'heading';
    const hint = heading ? undefined : lineDepths?.[l.sourceLine];
    return {
      t: f.t,
      f,
      from: f.from,
      sourceLine: l.sourceLine,
      depth: heading ? block.depth : hint,
      hinted: hint !== undefined,
      cell: block?.kind === 'tableCell',
      role: heading ? undefined : lineRoles?.[l.sourceLine],
    };
  });
  const n = lines.length;
  const kinds: Array<ElementKind | undefined> = new Array(n).fill(undefined);
  const headings: HeadingInfo[] = [];
  const meta = frontMatterMeta(model.frontMatter);
  // Table cells are body text: no element, no heading.
  lines.forEach((l, x) => {
    if (l.cell) kinds[x] = 'body';
  });

  // --- 版头 and 标题 -------------------------------------------------------
  let i = 0;
  let titleLines: number[] = [];
  let issuerIsOrder = false;
  const isHeaderLine = (k: number): ElementKind | undefined => {
    const t = lines[k].t;
    // 份号: six digits on line 1, or a shorter number right above another 版头 element
    if (k === 0 && COPY_NUMBER_RE.test(t) && n > 1) {
      const next = lines[1].t;
      if (/^[0-9０-９]{6}$/.test(t) || SECRECY_RE.test(next) || URGENCY_RE.test(next) || isIssuerMark(lines, 1)) return 'copyNumber';
    }
    if (SECRECY_RE.test(t)) return 'secrecy';
    if (URGENCY_RE.test(t)) return 'urgency';
    if (DOC_NUMBER_RE.test(t)) return 'docNumber';
    if (SIGNER_RE.test(t) && t.length <= 20) return 'signer';
    if (isIssuerMark(lines, k)) return 'issuerMark';
    return undefined;
  };

  // Scan the top of the document: header elements in any order, a dateline,
  // and the title (possibly split over several lines).
  let seen = 0;
  // The first `#` heading near the top is the title (not an `# 附件1` further down).
  const h1 = lines.findIndex((l, x) => l.depth === 1 && x < TITLE_WINDOW + 8 && !ATTACHMENT_HEADER_RE.test(l.t));
  while (i < n && !titleLines.length) {
    const l = lines[i];
    if (l.cell) break;
    const hk = l.depth === 1 ? undefined : isHeaderLine(i) ?? hintedIssuerMark(lines, i, h1);
    if (hk) {
      kinds[i] = hk;
      if (hk === 'issuerMark' && /令$/.test(l.t)) issuerIsOrder = true;
      i++;
      continue;
    }
    if (issuerIsOrder && ORDER_NUMBER_RE.test(l.t)) {
      kinds[i] = 'docNumber';
      i++;
      continue;
    }
    if (seen >= TITLE_WINDOW) break;
    if ((DATELINE_RE.test(l.t) || isMinutesIssueLine(l.t)) && !docTypeOfTitle(l.t)) {
      i++;
      seen++;
      continue;
    }
    if (h1 >= 0) {
      // A Markdown `#` heading is the title.
      if (i === h1) {
        titleLines = [i];
        // A title the layout marks over several paragraphs (a Word title of two
        // or three lines): the next lines of depth 1 from the same hints.
        for (let c = i + 1; lines[i].hinted && c < n && titleLines.length < MAX_TITLE_LINES; c++) {
          if (!lines[c].hinted || lines[c].depth !== 1 || lines[c].sourceLine - lines[c - 1].sourceLine > MAX_TITLE_GAP) break;
          titleLines.push(c);
        }
        for (const x of titleLines) kinds[x] = 'title';
        break;
      }
      i++;
      seen++;
      continue;
    }
    const t = findTitle(lines, i);
    if (t.length) {
      titleLines = t;
      for (const x of t) kinds[x] = 'title';
      break;
    }
    if (!isTitleLine(l.t)) break; // body starts: no title at the top
    i++;
    seen++;
  }
  // Lines passed over without a kind (a dateline, short lines) are body.
  const bodyStart = titleLines.length ? titleLines[titleLines.length - 1] + 1 : firstUnclassified(kinds, 0);
  let k = bodyStart;
  // Header lines right after the title (published documents print the 文号 under the title).
  while (k < n && (DOC_NUMBER_RE.test(lines[k].t) || (SIGNER_RE.test(lines[k].t) && lines[k].t.length <= 20))) {
    kinds[k] = DOC_NUMBER_RE.test(lines[k].t) ? 'docNumber' : 'signer';
    k++;
  }

  // --- 主送机关 -------------------------------------------------------------
  {
    let r = k;
    if (!titleLines.length) {
      // No title: the recipient may still open the text (after a dateline).
      while (r < n && r < k + 2 && DATELINE_RE.test(lines[r].t)) r++;
    }
    const rec = findRecipient(lines, r);
    for (const x of rec) kinds[x] = 'recipient';
    if (rec.length) k = rec[rec.length - 1] + 1;
  }
  const mainStart = k;

  // --- 版记: 抄送, 印发机关和印发日期 (anywhere after the main text starts) ----
  for (let j = mainStart; j < n; j++) {
    if (kinds[j] !== undefined) continue;
    const f = lines[j].f;
    if ((f.cc ??= CC_RE.test(f.t) && /^抄[ \u3000]*送[ \u3000]*[:：]/.test(f.t))) kinds[j] = 'cc';
    else if ((f.printLine ??= isPrintLine(f.t))) kinds[j] = 'printLine';
  }
  // Continuation lines of a 抄送 list: up to the 印发 line, lines without a label.
  for (let j = mainStart; j < n; j++) {
    if (kinds[j] !== 'cc') continue;
    let c = j + 1;
    while (c < n && kinds[c] === undefined && !/[:：]/.test(lines[c].t) && lines[c].t.length <= 60 && c + 1 < n && kinds[c + 1] === 'printLine') {
      kinds[c] = 'cc';
      c++;
    }
  }

  // --- 附件N headers ------------------------------------------------------
  const attachHeaders: number[] = [];
  for (let j = mainStart; j < n; j++) {
    if (kinds[j] === undefined && (lines[j].f.attachmentHeader ??= ATTACHMENT_HEADER_RE.test(lines[j].t))) attachHeaders.push(j);
  }

  // --- 纪要 attendance lines --------------------------------------------------
  for (let j = mainStart; j < n; j++) {
    if (kinds[j] === undefined && (lines[j].f.attendance ??= ATTENDANCE_RE.test(lines[j].t))) kinds[j] = 'attendance';
  }

  // --- 成文日期, 发文机关署名, 附注 ---------------------------------------
  const firstAttach = attachHeaders.length ? attachHeaders[0] : n;
  let dateLine = findDate(lines, kinds, mainStart, firstAttach);
  // None by content: the line the layout prints as the 成文日期, if it is a date.
  if (dateLine < 0) dateLine = hintedDate(lines, kinds, mainStart, firstAttach);
  if (dateLine >= 0) {
    kinds[dateLine] = 'date';
    // 署名: the organisation-name lines right above the date.
    let s = dateLine - 1;
    let count = 0;
    while (s >= mainStart && count < 4 && kinds[s] === undefined && looksLikeSignature(lines[s].t) && !headingOf(lines[s].t)) {
      s--;
      count++;
    }
    if (count > 0 && s >= mainStart - 1) {
      // Do not take the whole body when it is just short lines: the line above the
      // signature must end the text (or be the start of the main text).
      const above = s >= mainStart ? lines[s].t : '';
      if (s < mainStart || kinds[s] !== undefined || endsText(above)) {
        for (let x = s + 1; x < dateLine; x++) kinds[x] = 'signature';
      }
    }
    // A signature after the date (wrong order, reported by structure/element-order).
    let a = dateLine + 1;
    if (
      count === 0 &&
      a < n &&
      kinds[a] === undefined &&
      looksLikeSignature(lines[a].t) &&
      !headingOf(lines[a].t) &&
      (a + 1 >= n || kinds[a + 1] !== undefined || /^[（(][^（()）]{1,60}[）)]$/.test(lines[a + 1].t))
    ) {
      kinds[a] = 'signature';
      a++;
    }
    // 附注: a parenthesised line right after the date (or after a misplaced signature).
    if (a < n && kinds[a] === undefined && /^[（(][^（()）]{1,60}[）)]$/.test(lines[a].t)) kinds[a] = 'annotation';
  }
  for (const j of attachHeaders) kinds[j] = 'attachmentHeader';

  // --- 附件说明 (with continuation lines), in the main text, or misplaced right
  // after the date block (not inside an attachment printed without a header) --
  let misplacedNote = -1;
  if (dateLine >= 0) {
    let x = dateLine + 1;
    while (x < firstAttach && (kinds[x] === 'signature' || kinds[x] === 'annotation')) x++;
    if (x < firstAttach && kinds[x] === undefined && ATTACHMENT_NOTE_RE.test(lines[x].t)) misplacedNote = x;
  }
  for (let j = mainStart; j < firstAttach; j++) {
    if (dateLine >= 0 && j > dateLine && j !== misplacedNote) continue;
    if (kinds[j] !== undefined || !(lines[j].f.attachmentNote ??= ATTACHMENT_NOTE_RE.test(lines[j].t))) continue;
    kinds[j] = 'attachmentNote';
    const rest = lines[j].t.replace(ATTACHMENT_NOTE_RE, '').trim();
    if (!/^[0-9０-９]{1,2}[ \u3000]*[.．、]/.test(rest)) continue;
    let c = j + 1;
    while (c < firstAttach && kinds[c] === undefined && /^[0-9０-９]{1,2}[ \u3000]*[.．、]/.test(lines[c].t) && lines[c].t.length <= 80 && !/[。；;].+/.test(lines[c].t)) {
      kinds[c] = 'attachmentNote';
      c++;
    }
  }

  // --- 正文: headings and body ----------------------------------------------
  for (let j = 0; j < n; j++) {
    if (kinds[j] !== undefined) continue;
    const h = lines[j].cell ? undefined : lineHeading(lines[j]);
    if (h && j >= (titleLines.length ? mainStart : 0)) {
      kinds[j] = 'heading';
      headings.push({
        line: j,
        level: h.level,
        style: h.style,
        value: h.value,
        markerFrom: lines[j].from + h.markerFrom,
        markerTo: lines[j].from + h.markerTo,
        standalone: h.standalone,
      });
    } else {
      kinds[j] = 'body';
    }
  }

  // --- 文种 -----------------------------------------------------------------
  const titleText = titleLines.length ? joinTitle(titleLines.map((x) => lines[x].t)) : undefined;
  let docType: DocType | undefined;
  let docTypeSource: DocStructure['docTypeSource'];
  const fmType = meta['文种'] ? docTypeOfValue(meta['文种']) : undefined;
  if (fmType) {
    docType = fmType;
    docTypeSource = 'frontMatter';
  } else if (titleText && docTypeOfTitle(titleText)) {
    docType = docTypeOfTitle(titleText);
    docTypeSource = 'title';
  } else if (issuerIsOrder) {
    docType = '令';
    docTypeSource = 'title';
  }

  return {
    docType,
    docTypeSource,
    titleText,
    elements: groupElements(model, kinds),
    lineKinds: kinds,
    headings,
    meta,
  };
}

function firstUnclassified(kinds: Array<ElementKind | undefined>, from: number): number {
  let i = from;
  while (i < kinds.length && kinds[i] !== undefined) i++;
  // Leading header lines only count when they are contiguous from the top.
  return i;
}

// ---------------------------------------------------------------------------
// Front matter

const META_KEYS: Record<string, string> = {
  文种: '文种',
  doctype: '文种',
  type: '文种',
  发文机关: '发文机关',
  issuer: '发文机关',
  标题: '标题',
  title: '标题',
  发文字号: '发文字号',
  文号: '发文字号',
  docnumber: '发文字号',
  number: '发文字号',
  签发人: '签发人',
  signer: '签发人',
  成文日期: '成文日期',
  date: '成文日期',
  主送机关: '主送机关',
  主送: '主送机关',
  recipient: '主送机关',
  密级: '密级',
  secrecy: '密级',
  紧急程度: '紧急程度',
  urgency: '紧急程度',
  抄送: '抄送',
  cc: '抄送',
  印发机关: '印发机关',
};

function frontMatterMeta(fm: Record<string, unknown> | undefined): Record<string, string> {
  const meta: Record<string, string> = {};
  if (!fm) return meta;
  const str = (value: unknown): string | undefined => {
    if (value == null) return undefined;
    if (Array.isArray(value)) return value.map(String).join('、');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'object') return undefined;
    return String(value);
  };
  const normKey = (k: string) => k.toLowerCase().replace(/[_\-\s]/g, '');
  // Canonical keys in the order of META_KEYS, which is also their priority
  // (`文种` before `docType` before a generic `type`).
  for (const [alias, canonical] of Object.entries(META_KEYS)) {
    if (meta[canonical] !== undefined) continue;
    const key = Object.keys(fm).find((k) => k === alias || normKey(k) === alias);
    const v = key === undefined ? undefined : str(fm[key]);
    if (v !== undefined) meta[canonical] = v;
  }
  // Other keys are kept as they are.
  for (const [key, value] of Object.entries(fm)) {
    if (META_KEYS[key] || META_KEYS[normKey(key)]) continue;
    const v = str(value);
    if (v !== undefined) meta[key] = v;
  }
  return meta;
}

/** 印发机关和印发日期: the organ part is empty or an organisation name (not `该方案已于…印发`). */
function isPrintLine(t: string): boolean {
  // PRINT_LINE_RE ends in `印发$` (no m flag): any other line cannot match, and its lazy `^(.*?)` is costly to try.
  if (!t.endsWith('印发')) return false;
  const m = PRINT_LINE_RE.exec(t);
  if (!m) return false;
  const organ = m[1].trim();
  return organ === '' || (looksLikeOrgList(organ) && !/[，。；：]/.test(organ));
}

// ---------------------------------------------------------------------------
// 版头

/** 发文机关标志: `XX市人民政府文件`, `中共XX委员会`, `中华人民共和国国务院令`. */
function isIssuerMark(lines: Line[], k: number): boolean {
  const t = lines[k].t.replace(/[ \u3000]+/g, ' ');
  if (!issuerMarkText(t)) return false;
  if (/文件$/.test(t) && t.length >= 4 && !/关于/.test(t) && looksLikeOrgList(t.slice(0, -2))) return true;
  const next = k + 1 < lines.length ? lines[k + 1].t : '';
  if (/令$/.test(t) && ORDER_NUMBER_RE.test(next)) return true;
  // An organisation name right above the 发文字号 (版头 without 文件).
  if (DOC_NUMBER_RE.test(next) && looksLikeOrgList(t)) return true;
  // 纪要格式 (§10.3): the mark `XX会议纪要` stands above a `关于…的会议纪要` title.
  if (/纪要$/.test(t) && !/关于/.test(t)) {
    for (let j = k + 1; j < Math.min(lines.length, k + 5); j++)
      if (/^关于.*纪要$/.test(lines[j].t)) return true;
  }
  if (/^中共.{2,20}委员会$/.test(t) && (DOC_NUMBER_RE.test(next) || k + 2 < lines.length && DOC_NUMBER_RE.test(lines[k + 2].t))) return true;
  return false;
}

/** Text that can be a 发文机关标志: short, no punctuation or digits, not a heading. */
function issuerMarkText(t: string): boolean {
  return !!t && t.length <= 40 && !/[。，；：！？,;:!?“”《》（）()\d]/.test(t) && !headingOf(t);
}

/**
 * A line the host's layout marks as the 发文机关标志 (`lineRoles`), in the
 * top scan: taken when its text can be a mark, it stands above the title
 * (above the `#`/depth-1 title, or, without one, it is not a title of its
 * own by content: `XX市人民政府` above `关于…的通知` is not joined to it).
 */
function hintedIssuerMark(lines: Line[], k: number, h1: number): ElementKind | undefined {
  const l = lines[k];
  if (l.role !== 'issuerMark' || l.cell || !issuerMarkText(l.t.replace(/[ \u3000]+/g, ' '))) return undefined;
  if (h1 >= 0 ? k > h1 : findTitle(lines, k).length === 1) return undefined;
  return 'issuerMark';
}

// ---------------------------------------------------------------------------
// 标题

/** Under a 纪要 mark: the issue number (`第3期`) or the organ-and-date line. */
function isMinutesIssueLine(t: string): boolean {
  return /^第[\d一二三四五六七八九十百〇零]+期$/.test(t) || (t.length <= 40 && !/[。，；：！？]/.test(t) && /\d年\d{1,2}月\d{1,2}日$/.test(t));
}

/** A line that can be part of a title: short, no sentence punctuation, not another element. */
function isTitleLine(t: string): boolean {
  if (!t || t.length > MAX_TITLE_LINE) return false;
  if (/[。！？；;!?]/.test(t) || /[:：]$/.test(t)) return false;
  if (DOC_NUMBER_RE.test(t) || parseDocDate(t) || DATELINE_RE.test(t)) return false;
  // 纪要/简报 issue numbers (`第3期`) and an organ-and-date line under a 纪要 mark
  if (isMinutesIssueLine(t)) return false;
  if (headingOf(t)) return false;
  if (ATTACHMENT_NOTE_RE.test(t) || ATTACHMENT_HEADER_RE.test(t)) return false;
  return true;
}

function endsTitle(t: string): boolean {
  return docTypeOfTitle(t) !== undefined;
}

/**
 * The title starting at line i: the first line that ends with a 文种, joined
 * with the lines before it (the first line does not end a title and a later one
 * does) and a continuation after it (a line starting with 的 or made only of a 文种).
 */
function findTitle(lines: Line[], i: number): number[] {
  // A one-line title written with a trailing mark (`关于…的通知。`) is still the title,
  // so that the title rule can report the mark.
  if (!isTitleLine(lines[i].t)) return isPunctuatedTitle(lines[i].t, '') ? [i] : [];
  const out = [i];
  let k = i;
  while (!endsTitle(joinTitle(out.map((x) => lines[x].t)))) {
    k++;
    if (k >= lines.length || out.length >= MAX_TITLE_LINES) return [];
    if (lines[k].sourceLine - lines[k - 1].sourceLine > MAX_TITLE_GAP || lines[k].depth !== lines[i].depth) return [];
    if (!isTitleLine(lines[k].t)) {
      if (isPunctuatedTitle(lines[k].t, joinTitle(out.map((x) => lines[x].t)))) {
        out.push(k);
        return out;
      }
      return [];
    }
    out.push(k);
  }
  // The joined text must name a 文种 outside 《》 and read as a title.
  const joined = joinTitle(out.map((x) => lines[x].t));
  if (!plausibleTitle(joined)) return [];
  // Continuation: `…的通知` + `的通知`, or a line that is just a 文种.
  const next = k + 1;
  if (
    next < lines.length &&
    out.length < MAX_TITLE_LINES &&
    isTitleLine(lines[next].t) &&
    lines[next].sourceLine - lines[k].sourceLine <= 2 &&
    (/^的/.test(lines[next].t) || /^(决议|决定|命令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|纪要|函)+$/.test(lines[next].t))
  ) {
    out.push(next);
  }
  return out;
}

/** A title line ending with one stray mark: `关于…的通知。` (only `关于…的<文种>` titles, to stay clear of sentences). */
function isPunctuatedTitle(t: string, before: string): boolean {
  if (!/[。，；：！？.,;:!?、]$/.test(t)) return false;
  const core = t.slice(0, -1);
  if (!isTitleLine(core)) return false;
  const joined = joinTitle(before ? [before, core] : [core]);
  return /关于/.test(joined) && /的(决议|决定|命令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|纪要|函)$/.test(stripBookTitles(joined));
}

function plausibleTitle(t: string): boolean {
  const outside = stripBookTitles(t);
  // A title is a noun phrase: `关于…的通知`, `…通报`, `XX纪要`. A line that is only
  // a 文种 word (`通知`) is a title only in templates; accept it.
  if (outside.length > 80) return false;
  // Run-in text such as `现通知如下` is not a title.
  if (/如下$/.test(outside)) return false;
  return true;
}

/** Join title lines: no separator between Chinese characters, a space between Latin words. */
export function joinTitle(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(p)) out += ' ';
    out += p;
  }
  return out;
}

// ---------------------------------------------------------------------------
// 主送机关

function findRecipient(lines: Line[], i: number): number[] {
  const out: number[] = [];
  for (let k = i; k < lines.length && k < i + 3; k++) {
    const t = lines[k].t;
    if (!t || lines[k].cell || headingOf(t) || DOC_NUMBER_RE.test(t) || ATTACHMENT_NOTE_RE.test(t) || ATTENDANCE_RE.test(t) || CC_RE.test(t)) return [];
    out.push(k);
    if (/[:：]$/.test(t)) {
      if (/[〔〕]/.test(t)) return [];
      const text = out.map((x) => lines[x].t).join('').replace(/[:：]$/, '');
      return looksLikeOrgList(text) ? out : [];
    }
    // A recipient list continues on the next line only after a separator.
    if (/[。！？；〔〕]/.test(t) || !(/[、，,]$/.test(t) || looksLikeOrgList(t))) return [];
  }
  return [];
}

// ---------------------------------------------------------------------------
// 成文日期

/**
 * The 成文日期: a line that is only a date, near the end of the main text:
 * after it come only 附注, 附件 and 版记, or right above it stands a signature.
 */
function findDate(lines: Line[], kinds: Array<ElementKind | undefined>, from: number, to: number): number {
  let best = -1;
  for (let k = from; k < to; k++) {
    if (kinds[k] !== undefined) continue;
    if (!(lines[k].f.date ??= !!parseDocDate(lines[k].t))) continue;
    // What follows (up to `to`) may be 附注 and 版记 only, or the body of an
    // attachment that begins with its title (a published 印发 notice).
    const above = k - 1 >= from ? lines[k - 1].t : '';
    const signed = !!above && kinds[k - 1] === undefined && looksLikeSignature(above) && !headingOf(above);
    // A signature written after the date (out of order) may follow it.
    const signedBelow = !signed && k + 1 < to && kinds[k + 1] === undefined && looksLikeSignature(lines[k + 1].t) && !headingOf(lines[k + 1].t);
    let tail = true;
    let inNote = false;
    for (let x = k + 1; x < to; x++) {
      if (kinds[x] !== undefined) continue;
      if (x === k + 1 && signedBelow) continue;
      if (x <= k + 2 && /^[（(][^（()）]{1,60}[）)]$/.test(lines[x].t)) continue;
      // a misplaced 附件说明 after the date (reported by structure/element-order)
      if (ATTACHMENT_NOTE_RE.test(lines[x].t) || (inNote && isNumberedItem(lines[x].t))) {
        inNote = true;
        continue;
      }
      tail = false;
      break;
    }
    const aboveEnds = !above || endsText(above);
    const annotated = k + 1 < to && /^[（(][^（()）]{1,60}[）)]$/.test(lines[k + 1].t);
    if (tail && (signed || aboveEnds || k === from)) best = k;
    else if (best < 0 && annotated && aboveEnds) {
      // A date with its 附注, followed by an attachment printed without a `附件` header.
      best = k;
    } else if (signed && best < 0 && (looksLikeOrgList(above) || /[ \u3000]/.test(above)) && (k - 2 < from || endsText(lines[k - 2].t))) {
      // A signed date followed by more text: an attachment printed without a `附件` header.
      const afterTitle = k + 1 < to ? lines[k + 1].t : '';
      if (isTitleLine(afterTitle) || /^[（(][^（()）]{1,60}[）)]$/.test(afterTitle)) best = k;
    }
  }
  return best;
}

/**
 * The 成文日期 by the host's layout (`lineRoles`), when the content finds
 * none: the last line hinted `date` in the main text that is unclassified
 * and a date as `findDate` reads one.
 */
function hintedDate(lines: Line[], kinds: Array<ElementKind | undefined>, from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) {
    if (lines[k].role !== 'date' || lines[k].cell || kinds[k] !== undefined) continue;
    if (lines[k].f.date ??= !!parseDocDate(lines[k].t)) return k;
  }
  return -1;
}

/** Whether a line ends the main text: a sentence end, a closing (`特此通知`), an attachment note or item. */
function endsText(t: string): boolean {
  return (
    /[。！？）)”]$/.test(t) ||
    /^(特此|此复|此致|妥否|当否|以上|专此|谨此)/.test(t) ||
    ATTACHMENT_NOTE_RE.test(t) ||
    isNumberedItem(t) ||
    signatureRunIn(t)
  );
}

/** A sentence end followed by a wide gap and a signature on the same line (pasted layout): `……。　　　　　国务院`. */
function signatureRunIn(t: string): boolean {
  const m = /[。！？][ \u3000]{4,}([^ \u3000。！？]{2,30})$/.exec(t);
  return !!m && looksLikeSignature(m[1]);
}

// ---------------------------------------------------------------------------
// Headings

interface HeadingMatch {
  level: 1 | 2 | 3 | 4;
  style: HeadingStyle;
  value: number;
  markerFrom: number;
  markerTo: number;
  standalone: boolean;
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
const H_CHINESE = new RegExp(`^(第)?(${CN_NUM})([、.．，,])`);
const H_CHINESE_PAREN = new RegExp(`^([（(])[ \\u3000]*(${CN_NUM})[ \\u3000]*([）)])([、.．，,])?`);
const H_ARABIC = /^([0-9]{1,2}|[０-９]{1,2})([.．、,，])(?![0-9０-９])/;
const H_ARABIC_PAREN = /^([（(])[ \u3000]*([0-9]{1,2})[ \u3000]*([）)])([、.．，,])?/;

/**
 * The ordinal heading at the start of a (trimmed) line, in the correct form
 * (一、 （一） 1. （1）) or a malformed variant (`1、`, `(一)`, `（一）、`, `第一、`,
 * `一．`), with its intended level.
 */
export function headingOf(t: string): HeadingMatch | undefined {
  let m: RegExpExecArray | null;
  let style: HeadingStyle;
  let value: number;
  let markerTo: number;
  if ((m = H_CHINESE_PAREN.exec(t))) {
    style = 'chineseParen';
    value = parseChineseNumber(m[2]);
    markerTo = m[0].length;
  } else if ((m = H_ARABIC_PAREN.exec(t))) {
    style = 'arabicParen';
    value = +m[2];
    markerTo = m[0].length;
  } else if ((m = H_CHINESE.exec(t))) {
    style = 'chinese';
    value = parseChineseNumber(m[2]);
    markerTo = m[0].length;
    const after = t[markerTo] ?? '';
    // `第一、二条`, `一、二年级`: an enumeration of numerals, not a heading.
    if (/[一二三四五六七八九十0-9]/.test(after)) return undefined;
    // `一,` / `一，` read as a heading only when followed by a short phrase, not a sentence fragment.
    if (/[，,]/.test(m[3]) && !m[1]) return undefined;
    if (m[1] && m[3] !== '、') return undefined; // `第一，` is a correct in-sentence ordinal
  } else if ((m = H_ARABIC.exec(t))) {
    style = 'arabic';
    value = parseInt(m[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)), 10);
    markerTo = m[0].length;
    if (/[，,]/.test(m[2])) return undefined;
    // `1.` must be followed by text, not by a unit or another number (`1.5亿元`, `3、4月`).
    const after = t.slice(markerTo);
    if (/^\s*$/.test(after)) return undefined;
    if (m[2] === '、' && /^[0-9０-９]/.test(after)) return undefined;
  } else return undefined;
  if (!Number.isFinite(value) || value < 1) return undefined;
  // The marker may be followed by a space (Markdown list `1. `); the space is not part of it.
  const rest = t.slice(markerTo).trim();
  if (!rest) {
    // A bare ordinal on its own line is not a heading.
    return undefined;
  }
  const level = style === 'chinese' ? 1 : style === 'chineseParen' ? 2 : style === 'arabic' ? 3 : 4;
  // Standalone: no run-in text after the heading phrase (a trailing mark does not count).
  const standalone = !/[。！？!?；;：:]./.test(rest);
  return { level, style, value, markerFrom: 0, markerTo, standalone };
}

/** An attachment-list item or other numbered line: `1. …`, `2．…`, `1、…`. */
function isNumberedItem(t: string): boolean {
  return /^[0-9０-９]{1,2}[ \u3000]*[.．、][ \u3000]*\S/.test(t) && !/^[0-9０-９]+[.．][0-9０-９]/.test(t);
}

// ---------------------------------------------------------------------------
// Elements

const GROUPED: ReadonlySet<ElementKind> = new Set<ElementKind>(['title', 'attachmentNote', 'signature', 'recipient', 'cc']);

function groupElements(model: TextModel, kinds: Array<ElementKind | undefined>): DocElement[] {
  const out: DocElement[] = [];
  let cur: DocElement | undefined;
  kinds.forEach((kind, i) => {
    if (!kind) {
      cur = undefined;
      return;
    }
    const sameBlock = i > 0 && model.lines[i - 1].block === model.lines[i].block;
    if (cur && cur.kind === kind && (GROUPED.has(kind) || (kind === 'body' && sameBlock))) {
      cur.lines.push(i);
    } else {
      cur = { kind, lines: [i] };
      out.push(cur);
    }
  });
  return out;
}

/** The elements of one kind. */
export function elementsOf(structure: DocStructure, kind: ElementKind): DocElement[] {
  return structure.elements.filter((e) => e.kind === kind);
}
