// Helpers shared by the punctuation, number and wording rules: neighbour
// lookup in block text, "is this Chinese text" decisions, and edits that are
// only produced when the visible text maps one-to-one onto the source.

import type { Edit, Fix, TextBlock, TextModel } from '../../engine/types';
import { spanRange, isHan, isCjkPunct, codePointAt, codePointBefore } from '../../engine/text';

export const PLACEHOLDER = '\uFFFC';

/** Spaces skipped when looking for a neighbour: ASCII space, tab, ideographic space, no-break space. */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

/** Index of the nearest non-space character before i, or -1. */
export function prevNonSpace(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && isSpace(text[j])) j--;
  return j;
}

/** Index of the nearest non-space character at or after i, or text.length. */
export function nextNonSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSpace(text[j])) j++;
  return j;
}

/** Han character at index i (handles surrogate pairs starting at i or ending at i). */
export function hanAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff) return isHan(codePointBefore(text, i + 1));
  return isHan(codePointAt(text, i));
}

/** Full-width CJK punctuation at index i (not U+3000, the ideographic space). */
export function cjkPunctAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c !== 0x3000 && isCjkPunct(c);
}

/** Han or full-width punctuation at i. */
export function chineseAt(text: string, i: number): boolean {
  return hanAt(text, i) || cjkPunctAt(text, i);
}

/**
 * Marks that also occur in Western typography (curly quotes, em dash,
 * ellipsis, middle dot): as a neighbour they do not prove Chinese text.
 */
export function ambiguousPunctAt(text: string, i: number): boolean {
  const ch = text[i];
  return ch === '\u201c' || ch === '\u201d' || ch === '\u2018' || ch === '\u2019' || ch === '\u2014' || ch === '\u2026' || ch === '\u00b7';
}

/** Chinese at i, excluding the marks shared with Western typography. */
export function clearlyChineseAt(text: string, i: number): boolean {
  return hanAt(text, i) || (cjkPunctAt(text, i) && !ambiguousPunctAt(text, i));
}

export function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** The index of the first line start at or before i and the line end after i, within the block. */
export function lineBounds(block: TextBlock, i: number): { from: number; to: number } {
  for (const l of block.lines) if (i >= l.from && i < l.to) return l;
  return { from: 0, to: block.text.length };
}

/**
 * Source range of visible text [from, to) if every visible character there
 * maps to its own source character, contiguously (no markup, escapes or
 * entities inside); undefined otherwise.
 */
export function exactRange(block: TextBlock, model: TextModel, from: number, to: number): { start: number; end: number } | undefined {
  if (to <= from) return undefined;
  const { start, end } = spanRange(block, from, to);
  if (end - start !== to - from) return undefined;
  if (model.source.slice(start, end) !== block.text.slice(from, to)) return undefined;
  return { start, end };
}

/** An edit replacing visible text [from, to) by newText, or undefined when the source does not map exactly. */
export function editFor(block: TextBlock, model: TextModel, from: number, to: number, newText: string): Edit | undefined {
  const r = exactRange(block, model, from, to);
  if (!r) return undefined;
  // A Markdown escape (`\(`, `\.`) before the replaced text goes with it: `\（` would show the backslash.
  const escaped =
    model.format === 'markdown' &&
    r.start > 0 &&
    model.source[r.start - 1] === '\\' &&
    (from === 0 || block.offsets[from - 1] !== r.start - 1) &&
    !/^[!-\/:-@\[-`{-~]/.test(newText);
  return { start: escaped ? r.start - 1 : r.start, end: r.end, newText };
}

/** A fix from edits; undefined if any edit is missing. */
export function fixOf(title: string, edits: Array<Edit | undefined>): Fix[] | undefined {
  if (!edits.length || edits.some((e) => !e)) return undefined;
  return [{ title, edits: edits as Edit[] }];
}

/** True when text[from, to) holds a Han character. */
export function hasHanIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (hanAt(text, i)) return true;
  return false;
}

/** Words beginning with 等 that are not the particle 等 (等级, 等待, …): after 、 or …… they are list items or verbs. */
export const DENG_WORD_NEXT = new Set([...'级待候同于额价量比距分值次第高效腰号外身速温压位边差份式闲离到着']);

/** Is the 等 at i the enumerating particle (等 / 等等), not the first character of 等级, 等待, …? */
export function isDengParticle(text: string, i: number): boolean {
  if (text[i] !== '等') return false;
  const next = text[i + 1] === '等' ? text[i + 2] : text[i + 1];
  return next === undefined || !DENG_WORD_NEXT.has(next);
}

/** End of the run of identical code units that starts at i (`——`, `...`, `。。。`). */
export function sameCharRunEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let j = i + 1;
  while (j < text.length && text.charCodeAt(j) === c) j++;
  return j;
}
