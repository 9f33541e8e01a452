// Counting the checker's diagnostics for the status bar. Pure: severities are
// vscode.DiagnosticSeverity values (0 error, 1 warning, 2 information, 3 hint).

export interface FindingCounts {
  errors: number;
  warnings: number;
  /** Information and hints. */
  infos: number;
  total: number;
}

export const GONGWEN_SOURCE = 'gongwen';

export function countFindings(diagnostics: ReadonlyArray<{ source?: string; severity: number }>): FindingCounts {
  const c: FindingCounts = { errors: 0, warnings: 0, infos: 0, total: 0 };
  for (const d of diagnostics) {
    if (d.source !== GONGWEN_SOURCE) continue;
    c.total++;
    if (d.severity === 0) c.errors++;
    else if (d.severity === 1) c.warnings++;
    else c.infos++;
  }
  return c;
}
