// `gongwen import FILE.docx`: a received Word document as a draft in the
// project's Markdown convention (templates/*.md, docs/export.md), so that it
// can be edited in VS Code and exported again.
//
// - One paragraph of the document is one Markdown paragraph (a blank line
//   between): the 公文 elements stay plain paragraphs, as in the templates.
// - The title becomes `# 标题`: the paragraphs the structure recogniser takes
//   for the title (a title over several paragraphs is joined, as the
//   recogniser joins it), or else the first centred large paragraph, or one
//   whose style is Title / 标题, near the top.
// - A table becomes a GFM table, first row as the header. A table cell is a
//   block of its own for the rules, as a paragraph of the .docx is a line of
//   its own when the .docx is checked: joining the cells of a row into one
//   line would let the rules read across cells (unbalanced brackets, 、等,
//   the detector's context) and change the findings. A cell of several
//   paragraphs is joined with a space (GFM cells hold one line).
// - Markdown's special characters are escaped where they would change the
//   text, and only there: each paragraph is written as it is, then parsed
//   back with the engine's own text model; when the visible text differs, it
//   is written again with `* _ [ ] \` < & |` escaped, and at last with every
//   ASCII punctuation mark escaped (CommonMark's backslash escapes).
//   Leading and trailing spaces and tabs are dropped (Markdown drops them);
//   the full-width spaces of a Chinese indent are kept.
// - Empty paragraphs are dropped. A paragraph that is only a
//   `<!-- gongwen-… -->` comment stays a comment: it suppresses rules in a
//   plain-text check and in Markdown alike.

import { layoutHints } from './layout';
import type { Element, Node } from './dom';
import { buildTextModel } from '../engine/textModel';
import { recogniseStructure, joinTitle } from '../engine/structure';
import type { DocxDraft } from './types';

const ASCII_TRIM_RE = /^[ \t]+|[ \t]+$/g;
const COMMENT_PARAGRAPH_RE = /^\s*<!--[\s\S]*?-->\s*$/;
/** Lines that Markdown would read as the start of a block other than a paragraph. */
const BLOCK_START_RE = /^(?:#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|=+[ \t]*$|`{3,}|~{3,}|<|\[[^\]]*\]:|(?:[-*_][ \t]*){3,}$|\|)/;
const ORDERED_START_RE = /^(\d{1,9})([.)])(?=[ \t]|$)/;
const SPECIAL_RE = /[\\`*_[\]<&|!~#>+=\-]|^\d/;
const LEVEL1_RE = /[\\`*_[\]<|]|&(?=#?[A-Za-z0-9]+;)/g;
const ASCII_PUNCT_RE = /[!-/:-@[-`{-~]/g;

/** The draft in the project's Markdown convention (ends with a newline; empty for an empty document). */
export function docxToMarkdown(draft: DocxDraft): string {
  const paragraphs = draft.paragraphs;
  const title = titleParagraphs(draft);
  const tables = tableCells(draft);
  const out: string[] = [];
  const doneTables = new Set<Element>();

  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const cell = tables.get(i);
    if (cell) {
      if (!doneTables.has(cell.table)) {
        doneTables.add(cell.table);
        out.push(...tableMarkdown(cell.table, draft, tables));
      }
      continue;
    }
    if (title.has(i)) {
      if (i === Math.min(...title)) {
        const text = joinTitle([...title].sort((a, b) => a - b).map((k) => paragraphs[k].text.replace(ASCII_TRIM_RE, '')));
        out.push(`# ${escapeLine(text, 'heading')}`);
      }
      continue;
    }
    const text = p.text.replace(ASCII_TRIM_RE, '');
    if (!text.trim()) continue;
    out.push(COMMENT_PARAGRAPH_RE.test(text) ? text : escapeLine(text, 'paragraph'));
  }
  return out.length ? out.join('\n\n') + '\n' : '';
}

// ---------------------------------------------------------------------------
// Title

