// From a draft to the logical content of the exported document: one entry per
// printed paragraph, each with the 公文 element it belongs to (GB/T 9704 §7)
// and its text split into spans (bold kept from Markdown `**…**`).
// No layout here: docx.ts decides fonts, indents and positions.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root, Nodes } from 'mdast';
import type { DocFormat, DocStructure, DocType, ElementKind, HeadingInfo, TextLine, TextModel } from '../engine/types';
import { buildTextModel, PLACEHOLDER } from '../engine/textModel';
import { recogniseStructure } from '../engine/structure';

export type Role =
  | ElementKind
  /** The title of an attachment page (the line after `附件N`). */
  | 'attachmentTitle'
  /** A Markdown (GFM) table. */
  | 'table';

export interface Span {
  text: string;
  bold?: boolean;
}

export interface ExportParagraph {
  role: Role;
  /** Plain text of the paragraph (spans joined). */
  text: string;
  spans: Span[];
  /** For headings: level 1–4 and the length of the run-in heading part (marker + heading sentence). */
  heading?: { level: 1 | 2 | 3 | 4; headLength: number };
  /** For 发文字号: the 签发人 names written on the same line or on their own line. */
  signer?: string;
  /** For tables: rows of cells, each cell its spans; the first row is the header. */
  rows?: Span[][][];
}

export type Variant = 'standard' | 'letter' | 'minutes';

export interface ExportContent {
  docType?: DocType;
  /** 上行文 (请示, 报告, or a 签发人 present): 发文字号 left, 签发人 right. */
  upward: boolean;
  paragraphs: ExportParagraph[];
  meta: Record<string, string>;
}

/** Build the text model and structure of a draft and turn them into printed paragraphs. */
export function buildContent(source: string, format: DocFormat): ExportContent {
  const model = buildTextModel(source, format);
  const structure = recogniseStructure(model);
  return contentFrom(model, structure);
}

const TRIM_RE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;
const SIGNER_IN_LINE_RE = /^(.*?)[\s\u3000]*签[ \u3000]*发[ \u3000]*人[:：][\s\u3000]*(.+)$/;

