// Reviewing a received Word document in VS Code: the pure parts (no vscode
// import, unit-tested): the virtual document's address, the reviewed copy's
// name, and the review items (comments and tracked changes) built from the
// diagnostics the language server published for the draft's text.

import { commentText } from '../../server/src/findingComment';
import type { ReviewItem } from '../../server/src/docx/types';

/**
 * The scheme of the read-only text view of a .docx: `gongwen-docx:/dir/FILE.docx.txt`
 * (the path of the .docx plus “.txt”, so that the view is plain text and the
 * server looks for the configuration in the .docx's folder). A .docx that is
 * not a local file keeps its whole URI in the query.
 */
export const DOCX_SCHEME = 'gongwen-docx';

const VIEW_SUFFIX = '.txt';

export interface UriParts {
  scheme: string;
  authority: string;
  path: string;
  query: string;
}

/** The parts of the text view's URI for a .docx. */
export function viewUriParts(source: UriParts, sourceString: string): UriParts {
  return {
    scheme: DOCX_SCHEME,
    authority: source.scheme === 'file' ? source.authority : '',
    path: source.path + VIEW_SUFFIX,
    query: source.scheme === 'file' ? '' : sourceString,
  };
}

/** The .docx of a text view: its URI string when it is not a local file, else the file's parts. */
export function sourceOfView(view: UriParts): { uri: string } | { file: { authority: string; path: string } } {
  if (view.query) return { uri: view.query };
  const path = view.path.endsWith(VIEW_SUFFIX) ? view.path.slice(0, -VIEW_SUFFIX.length) : view.path;
  return { file: { authority: view.authority, path } };
}

/**
 * Where the reviewed copy goes: beside the original, `FILE-审校.docx`, then
 * `FILE-审校-2.docx`, `-3`… for attempt 2, 3…; the extension of the original is
 * kept (.docx, .docm).
 */
export function reviewedPath(sourcePath: string, attempt = 1): string {
  const slash = sourcePath.lastIndexOf('/');
  const dir = sourcePath.slice(0, slash + 1);
  const name = sourcePath.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '.docx';
  return `${dir}${stem}-审校${attempt > 1 ? `-${attempt}` : ''}${ext}`;
}

export { commentText };

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}

/** A diagnostic as VS Code's language client gives it: `data` is what the server attached (server/src/lsp-convert.ts FindingData). */
export interface DiagnosticLike {
  range: Range;
  message: string;
  source?: string;
  code?: string | number | { value: string | number };
  data?: unknown;
}

interface FindingDataLike {
  safe?: boolean;
  clause?: string;
  fixes?: Array<{ title?: string; edits?: Array<{ range: Range; newText: string }> }>;
}

export interface ReviewPlan {
  items: ReviewItem[];
  /** Items that carry a tracked change. */
  changes: number;
}

/**
 * One review item per finding of the checker (a diagnostic of source
 * `gongwen` with a rule id: the notices about the check itself have none),
 * in document order. The edits fix-all's first pass would apply (the first
 * fix of a safe finding, none overlapping an earlier one: engine
 * safeFixEdits, as `gongwen review` chooses them) become tracked changes,
 * except where they cross a paragraph or touch characters that `editable`
 * refuses (generated numbering).
 */
export function planReview(
  diagnostics: readonly DiagnosticLike[],
  offsetAt: (p: Position) => number,
  editable: (start: number, end: number) => boolean = () => true,
  text?: string,
): ReviewPlan {
  const findings = diagnostics
    .filter((d) => d.source === 'gongwen' && codeOf(d) !== undefined)
    .map((d) => ({ d, start: offsetAt(d.range.start), end: offsetAt(d.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const items: ReviewItem[] = [];
  const taken: Array<[number, number]> = [];
  let changes = 0;
  for (const { d, start, end } of findings) {
    const data = (d.data ?? {}) as FindingDataLike;
    const fixes = Array.isArray(data.fixes) ? data.fixes : [];
    const item: ReviewItem = {
      start,
      end,
      comment: commentText(d.message, fixes.map((f) => f.title ?? ''), data.clause),
    };
    const first = fixes[0];
    if (data.safe && first?.edits?.length) {
      const edits = first.edits.map((e) => ({ start: offsetAt(e.range.start), end: offsetAt(e.range.end), newText: e.newText }));
      // the edits fix-all's first pass applies (engine safeFixEdits): none overlapping an earlier one
      const overlaps = (e: { start: number; end: number }) => taken.some(([s, t]) => (e.start < t && s < e.end) || (e.start === s && e.end === t));
      if (!edits.some(overlaps)) {
        for (const e of edits) taken.push([e.start, e.end]);
        // …written as tracked changes where they stay inside a paragraph on characters read from the package
        const writable = edits.every(
          (e) => e.start <= e.end && !e.newText.includes('\n') && !(text !== undefined && text.slice(e.start, e.end).includes('\n')) && editable(e.start, e.end),
        );
        if (writable) {
          item.edits = edits;
          changes++;
        }
      }
    }
    items.push(item);
  }
  return { items, changes };
}

function codeOf(d: DiagnosticLike): string | number | undefined {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}