/**
 * Indexes of the title's paragraphs (usually one; none when the draft has no
 * title): the lines the engine takes for the title when it checks the .docx,
 * with the same layout hints (layout.ts: the title, the 发文机关标志 that is
 * not part of it, the 成文日期), so that the import's `# ` title is
 * the title the check saw.
 */
function titleParagraphs(draft: DocxDraft): Set<number> {
  const model = buildTextModel(draft.text, 'plaintext');
  const hints = layoutHints(draft);
  const structure = recogniseStructure(model, hints.lineDepths, hints.lineRoles);
  const found = new Set<number>();
  structure.lineKinds.forEach((kind, x) => {
    const p = model.lines[x].sourceLine;
    if (kind === 'title' && draft.paragraphs[p]?.container === 'body') found.add(p);
  });
  return found;
}

// ---------------------------------------------------------------------------
// Tables

interface CellRef {
  /** The outermost w:tbl. */
  table: Element;
  /** Its w:tc (the outermost cell: a nested table's text joins the outer cell). */
  cell: Element;
}

function isW(node: Node | null, name: string): node is Element {
  return !!node && node.nodeType === 1 && (node as Element).localName === name;
}

/** Table paragraphs → their outermost table and cell, from the elements that hold their characters. */
function tableCells(draft: DocxDraft): Map<number, CellRef> {
  const out = new Map<number, CellRef>();
  const nodes = draft.pkg.nodes;
  const pending: number[] = [];
  let last: CellRef | undefined;
  draft.paragraphs.forEach((p, i) => {
    if (p.container !== 'table') {
      last = undefined;
      return;
    }
    let ref: CellRef | undefined;
    for (let k = 0; k < p.node.length && !ref; k++) {
      const n = p.node[k];
      if (n >= 0 && nodes[n]) ref = cellOf(nodes[n]);
    }
    if (!ref) {
      // a paragraph with generated text only (or empty): the cell of its neighbour
      if (last) out.set(i, last);
      else pending.push(i);
      return;
    }
    for (const q of pending.splice(0)) out.set(q, ref);
    out.set(i, ref);
    last = ref;
  });
  return out;
}

function cellOf(node: Node): CellRef | undefined {
  let table: Element | undefined;
  let cell: Element | undefined;
  for (let n: Node | null = node.parentNode; n; n = n.parentNode) {
    if (isW(n, 'tc')) cell = n;
    else if (isW(n, 'tbl')) table = n;
    else if (isW(n, 'txbxContent')) break; // a text box inside a cell is not the cell's text
  }
  return table && cell ? { table, cell } : undefined;
}

/** Children (through w:sdt/w:customXml wrappers) named `name`, not inside a nested `stop` element. */
function childrenNamed(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (isW(c, name)) out.push(c);
      else if (isW(c, 'sdt') || isW(c, 'sdtContent') || isW(c, 'customXml')) walk(c);
    }
  };
  walk(parent);
  return out;
}

function tableMarkdown(table: Element, draft: DocxDraft, refs: Map<number, CellRef>): string[] {
  const texts = new Map<Element, string[]>();
  const order: number[] = [];
  refs.forEach((ref, i) => {
    if (ref.table !== table) return;
    order.push(i);
    const t = draft.paragraphs[i].text.replace(ASCII_TRIM_RE, '');
    if (!t.trim()) return;
    const list = texts.get(ref.cell) ?? [];
    list.push(t);
    texts.set(ref.cell, list);
  });
  const rows: string[][] = [];
  const placed = new Set<Element>();
  for (const tr of childrenNamed(table, 'tr')) {
    const row: string[] = [];
    for (const tc of childrenNamed(tr, 'tc')) {
      placed.add(tc);
      row.push((texts.get(tc) ?? []).join(' '));
      const span = gridSpan(tc);
      for (let s = 1; s < span; s++) row.push('');
    }
    rows.push(row);
  }
  // cells the walk did not reach (an unusual nesting): one more row, never lost text
  const stray = [...texts.keys()].filter((tc) => !placed.has(tc)).map((tc) => texts.get(tc)!.join(' '));
  if (stray.length) rows.push(stray);
  while (rows.length && rows[rows.length - 1].every((c) => !c)) rows.pop();
  if (!rows.length) return [];

  const width = Math.max(...rows.map((r) => r.length));
  const expected = rows.flat().filter((c) => c.trim());
  for (const level of [1, 2] as const) {
    const md = gfmTable(rows, width, (c) => escapeCell(c, level));
    if (sameCells(md, expected)) return [md];
  }
  // Markdown cannot hold it as a table: one paragraph per cell, the text kept.
  return order.map((i) => draft.paragraphs[i].text.replace(ASCII_TRIM_RE, '')).filter((t) => t.trim()).map((t) => escapeLine(t, 'paragraph'));
}

