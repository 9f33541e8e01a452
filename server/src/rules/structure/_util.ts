// Helpers shared by the structure and doctype rules: lines of an element,
// trimmed text with its position, source ranges and edits on a line.

import type { DocStructure, ElementKind, Fix, TextLine, TextModel } from '../../engine/types';
import { spanRange } from '../../engine/text';
import { trimLine } from '../../engine/structure-patterns';

export interface LineView {
  /** Index into model.lines. */
  index: number;
  line: TextLine;
  /** Trimmed text. */
  t: string;
  /** Index in line.text where `t` starts. */
  from: number;
}

export function view(model: TextModel, index: number): LineView {
  const line = model.lines[index];
  const { text, from } = trimLine(line.text);
  return { index, line, t: text, from };
}

/** All lines of one element kind, in order. */
export function linesOfKind(model: TextModel, structure: DocStructure, kind: ElementKind): LineView[] {
  const out: LineView[] = [];
  structure.lineKinds.forEach((k, i) => {
    if (k === kind) out.push(view(model, i));
  });
  return out;
}

/** Source range of [from, to) of the trimmed text `t`. */
export function range(v: LineView, from: number, to: number): { start: number; end: number } {
  return spanRange(v.line, v.from + from, v.from + to);
}

/** A fix replacing [from, to) of the trimmed text by newText. */
export function replaceFix(v: LineView, from: number, to: number, newText: string, title?: string): Fix {
  const r = from === to ? insertionPoint(v, from) : range(v, from, to);
  return { title: title ?? `改为“${newText}”`, edits: [{ start: r.start, end: r.end, newText }] };
}

/** Source offset at which to insert before trimmed index i (after the last character when i is the end). */
function insertionPoint(v: LineView, i: number): { start: number; end: number } {
  const abs = v.from + i;
  if (abs < v.line.text.length) {
    const o = v.line.offsets[abs];
    return { start: o, end: o };
  }
  const o = v.line.offsets[abs - 1] + 1;
  return { start: o, end: o };
}

/** The line break used by the source (\r\n or \n). */
export function eol(model: TextModel): string {
  return model.source.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Lines of the main text (正文: body and headings) after the title and
 * recipient, up to the first of 附件说明, 署名, 日期, 纪要 attendance, 附件 or 版记.
 */
export function mainTextLines(model: TextModel, structure: DocStructure): LineView[] {
  const kinds = structure.lineKinds;
  const STOP: ReadonlySet<ElementKind> = new Set<ElementKind>([
    'attachmentNote',
    'signature',
    'date',
    'annotation',
    'attachmentHeader',
    'attendance',
    'cc',
    'printLine',
  ]);
  // start after the title and recipient (and the 文号 printed under the title)
  let start = 0;
  kinds.forEach((k, i) => {
    if (k === 'title' || k === 'recipient') start = i + 1;
  });
  while (start < kinds.length && (kinds[start] === 'docNumber' || kinds[start] === 'signer')) start++;
  const out: LineView[] = [];
  for (let i = start; i < kinds.length; i++) {
    const k = kinds[i];
    if (k && STOP.has(k)) break;
    if (k === 'body' || k === 'heading') out.push(view(model, i));
  }
  return out;
}

/** Remove text inside quotation marks and 书名号 (replaced by spaces, so indexes stay). */
export function maskQuoted(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '“' || ch === '《' || ch === '「' || ch === '〈') {
      depth++;
      out += ' ';
      continue;
    }
    if ((ch === '”' || ch === '》' || ch === '」' || ch === '〉') && depth > 0) {
      depth--;
      out += ' ';
      continue;
    }
    out += depth > 0 ? ' '.repeat(ch.length) : ch;
  }
  return out;
}