export function contentFrom(model: TextModel, structure: DocStructure): ExportContent {
  const { strong: bold, tables } = model.format === 'markdown' ? markdownExtras(model.source) : { strong: [], tables: [] };
  const emittedTables = new Set<MdTable>();
  const headingByLine = new Map<number, HeadingInfo>();
  for (const h of structure.headings) headingByLine.set(h.line, h);

  const paragraphs: ExportParagraph[] = [];
  let prev: { para: ExportParagraph; block: number } | undefined;
  let afterAttachmentHeader = false;

  model.lines.forEach((line, i) => {
    let role: Role = structure.lineKinds[i] ?? 'body';
    const spans = lineSpans(model, line, bold);
    const block = model.blocks[line.block];
    if (block?.kind === 'tableCell') {
      const t = tables.find((x) => block.start >= x.start && block.start < x.end);
      if (t) {
        const cell = t.cells.find((c) => block.start >= c.start && block.start < c.end);
        if (cell) {
          const target = t.rows[cell.row][cell.col];
          if (target.length) target.push({ text: ' ' });
          target.push(...spans);
        }
        if (!emittedTables.has(t)) {
          emittedTables.add(t);
          paragraphs.push({ role: 'table', text: '', spans: [], rows: t.rows });
        }
        prev = undefined;
        return;
      }
    }
    const text = spans.map((s) => s.text).join('');
    if (!text) return;

    if (afterAttachmentHeader && (role === 'body' || role === 'title') && looksLikeAttachmentTitle(text)) {
      role = 'attachmentTitle';
    }
    afterAttachmentHeader = role === 'attachmentHeader';

    // A 签发人 on its own line joins the 发文字号.
    if (role === 'signer') {
      const name = text.replace(/^签[ \u3000]*发[ \u3000]*人[:：][\s\u3000]*/, '');
      const num = [...paragraphs].reverse().find((p) => p.role === 'docNumber');
      if (num) {
        num.signer = num.signer ? `${num.signer} ${name}` : name;
        prev = undefined;
        return;
      }
    }

    // Continuation lines of one Markdown paragraph stay one printed paragraph.
    if (prev && prev.block === line.block && continues(prev.para, role)) {
      appendSpans(prev.para, spans);
      return;
    }
    // 抄送 continuation lines (plain text: one line per block).
    if (prev && role === 'cc' && prev.para.role === 'cc') {
      appendSpans(prev.para, spans);
      return;
    }

    const para: ExportParagraph = { role, text, spans };
    if (role === 'docNumber') {
      const m = SIGNER_IN_LINE_RE.exec(text);
      if (m) {
        para.signer = m[2].trim();
        para.spans = cutSpans(spans, 0, m[1].length);
        para.text = m[1];
      }
    }
    if (role === 'heading') {
      const h = headingByLine.get(i);
      if (h) {
        const trimmedFrom = line.text.length - line.text.replace(/^[\s\u3000\u00a0\ufeff]+/, '').length;
        const markerTo = Math.max(0, h.markerTo - trimmedFrom);
        para.heading = { level: h.level, headLength: runInHeadLength(text, markerTo, h.standalone) };
      } else {
        para.role = 'body';
      }
    }
    paragraphs.push(para);
    prev = { para, block: line.block };
  });

  // Front matter supplies 版头 elements the text does not have.
  const meta = structure.meta;
  const has = (r: Role) => paragraphs.some((p) => p.role === r);
  const head: ExportParagraph[] = [];
  const add = (role: Role, text: string | undefined) => {
    if (text && !has(role)) head.push({ role, text, spans: [{ text }] });
  };
  add('secrecy', meta['密级']);
  add('urgency', meta['紧急程度']);
  add('issuerMark', meta['发文机关标志']);
  if (meta['发文字号'] && !has('docNumber')) {
    head.push({ role: 'docNumber', text: meta['发文字号'], spans: [{ text: meta['发文字号'] }], signer: meta['签发人'] });
  }
  if (head.length) {
    const firstNonHead = paragraphs.findIndex((p) => !HEAD_ROLES.has(p.role));
    paragraphs.splice(firstNonHead < 0 ? paragraphs.length : firstNonHead, 0, ...head);
    // keep the canonical order of the 版头
    const order: Role[] = ['copyNumber', 'secrecy', 'urgency', 'issuerMark', 'docNumber'];
    const headPart = paragraphs.filter((p) => HEAD_ROLES.has(p.role)).sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
    let k = 0;
    for (let j = 0; j < paragraphs.length && k < headPart.length; j++) if (HEAD_ROLES.has(paragraphs[j].role)) paragraphs[j] = headPart[k++];
  }

  const docNumber = paragraphs.find((p) => p.role === 'docNumber');
  const upward = structure.docType === '请示' || structure.docType === '报告' || !!docNumber?.signer;
  return { docType: structure.docType, upward, paragraphs, meta };
}

const HEAD_ROLES: ReadonlySet<Role> = new Set<Role>(['copyNumber', 'secrecy', 'urgency', 'issuerMark', 'docNumber']);

function continues(prev: ExportParagraph, role: Role): boolean {
  if (role === 'body') return prev.role === 'body' || (prev.role === 'heading' && !!prev.heading && prev.heading.headLength < prev.text.length);
  if (role === 'cc') return prev.role === 'cc';
  if (role === 'annotation') return prev.role === 'annotation';
  return false;
}

function appendSpans(para: ExportParagraph, spans: Span[]): void {
  // A line break inside a Chinese paragraph joins without a space; between Latin words it is one.
  const last = para.text[para.text.length - 1] ?? '';
  const first = spans[0]?.text[0] ?? '';
  if (/[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first)) para.spans.push({ text: ' ' });
  para.spans.push(...spans);
  para.spans = mergeSpans(para.spans);
  para.text = para.spans.map((s) => s.text).join('');
}

