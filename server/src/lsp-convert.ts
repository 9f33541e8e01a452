// Conversions between engine findings (source offsets) and LSP shapes.

import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { positionAt } from './engine/textModel';
import type { Finding, Severity } from './engine/types';

export const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspRange(lineStarts: number[], start: number, end: number): Range {
  return { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) };
}

/** What a diagnostic carries for its quick fixes (`Diagnostic.data`). */
export interface FindingData {
  safe: boolean;
  clause: string;
  fixes: Array<{ title: string; edits: TextEdit[] }>;
}

export function diagnosticFromFinding(f: Finding, lineStarts: number[]): Diagnostic {
  const data: FindingData = {
    safe: f.safe,
    clause: f.clause,
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((e) => ({ range: toLspRange(lineStarts, e.start, e.end), newText: e.newText })),
    })),
  };
  return {
    range: toLspRange(lineStarts, f.start, f.end),
    severity: LSP_SEVERITY[f.severity],
    code: f.ruleId,
    source: 'gongwen',
    message: f.message,
    data,
  };
}

/**
 * Edits that turn `before` into `after`, one per changed line when the line
 * count is unchanged (so the cursor and unrelated lines stay put), else a
 * single edit over the changed middle.
 */
export function minimalEdits(before: string, after: string, doc: Pick<TextDocument, 'positionAt'>): TextEdit[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const edits: TextEdit[] = [];
  if (a.length === b.length) {
    let offset = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        const [s, e, text] = trimCommon(a[i], b[i]);
        edits.push({ range: { start: doc.positionAt(offset + s), end: doc.positionAt(offset + e) }, newText: text });
      }
      offset += a[i].length + 1;
    }
    return edits;
  }
  const [s, e, text] = trimCommon(before, after);
  return [{ range: { start: doc.positionAt(s), end: doc.positionAt(e) }, newText: text }];
}

/** [start, end) in `x` and the replacement text, after removing the common prefix and suffix. */
function trimCommon(x: string, y: string): [number, number, string] {
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  // never split a surrogate pair
  if (p > 0 && isLow(x.charCodeAt(p))) p--;
  let q = 0;
  while (q < x.length - p && q < y.length - p && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
  if (q > 0 && isLow(x.charCodeAt(x.length - q))) q--;
  return [p, x.length - q, y.slice(p, y.length - q)];
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