function gridSpan(tc: Element): number {
  for (let c = tc.firstChild; c; c = c.nextSibling) {
    if (isW(c, 'tcPr')) {
      for (let d = c.firstChild; d; d = d.nextSibling) {
        if (isW(d, 'gridSpan')) {
          const v = parseInt(d.getAttribute('w:val') ?? '', 10);
          return Number.isFinite(v) && v > 1 && v < 64 ? v : 1;
        }
      }
    }
  }
  return 1;
}

function gfmTable(rows: string[][], width: number, cell: (s: string) => string): string {
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, k) => cell(r[k] ?? '')).join(' | ')} |`;
  return [line(rows[0]), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
}

function escapeCell(text: string, level: 1 | 2): string {
  return level === 1 ? text.replace(LEVEL1_RE, '\\$&') : text.replace(ASCII_PUNCT_RE, '\\$&');
}

function sameCells(md: string, expected: string[]): boolean {
  const model = buildTextModel(md, 'markdown', undefined, { whole: true });
  const cells = model.blocks.filter((b) => b.kind === 'tableCell').map((b) => b.text);
  if (model.blocks.some((b) => b.kind !== 'tableCell')) return false;
  return cells.length === expected.length && cells.every((c, k) => c === plainView(expected[k]));
}

// ---------------------------------------------------------------------------
// Escaping

/** One line of prose as Markdown whose visible text is the line's. */
export function escapeLine(text: string, as: 'paragraph' | 'heading'): string {
  const prefix = as === 'heading' ? '# ' : '';
  const want = plainView(text);
  const candidates = SPECIAL_RE.test(text) ? [escapeStart(text), escapeStart(text.replace(LEVEL1_RE, '\\$&')), text.replace(ASCII_PUNCT_RE, '\\$&')] : [text];
  for (const c of candidates) {
    if (candidates.length === 1 || markdownView(prefix + c, as) === want) return c;
  }
  return candidates[candidates.length - 1];
}

/** Escape what would make the line a block other than a paragraph (a list, a quote, a heading, a code fence, a rule…). */
function escapeStart(text: string): string {
  const ordered = ORDERED_START_RE.exec(text);
  if (ordered) return `${ordered[1]}\\${text.slice(ordered[1].length)}`;
  if (BLOCK_START_RE.test(text) && !text.startsWith('\\')) return `\\${text}`;
  return text;
}

/** The visible text the engine reads from one plain-text line. */
function plainView(text: string): string {
  return buildTextModel(text, 'plaintext')
    .blocks.map((b) => b.text)
    .join('\n');
}

/** The visible text the engine reads from a Markdown snippet that should be one paragraph (or one heading). */
function markdownView(md: string, as: 'paragraph' | 'heading'): string | undefined {
  const model = buildTextModel(md, 'markdown', undefined, { whole: true });
  if (model.notice || model.comments.length || model.blocks.length !== 1) return undefined;
  const b = model.blocks[0];
  if (as === 'heading' ? b.kind !== 'heading' || b.depth !== 1 : b.kind !== 'paragraph') return undefined;
  return b.text;
}
