// Small helpers for the CLI: severities as numbers, atomic file writes, help text.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from './engine/types';

/** The help line of `gongwen export` (here, so that the help text does not load the exporter). */
export const EXPORT_HELP = '  gongwen export 文件.md [-o 输出.docx]   按 GB/T 9704-2012 版式导出 Word 文档（默认写在草稿旁）';

/** LSP's severity numbers, as the JSON contract uses them. */
export const LSP_SEVERITY_NUMBER: Record<Severity, number> = { error: 1, warning: 2, info: 3, hint: 4 };

/**
 * Write a file atomically: a temporary file beside it, then a rename, so an
 * interrupted write leaves the original intact. Keeps the original's mode.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    mode = undefined;
  }
  try {
    fs.writeFileSync(tmp, data, mode !== undefined ? { mode } : undefined);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw e;
  }
}
