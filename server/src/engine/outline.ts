// The outline of a 公文: its elements (GB/T 9704-2012 §7) and the heading tree
// of the main text (一、 → （一） → 1. → （1）), as a tree of nodes with source
// offsets. Pure: the language server turns it into document symbols, so the
// Outline view and the breadcrumbs show the structure of the draft.

import type { DocElement, DocStructure, ElementKind, HeadingInfo, TextModel } from './types';

/** An element kind, or one of the three parts that group elements. */
export type OutlineKind =
  | ElementKind
  | 'header' // 版头: 份号 … 签发人
  | 'main' // 正文: the heading tree
  | 'record'; // 版记: 抄送, 印发机关和印发日期

export interface OutlineNode {
  /** What the Outline view shows: the heading or title text, or the element's name. */
  name: string;
  /** Shown beside the name: the element's text, or the element's name for headings and the title. */
  detail?: string;
  kind: OutlineKind;
  /** Heading level (1 for 一、 … 4 for （1）), for kind 'heading'. */
  level?: number;
  /** Source range the node covers, children included. */
  start: number;
  end: number;
  /** The part to select when the node is picked: the visible text of its first line. */
  selectionStart: number;
  selectionEnd: number;
  children: OutlineNode[];
}

/** Chinese names of the elements and parts, as GB/T 9704-2012 names them. */
export const OUTLINE_LABELS: Record<OutlineKind, string> = {
  header: '版头',
  main: '正文',
  record: '版记',
  copyNumber: '份号',
  secrecy: '密级和保密期限',
  urgency: '紧急程度',
  issuerMark: '发文机关标志',
  docNumber: '发文字号',
  signer: '签发人',
  title: '标题',
  recipient: '主送机关',
  heading: '标题层次',
  body: '正文',
  attachmentNote: '附件说明',
  signature: '发文机关署名',
  date: '成文日期',
  annotation: '附注',
  attachmentHeader: '附件',
  attendance: '出席、请假和列席人员',
  cc: '抄送机关',
  printLine: '印发机关和印发日期',
};

const HEADER_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>(['copyNumber', 'secrecy', 'urgency', 'issuerMark', 'docNumber', 'signer']);
const MAIN_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>(['heading', 'body', 'attendance']);
const RECORD_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>(['cc', 'printLine']);

/** Longest name or detail shown, in characters; longer text ends with `…`. */
const MAX_TEXT = 40;

/** The outline of a checked document. */
export function buildOutline(structure: DocStructure, model: TextModel): OutlineNode[] {
  const geo = new LineGeometry(model);
  const headingByLine = new Map<number, HeadingInfo>();
  for (const h of structure.headings) headingByLine.set(h.line, h);

  const out: OutlineNode[] = [];
  const elements = structure.elements.filter((e) => e.lines.length > 0);
  let i = 0;
  while (i < elements.length) {
    const e = elements[i];
    if (HEADER_KINDS.has(e.kind) || RECORD_KINDS.has(e.kind)) {
      // A run of 版头 (or 版记) elements becomes one part with the elements inside.
      const group = HEADER_KINDS.has(e.kind) ? HEADER_KINDS : RECORD_KINDS;
      const run: DocElement[] = [];
      while (i < elements.length && group.has(elements[i].kind)) run.push(elements[i++]);
      const children = run.map((x) => leaf(x, model, geo));
      out.push(container(group === HEADER_KINDS ? 'header' : 'record', children, geo, run[0].lines[0]));
      continue;
    }
    if (MAIN_KINDS.has(e.kind)) {
      const run: DocElement[] = [];
      while (i < elements.length && MAIN_KINDS.has(elements[i].kind)) run.push(elements[i++]);
      const main = container('main', [], geo, run[0].lines[0]);
      main.end = geo.end(lastLine(run));
      main.children = headingTree(run, model, geo, headingByLine);
      // Plain lines above the title are unrecognised 版头 lines, not the 正文.
      if (main.children.length || !titleAfter(elements, i)) out.push(main);
      continue;
    }
    if (e.kind === 'attachmentHeader') {
      // 附件N: the attachment's own text and headings belong to it.
      i++;
      const run: DocElement[] = [];
      while (i < elements.length && MAIN_KINDS.has(elements[i].kind)) run.push(elements[i++]);
      const node = leaf(e, model, geo);
      node.name = shorten(joinedText(e, model)) || OUTLINE_LABELS.attachmentHeader;
      const first = run.find((x) => x.kind === 'body');
      node.detail = first ? shorten(joinedText(first, model)) : OUTLINE_LABELS.attachmentHeader;
      if (run.length) {
        node.end = geo.end(lastLine(run));
        node.children = headingTree(run, model, geo, headingByLine);
      }
      out.push(node);
      continue;
    }
    const node = leaf(e, model, geo);
    if (e.kind === 'title') {
      node.name = shorten(structure.titleText ?? joinedText(e, model)) || OUTLINE_LABELS.title;
      node.detail = structure.docType ? `${OUTLINE_LABELS.title}（${structure.docType}）` : OUTLINE_LABELS.title;
    }
    out.push(node);
    i++;
  }
  return out;
}

