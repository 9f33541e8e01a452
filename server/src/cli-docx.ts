// The CLI's Word commands (bundled in dist/cli-extra.js, loaded on first use):
//
//   gongwen check FILE.docx             (the reading only: server/src/cli.ts checks draft.text)
//   gongwen review FILE.docx [-o OUT.docx] [--comments-only]
//   gongwen import FILE.docx [-o FILE.md]
//
// The engine runs in dist/cli.js: `review` gets the findings through a
// callback, so that configuration, the detector's thread and the report of
// rule errors are the same as for `check`. Errors are reported here (one line
// on stderr, exit 2) or thrown as an Error named 'DocxError' (the class of
// this bundle is not the class of dist/cli.js, so callers test the name).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { safeFixEdits } from './engine/index';
import type { Finding } from './engine/types';
import { readWordFile, WORD_PATH_RE } from './cli-docx-read';
import { reviewDocxWithResult } from './docx/review';
import { docxToMarkdown } from './docx/import';
import { layoutHints, type LayoutHints } from './docx/layout';
import type { DocxDraft, ReviewItem } from './docx/types';
import { writeFileAtomic } from './cli-util';

export { docxToMarkdown, readWordFile };

// ---------------------------------------------------------------------------
// review

import { editableIn } from './docx/findingText';
import { commentText } from './findingComment';

export interface ReviewPlan {
  items: ReviewItem[];
  /** Items that carry tracked changes. */
  changes: number;
}

/**
 * One item per finding. The edits of a finding are those fix-all's first
 * pass applies (engine safeFixEdits: the first fix of a safe finding, none
 * overlapping another), written as tracked changes, except where they cross
 * a paragraph or touch generated numbering (the reader marks it not
 * editable). With `commentsOnly`, no edits.
 */
export function planReview(draft: DocxDraft, findings: readonly Finding[], commentsOnly = false): ReviewPlan {
  const chosen = new Set(commentsOnly ? [] : safeFixEdits(findings as Finding[]));
  let changes = 0;
  const items = findings.map((f) => {
    const item: ReviewItem = { start: f.start, end: f.end, comment: commentText(f.message, f.fixes.map((x) => x.title), f.clause) };
    const edits = f.fixes[0]?.edits;
    if (edits?.length && edits.every((e) => chosen.has(e) && !e.newText.includes('\n') && editableIn(draft, e.start, e.end))) {
      item.edits = edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText }));
      changes++;
    }
    return item;
  });
  return { items, changes };
}

/** `FILE.docx` → `FILE-审校.docx` beside it (the extension kept: a .docm stays .docm). */
export function reviewedPath(file: string): string {
  const ext = path.extname(file);
  const stem = ext ? file.slice(0, -ext.length) : file;
  return `${stem}-审校${/^\.doc[xm]$/i.test(ext) ? ext : '.docx'}`;
}

/** The same file (a path to the input by another name, a link to it): never overwritten. */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export interface WordArgs {
  paths: string[];
  output?: string;
  commentsOnly?: boolean;
}

/**
 * What `review` needs of the engine: the findings for a draft's text, checked
 * as plain text with the file's configuration and the layout's hints
 * (docx/layout.ts, the engine's CheckOptions.lineDepths and lineRoles).
 */
export type CheckText = (file: string, text: string, hints?: LayoutHints) => { findings: Finding[] };

function fail(err: (s: string) => void, message: string): number {
  err(`gongwen: ${message}`);
  return 2;
}

function whyWrite(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '目标目录不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有写入权限';
  if (code === 'EBUSY') return '目标文件正被其他程序（如 Word）占用';
  if (code === 'ENOSPC') return '磁盘空间不足';
  if (code === 'EROFS') return '文件系统只读';
  if (code === 'EISDIR') return '这是一个目录';
  return code ?? (e as Error).message;
}

