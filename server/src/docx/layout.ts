// Structure from layout: what the look of a received .docx says about its
// 公文 elements, as the engine's generic hint `CheckOptions.lineDepths`
// (per line of `DocxDraft.text`, i.e. per paragraph, a heading depth). The
// engine knows nothing of Word; it uses a depth where it uses a Markdown
// heading's depth.
//
// Only the title is marked (depth 1). The engine uses depth 1 alone (the
// title); body headings (一、 （一） 1. （1）) are recognised from their
// ordinals, which the reader generates for automatic numbering, so deeper
// depths from styles such as Heading 2 would change nothing and are left out.
//
// The title: within the first TITLE_WINDOW non-empty body paragraphs, the
// first that is styled Title / 标题 / Heading 1 / 标题 1, or centred, bold or
// of size ≥ 18 pt (the 公文 title is 二号, 22 pt), whose text can be a title
// line, that is not red (the 发文机关标志 is red, large and centred) and that
// the content does not already take for a 版头 element (发文机关标志, 发文字号,
// 份号, 密级, 紧急程度, 签发人). The next paragraphs with the same look (empty
// paragraphs between skipped) continue it, up to four lines.
//
// Two more cues, as the engine's `CheckOptions.lineRoles` (layoutRoles), which
// the engine takes only where the content leaves a line open:
// - 发文机关标志: a red paragraph (isRed) that is large (≥ 18 pt) or centred,
//   among the first ISSUER_WINDOW non-empty body paragraphs, above the title.
// - 成文日期: a right-aligned body paragraph that is a date (the engine's
//   parseDocDate), below the top of the draft (after the title, or after the
//   first ISSUER_WINDOW paragraphs when there is none).

import { buildTextModel } from '../engine/textModel';
import { recogniseStructure, headingOf } from '../engine/structure';
import {
  ATTACHMENT_HEADER_RE,
  ATTACHMENT_NOTE_RE,
  DATELINE_RE,
  DOC_NUMBER_RE,
  MAX_TITLE_LINE,
  MAX_TITLE_LINES,
  SIGNER_RE,
  parseDocDate,
} from '../engine/structure-patterns';
import type { ElementKind, LineRole } from '../engine/types';
import type { DocxDraft, DocxParagraph } from './types';

/** The title is looked for among this many non-empty body paragraphs from the top. */
const TITLE_WINDOW = 10;
/** 18 pt in half-points: 小二 and above. */
const LARGE_HALF_POINTS = 36;
/** The 发文机关标志 is looked for among this many non-empty body paragraphs from the top. */
const ISSUER_WINDOW = 4;

const TITLE_STYLE_RE = /^(title|标题|heading ?1|标题 ?1)$/i;
const HEADER_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>(['copyNumber', 'secrecy', 'urgency', 'issuerMark', 'docNumber', 'signer']);

/** Per paragraph of the draft (= line of `draft.text`): the heading depth its layout gives, or undefined. */
export function layoutDepths(draft: DocxDraft): Array<number | undefined> {
  const paragraphs = draft.paragraphs;
  const depths: Array<number | undefined> = new Array(paragraphs.length).fill(undefined);
  const candidates: number[] = [];
  for (let i = 0; i < paragraphs.length && candidates.length < TITLE_WINDOW + MAX_TITLE_LINES; i++) {
    const p = paragraphs[i];
    if (p.container === 'body' && p.text.trim()) candidates.push(i);
  }
  if (!candidates.length) return depths;
  // What the content alone says of the top lines: a 版头 element is never the title.
  const headerKind = contentHeaderKinds(draft, candidates[candidates.length - 1]);
  for (let c = 0; c < candidates.length && c < TITLE_WINDOW; c++) {
    const i = candidates[c];
    const p = paragraphs[i];
    if (!looksLikeTitle(p) || headerKind.has(i) || !titleText(p.text)) continue;
    depths[i] = 1;
    let lines = 1;
    for (let k = c + 1; k < candidates.length && lines < MAX_TITLE_LINES; k++) {
      const q = paragraphs[candidates[k]];
      if (!sameLook(p, q) || headerKind.has(candidates[k]) || !titleText(q.text)) break;
      depths[candidates[k]] = 1;
      lines++;
    }
    break;
  }
  return depths;
}

