// Export of a draft to a Word document laid out to GB/T 9704-2012.
// Free of VS Code and LSP imports: the CLI and the language server both call it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocFormat } from '../engine/types';
import { buildContent, type Variant } from './model';
import { buildDocx } from './docx';
import { resolveFonts, type ExportFonts } from './layout';

export type { ExportFonts } from './layout';
export { DEFAULT_FONTS } from './layout';
export { breakTitle } from './titleBreak';

export interface ExportOptions {
  /** Font names (the first of each list is written; the next is Word's fallback). */
  fonts?: Partial<ExportFonts>;
  /**
   * Layout: `auto` (default) picks 信函格式 for 函 and 纪要格式 for 纪要 (§10.1, §10.3),
   * the general format (§7) otherwise.
   */
  layout?: 'auto' | Variant;
  /** Lay out 署名 and 成文日期 for a sealed document (default true, §7.3.5.1). */
  sealed?: boolean;
  /** 发文机关标志 size in points (default: from its length). */
  issuerMarkSize?: number;
}

/** Export a draft (Markdown or plain text) to .docx bytes. */
export async function exportDocx(source: string, format: DocFormat, options: ExportOptions = {}): Promise<Buffer> {
  const content = buildContent(source, format);
  let variant: Variant = 'standard';
  if (options.layout && options.layout !== 'auto') variant = options.layout;
  else if (content.docType === '函') variant = 'letter';
  else if (content.docType === '纪要') variant = 'minutes';
  const title = content.paragraphs
    .filter((p) => p.role === 'title')
    .map((p) => p.text)
    .join('');
  return buildDocx(content, {
    fonts: resolveFonts(options.fonts),
    variant,
    sealed: options.sealed ?? true,
    issuerMarkSize: options.issuerMarkSize,
    title: title || undefined,
  });
}

/** The draft format of a file, by extension: .md/.markdown → Markdown, anything else plain text. */
export function formatOfPath(file: string): DocFormat {
  return /\.(md|markdown|mdown|mkd)$/i.test(file) ? 'markdown' : 'plaintext';
}

/** `X.md` → `X.docx`, beside the draft. */
export function defaultOutPath(inputPath: string): string {
  const ext = path.extname(inputPath);
  return (ext ? inputPath.slice(0, -ext.length) : inputPath) + '.docx';
}

/**
 * Export a draft file. Writes atomically (a temporary file beside the target,
 * then rename), so a failed export never leaves a half-written .docx.
 */
export async function exportFile(inputPath: string, outPath?: string, options: ExportOptions = {}): Promise<{ out: string }> {
  const source = fs.readFileSync(inputPath, 'utf8').replace(/^\ufeff/, '');
  const out = path.resolve(outPath ?? defaultOutPath(inputPath));
  const bytes = await exportDocx(source, formatOfPath(inputPath), options);
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, out);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  return { out };
}