function oneWordFile(args: WordArgs, usage: string, err: (s: string) => void): string | number {
  if (args.paths.length !== 1) return fail(err, `${args.paths.length ? '一次只能处理一个文件' : '请指定 Word 文档'}（${usage}）`);
  const file = args.paths[0];
  if (!WORD_PATH_RE.test(file)) return fail(err, `${file} 不是 Word 文档（.docx）（${usage}）`);
  return file;
}

/**
 * `gongwen review FILE.docx [-o OUT.docx] [--comments-only]`: a reviewed copy
 * with one comment per finding and the safe fixes as tracked changes. Exit 0
 * when no error was found, 1 when errors were found (the copy is written
 * either way), 2 on bad usage, unreadable input or a failed write (nothing
 * written).
 */
export async function runReview(
  args: WordArgs,
  out: (s: string) => void,
  checkText: CheckText,
  err: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): Promise<number> {
  const usage = 'gongwen review 文件.docx [-o 输出.docx] [--comments-only]';
  const file = oneWordFile(args, usage, err);
  if (typeof file === 'number') return file;
  const target = args.output ?? reviewedPath(file);
  if (sameFile(file, target)) return fail(err, `审校稿不能写回原文件 ${file}（原文件不会改动，请用 -o 指定另一个文件）`);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) return fail(err, `无法写入 ${target}：这是一个目录`);

  const draft = await readOrFail(file, '审校', err);
  if (typeof draft === 'number') return draft;
  const { findings } = checkText(file, draft.text, layoutHints(draft));
  const plan = planReview(draft, findings, args.commentsOnly);
  let written: { bytes: Uint8Array; comments: number; editsApplied: number };
  try {
    written = await reviewDocxWithResult(draft, plan.items, { commentsOnly: args.commentsOnly });
  } catch (e) {
    return fail(err, `无法审校 ${file}：${String((e as Error)?.message ?? e).split('\n')[0]}`);
  }
  try {
    writeFileAtomic(target, written.bytes);
  } catch (e) {
    return fail(err, `无法写入 ${target}：${whyWrite(e)}（原文件未改动）`);
  }
  out(`${file}：${written.comments} 条批注、${written.editsApplied} 处修订 → ${target}`);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** The draft of a Word file, or exit status 2 after one line on stderr when the file cannot be read as one. */
async function readOrFail(file: string, verb: string, err: (s: string) => void): Promise<DocxDraft | number> {
  try {
    return await readWordFile(file, verb);
  } catch (e) {
    if ((e as Error).name === 'DocxError') return fail(err, (e as Error).message);
    throw e;
  }
}

/**
 * `gongwen import FILE.docx [-o FILE.md]`: the draft as Markdown. Without -o
 * it goes beside the .docx and never replaces an existing file; -o names the
 * file to write (replaced if it exists, as `export -o` does), never the
 * input. Exit 0 written, 2 otherwise (nothing written).
 */
export async function runImport(args: WordArgs, out: (s: string) => void, err: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<number> {
  const usage = 'gongwen import 文件.docx [-o 输出.md]';
  const file = oneWordFile(args, usage, err);
  if (typeof file === 'number') return file;
  const ext = path.extname(file);
  const target = args.output ?? `${file.slice(0, -ext.length)}.md`;
  if (sameFile(file, target)) return fail(err, `不能把导入结果写到原文件 ${file}`);
  if (!args.output && fs.existsSync(target)) return fail(err, `${target} 已存在，不覆盖（用 -o 指定输出文件）`);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) return fail(err, `无法写入 ${target}：这是一个目录`);
  const draft = await readOrFail(file, '导入', err);
  if (typeof draft === 'number') return draft;
  const md = docxToMarkdown(draft);
  try {
    writeFileAtomic(target, md);
  } catch (e) {
    return fail(err, `无法写入 ${target}：${whyWrite(e)}`);
  }
  out(`已导入：${target}（${md ? md.split('\n\n').length : 0} 段）`);
  return 0;
}