/**
 * Nest the headings of a run of main-text elements by level; body text extends
 * the open headings; attendance lines are leaves where they stand.
 */
function headingTree(run: DocElement[], model: TextModel, geo: LineGeometry, headingByLine: Map<number, HeadingInfo>): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const e of run) {
    const h = e.kind === 'heading' ? headingByLine.get(e.lines[0]) : undefined;
    if (h) {
      while (stack.length && (stack[stack.length - 1].level ?? 0) >= h.level) stack.pop();
      const node: OutlineNode = {
        name: headingName(model.lines[h.line].text) || OUTLINE_LABELS.heading,
        detail: undefined,
        kind: 'heading',
        level: h.level,
        start: geo.start(e.lines[0]),
        end: geo.end(e.lines[e.lines.length - 1]),
        ...geo.selection(e.lines[0]),
        children: [],
      };
      (stack.length ? stack[stack.length - 1].children : roots).push(node);
      stack.push(node);
    } else if (e.kind === 'attendance') {
      // 纪要: 出席 / 请假 / 列席 lines are listed where they stand.
      (stack.length ? stack[stack.length - 1].children : roots).push(leaf(e, model, geo));
    }
    const end = geo.end(e.lines[e.lines.length - 1]);
    for (const open of stack) open.end = Math.max(open.end, end);
  }
  return roots;
}

/**
 * The heading phrase of a heading line: up to the first sentence mark, so a
 * run-in heading `（一）提高认识。各单位要……` is named `（一）提高认识`.
 */
export function headingName(text: string): string {
  const t = text.trim().replace(/[ \t\u3000]+/g, ' ');
  const m = /[。！？!?；;：:]/.exec(t);
  return shorten(m ? t.slice(0, m.index) : t);
}

function leaf(e: DocElement, model: TextModel, geo: LineGeometry): OutlineNode {
  const text = shorten(joinedText(e, model));
  const label = OUTLINE_LABELS[e.kind];
  let name = label;
  if (e.kind === 'attendance') {
    // 出席：… / 请假：… / 列席：…
    const m = /^[ \u3000]*([^:：]{1,6})[ \u3000]*[:：]/.exec(model.lines[e.lines[0]].text);
    if (m) name = m[1].replace(/[ \u3000]/g, '');
  }
  return {
    name,
    detail: text || undefined,
    kind: e.kind,
    start: geo.start(e.lines[0]),
    end: geo.end(e.lines[e.lines.length - 1]),
    ...geo.selection(e.lines[0]),
    children: [],
  };
}

function container(kind: 'header' | 'main' | 'record', children: OutlineNode[], geo: LineGeometry, firstLine: number): OutlineNode {
  const first = children[0];
  const last = children[children.length - 1];
  return {
    name: OUTLINE_LABELS[kind],
    kind,
    start: first ? first.start : geo.start(firstLine),
    end: last ? last.end : geo.end(firstLine),
    ...geo.selection(firstLine),
    children,
  };
}

/** Whether the title comes at or after elements[i]. */
function titleAfter(elements: DocElement[], i: number): boolean {
  for (let k = i; k < elements.length; k++) if (elements[k].kind === 'title') return true;
  return false;
}

function lastLine(run: DocElement[]): number {
  const e = run[run.length - 1];
  return e.lines[e.lines.length - 1];
}

function joinedText(e: DocElement, model: TextModel): string {
  return e.lines
    .map((l) => model.lines[l].text.trim())
    .filter(Boolean)
    .join(' ');
}

function shorten(s: string): string {
  const t = s.trim();
  const chars = Array.from(t);
  return chars.length > MAX_TEXT ? chars.slice(0, MAX_TEXT - 1).join('') + '…' : t;
}

/** Source offsets of model lines: where a line starts, ends, and its visible trimmed text. */
class LineGeometry {
  constructor(private model: TextModel) {}

  /** Start of the line's source line (so `# ` and list markers are inside), never before the previous model line's end. */
  start(i: number): number {
    const l = this.model.lines[i];
    const visible = l.offsets[0];
    const lineStart = this.model.lineStarts[l.sourceLine] ?? visible;
    const prevEnd = i > 0 ? this.end(i - 1) : 0;
    return Math.min(visible, Math.max(lineStart, prevEnd));
  }

  /** Just after the line's last visible character. */
  end(i: number): number {
    const l = this.model.lines[i];
    return l.offsets[l.text.length];
  }

  selection(i: number): { selectionStart: number; selectionEnd: number } {
    const l = this.model.lines[i];
    let from = 0;
    let to = l.text.length;
    while (from < to && /\s/.test(l.text[from])) from++;
    while (to > from && /\s/.test(l.text[to - 1])) to--;
    if (from === to) return { selectionStart: l.offsets[0], selectionEnd: l.offsets[0] };
    return { selectionStart: l.offsets[from], selectionEnd: l.offsets[to - 1] + 1 };
  }
}