function looksLikeAttachmentTitle(text: string): boolean {
  return text.length <= 60 && !/[。；！？：:]$/.test(text) && !/^[一二三四五六七八九十]+、/.test(text) && !/^[（(]/.test(text);
}

/**
 * Length of the part of a heading line set in the heading's font: the whole
 * line for a standalone heading; for a run-in heading the marker and the
 * heading sentence up to and including the first 。(or ！？), else the marker.
 */
export function runInHeadLength(text: string, markerTo: number, standalone: boolean): number {
  if (standalone) return text.length;
  const m = /[。！？]/.exec(text.slice(markerTo));
  if (m && m.index <= 40) return markerTo + m.index + 1;
  return Math.min(markerTo, text.length);
}

// ---------------------------------------------------------------------------
// Spans of one line: trimmed, placeholders restored, bold from Markdown.

function lineSpans(model: TextModel, line: TextLine, bold: Array<[number, number]>): Span[] {
  let from = 0;
  let to = line.text.length;
  while (from < to && /[\s\u3000\u00a0\ufeff]/.test(line.text[from])) from++;
  while (to > from && /[\s\u3000\u00a0\ufeff]/.test(line.text[to - 1])) to--;
  const spans: Span[] = [];
  for (let i = from; i < to; i++) {
    const ch = line.text[i];
    const off = line.offsets[i];
    const b = isBold(bold, off);
    const text = ch === PLACEHOLDER ? restorePlaceholder(model.source, off) : ch;
    if (!text) continue;
    const last = spans[spans.length - 1];
    if (last && !!last.bold === b) last.text += text;
    else spans.push(b ? { text, bold: true } : { text });
  }
  return spans;
}

function cutSpans(spans: Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  let pos = 0;
  for (const s of spans) {
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + s.text.length);
    if (b > a) out.push({ ...s, text: s.text.slice(a - pos, b - pos) });
    pos += s.text.length;
  }
  if (out.length) {
    out[0].text = out[0].text.replace(/^[\s\u3000]+/, '');
    out[out.length - 1].text = out[out.length - 1].text.replace(/[\s\u3000]+$/, '');
  }
  return out.filter((s) => s.text);
}

/** Split spans at a text index: [before, after]. */
export function splitSpans(spans: Span[], at: number): [Span[], Span[]] {
  const total = spans.reduce((n, s) => n + s.text.length, 0);
  return [cutRaw(spans, 0, at), cutRaw(spans, at, total)];
}

function cutRaw(spans: Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  let pos = 0;
  for (const s of spans) {
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + s.text.length);
    if (b > a) out.push({ ...s, text: s.text.slice(a - pos, b - pos) });
    pos += s.text.length;
  }
  return out;
}

function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!s.bold) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

function isBold(ranges: Array<[number, number]>, off: number): boolean {
  for (const [a, b] of ranges) if (off >= a && off < b) return true;
  return false;
}

const URL_AT = /^(?:https?:\/\/|ftp:\/\/|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** The text a placeholder stood for: a URL or an inline code span; images and HTML print nothing. */
function restorePlaceholder(source: string, off: number): string {
  const rest = source.slice(off, off + 2000);
  const url = URL_AT.exec(rest);
  if (url) return url[0].replace(/[.,;:!?)\]']+$/, '');
  const ticks = /^`+/.exec(rest);
  if (ticks) {
    const close = rest.indexOf(ticks[0], ticks[0].length);
    if (close > 0) return rest.slice(ticks[0].length, close).trim();
  }
  if (rest.startsWith('<')) {
    const auto = /^<((?:https?|ftp|mailto):[^>\s]+|[^>\s@]+@[^>\s]+)>/.exec(rest);
    if (auto) return auto[1].replace(/^mailto:/, '');
  }
  return '';
}

let parser: ReturnType<typeof makeParser> | undefined;
function makeParser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(function gfmTablesOnly(this: any) {
    // Tables only, as the text model parses them (no autolink literals).
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  });
}

interface MdTable {
  start: number;
  end: number;
  cells: Array<{ start: number; end: number; row: number; col: number }>;
  /** Filled while the lines are read: rows → cells → spans. */
  rows: Span[][][];
}

/** Source ranges of `**strong**` text, and the tables with their cells' source ranges. */
function markdownExtras(source: string): { strong: Array<[number, number]>; tables: MdTable[] } {
  parser ??= makeParser();
  const tree = parser.parse(source) as Root;
  const strong: Array<[number, number]> = [];
  const tables: MdTable[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'strong' && node.position) {
      strong.push([node.position.start.offset!, node.position.end.offset!]);
      return;
    }
    if (node.type === 'table' && node.position) {
      const t: MdTable = { start: node.position.start.offset!, end: node.position.end.offset!, cells: [], rows: [] };
      node.children.forEach((row, r) => {
        t.rows.push(row.children.map(() => []));
        row.children.forEach((cell, c) => {
          if (cell.position) t.cells.push({ start: cell.position.start.offset!, end: cell.position.end.offset!, row: r, col: c });
        });
      });
      tables.push(t);
    }
    if ('children' in node) for (const c of node.children as Nodes[]) walk(c);
  };
  walk(tree);
  return { strong, tables };
}

/** Plain text without surrounding whitespace. */
export function clean(text: string): string {
  return text.replace(TRIM_RE, '');
}