/** The layout's hints for the engine (CheckOptions.lineDepths and lineRoles), per line of `draft.text`. */
export interface LayoutHints {
  lineDepths: Array<number | undefined>;
  lineRoles: Array<LineRole | undefined>;
}

/** Both hints of the draft: what `check`, `review`, the editor and the import all pass to the engine. */
export function layoutHints(draft: DocxDraft): LayoutHints {
  const lineDepths = layoutDepths(draft);
  return { lineDepths, lineRoles: layoutRoles(draft, lineDepths) };
}

/** Per paragraph of the draft (= line of `draft.text`): the 公文 element its layout shows, or undefined. */
export function layoutRoles(draft: DocxDraft, depths: ReadonlyArray<number | undefined> = layoutDepths(draft)): Array<LineRole | undefined> {
  const paragraphs = draft.paragraphs;
  const roles: Array<LineRole | undefined> = new Array(paragraphs.length).fill(undefined);
  const title = depths.findIndex((d) => d === 1);
  let seen = 0;
  let top = title;
  for (let i = 0; i < paragraphs.length && seen < ISSUER_WINDOW && (title < 0 || i < title); i++) {
    const p = paragraphs[i];
    if (p.container !== 'body' || !p.text.trim()) continue;
    seen++;
    top = Math.max(top, i);
    if (isRed(p.color) && (p.align === 'center' || (p.sizeHalfPoints ?? 0) >= LARGE_HALF_POINTS)) roles[i] = 'issuerMark';
  }
  for (let i = top + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.container === 'body' && p.align === 'right' && parseDocDate(p.text.trim())) roles[i] = 'date';
  }
  return roles;
}

/** Styled as a title, or centred, bold or large; not red. */
function looksLikeTitle(p: DocxParagraph): boolean {
  if (isRed(p.color)) return false;
  if (p.style && TITLE_STYLE_RE.test(p.style.trim())) return true;
  return p.align === 'center' || p.bold === true || (p.sizeHalfPoints ?? 0) >= LARGE_HALF_POINTS;
}

function sameLook(a: DocxParagraph, b: DocxParagraph): boolean {
  return a.style === b.style && a.align === b.align && a.bold === b.bold && a.sizeHalfPoints === b.sizeHalfPoints && a.color === b.color;
}

/** Red as the 发文机关标志 is printed: R ≥ 0xC0, G and B ≤ 0x60. */
export function isRed(color: string | undefined): boolean {
  if (!color || !/^[0-9a-f]{6}$/i.test(color)) return false;
  const r = parseInt(color.slice(0, 2), 16);
  const g = parseInt(color.slice(2, 4), 16);
  const b = parseInt(color.slice(4, 6), 16);
  return r >= 0xc0 && g <= 0x60 && b <= 0x60;
}

/** Text that can be a line of a title: short, no sentence punctuation, not a date, heading, 文号 or 附件 line. */
function titleText(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > MAX_TITLE_LINE) return false;
  if (/[。！？；;!?]/.test(t) || /[:：]$/.test(t)) return false;
  if (DOC_NUMBER_RE.test(t) || SIGNER_RE.test(t) || parseDocDate(t) || DATELINE_RE.test(t)) return false;
  if (headingOf(t)) return false;
  if (ATTACHMENT_NOTE_RE.test(t) || ATTACHMENT_HEADER_RE.test(t)) return false;
  return true;
}

/** Paragraphs up to `last` that the content alone takes for a 版头 element. */
function contentHeaderKinds(draft: DocxDraft, last: number): Set<number> {
  // the top of the draft only (a few lines past the window, for the recogniser's look-ahead)
  const end = Math.min(draft.paragraphs.length, last + 4);
  const text = draft.paragraphs
    .slice(0, end)
    .map((p) => p.text)
    .join('\n');
  const model = buildTextModel(text, 'plaintext');
  const structure = recogniseStructure(model);
  const out = new Set<number>();
  structure.lineKinds.forEach((kind, x) => {
    if (kind && HEADER_KINDS.has(kind)) out.add(model.lines[x].sourceLine);
  });
  return out;
}
