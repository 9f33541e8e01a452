// The `gongwen` command line: a second face of the engine beside the server.
//
//   gongwen check [--format text|json] [--only CATEGORY,…] [--config FILE] PATH…
//   gongwen fix [--config FILE] PATH…
//   gongwen rules
//   gongwen new TYPE [-o FILE]
//   gongwen export FILE.md [-o OUT.docx]
//   gongwen review FILE.docx [-o OUT.docx] [--comments-only]
//   gongwen import FILE.docx [-o FILE.md]
//
// A .docx (or .docm) is checked as the plain text of its paragraphs, one per
// line (server/src/docx/): line = paragraph, column = offset in that
// paragraph's text. The Word reader loads lazily from dist/cli-extra.js.
//
// Exit status: 0 no error found, 1 errors found, 2 bad usage or unreadable input.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, fixAll, type CheckResult } from './engine/index';
import { loadConfigFile, resolveConfigForFile, type ResolvedConfig } from './engine/config';
import { positionAt } from './engine/textModel';
import { listRules } from './engine/registry';
import { dictionaryProblems } from './engine/dictionary/index';
import { enableParallelDetection, PARALLEL_MIN_CHARS } from './engine/detector/parallel';
import { CATEGORIES, type Category, type DocFormat, type Finding } from './engine/types';
import { EXPORT_HELP, LSP_SEVERITY_NUMBER, writeFileAtomic } from './cli-util';
import type * as CliExtra from './cli-extra';
import { layoutHints, type LayoutHints } from './docx/layout';

/**
 * `new`, `export` and the Word commands (templates, the .docx writer and
 * reader), loaded on first use. The
 * bundle keeps this require as is (scripts/build.mjs): dist/cli.js loads
 * dist/cli-extra.js; from the sources it is server/src/cli-extra.ts.
 */
function extra(): typeof CliExtra {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./cli-extra') as typeof CliExtra;
}

class UsageError extends Error {}

const HELP = `用法：
  gongwen check [--format text|json] [--only 类别,…] [--config 文件] 路径…
  gongwen fix [--config 文件] 路径…
  gongwen rules
  gongwen new 文种 [-o 文件]
${EXPORT_HELP}
  gongwen review 文件.docx [-o 输出.docx] [--comments-only]
                                        审校 Word 文档：另存一份带批注和修订的审校稿（默认“文件-审校.docx”，原文件不改动）
  gongwen import 文件.docx [-o 文件.md]    把 Word 文档转为 Markdown 草稿（默认写在原文件旁，不覆盖已有文件）

  路径可以是文件或目录（递归检查其中的 .md、.txt 和 Word 文档 .docx/.docm）。
  Word 文档按段落检查：行号是段落序号，列号是段内位置；gongwen fix 不改写 Word 文档，请用 gongwen review。
  类别：${CATEGORIES.join(', ')}
退出码：0 未发现错误；1 发现错误；2 用法错误或无法读取输入。`;

interface Args {
  command: string;
  paths: string[];
  format: 'text' | 'json';
  only?: Category[];
  config?: string;
  output?: string;
  commentsOnly?: boolean;
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('缺少子命令');
  const args: Args = { command, paths: [], format: 'text' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`选项 ${a} 缺少参数`);
      return v;
    };
    if (a === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format 只能是 text 或 json，而不是“${f}”`);
      args.format = f;
    } else if (a === '--only') {
      const cats = value().split(',').map((s) => s.trim()).filter(Boolean);
      const bad = cats.filter((c) => !CATEGORIES.includes(c as Category));
      if (bad.length) throw new UsageError(`未知的规则类别：${bad.join(', ')}（可用：${CATEGORIES.join(', ')}）`);
      args.only = cats as Category[];
    } else if (a === '--config') args.config = value();
    else if (a === '-o' || a === '--output') args.output = value();
    else if (a === '--comments-only') {
      if (command !== 'review') throw new UsageError('--comments-only 只用于 gongwen review');
      args.commentsOnly = true;
    }
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 ${a}`);
    else args.paths.push(a);
  }
  return args;
}

export function formatOf(file: string): DocFormat {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}

/** Word files found when walking a directory (Word's lock files `~$名称.docx` are not documents). */
const WORD_WALK_RE = /\.(docx|docm)$/i;
/** Word files named on the command line: read by the Word reader, which refuses a .doc with a clear message. */
const WORD_PATH_RE = /\.(docx|docm|dotx|dotm|doc|dot)$/i;

export function isWordFile(file: string): boolean {
  return WORD_PATH_RE.test(file);
}

/**
 * Expand paths: files as given, directories recursively to their .md/.txt
 * files, and their .docx/.docm files when `word` (check, not fix).
 */
export function collectFiles(paths: string[], word = false): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|markdown|txt)$/i.test(entry.name)) out.push(full);
      else if (word && WORD_WALK_RE.test(entry.name) && !entry.name.startsWith('~$')) out.push(full);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw new InputError(`无法读取 ${p}：${describeFsError(e)}`);
    }
    if (stat.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

class InputError extends Error {}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'EISDIR') return '这是一个目录';
  return code ?? (e as Error).message;
}

/** Read a draft as UTF-8 text; binary or non-UTF-8 input is an input error. */
export function readDraft(file: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new InputError(`无法读取 ${file}：${describeFsError(e)}`);
  }
  if (buf.includes(0)) throw new InputError(`无法检查 ${file}：这是二进制文件，不是文本`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError(`无法检查 ${file}：不是 UTF-8 编码的文本（请先转换为 UTF-8）`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function configFor(file: string, explicit: string | undefined, cache: Map<string, ResolvedConfig>): ResolvedConfig {
  const key = explicit ?? path.dirname(path.resolve(file));
  let c = cache.get(key);
  if (!c) {
    c = resolveConfigForFile(file, { explicitFile: explicit });
    if (c.problems.length) {
      const p = c.problems[0];
      throw new InputError(`配置文件 ${p.file} 有误：${p.message}`);
    }
    // only extra dictionaries can have problems (the built-in matcher is built when a rule needs it)
    const dict = c.dictionaries.length ? dictionaryProblems(c.dictionaries) : [];
    if (dict.length) throw new InputError(`词典文件 ${dict[0].file} 有误：${dict[0].message}`);
    cache.set(key, c);
  }
  return c;
}

const SEVERITY_TEXT = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' } as const;

function textReport(file: string, result: CheckResult, word: boolean): string[] {
  const out: string[] = [];
  for (const f of result.findings) {
    const p = positionAt(result.model.lineStarts, f.start);
    out.push(`${file}:${p.line + 1}:${p.character + 1}  ${SEVERITY_TEXT[f.severity]}  ${f.message}  [${f.ruleId}]`);
    // a Word document has no lines to look up in an editor: show the paragraph's text around the finding
    if (word) out.push(`    ${excerpt(result.model.source, result.model.lineStarts, f.start, f.end)}`);
  }
  return out;
}

/** The text of the paragraph around [start, end): up to EXCERPT_CONTEXT characters either side, “…” where cut. */
const EXCERPT_CONTEXT = 20;
export function excerpt(text: string, lineStarts: number[], start: number, end: number): string {
  const { line } = positionAt(lineStarts, start);
  const from = lineStarts[line];
  const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length;
  const to = Math.min(Math.max(end, start), lineEnd);
  let a = Math.max(from, start - EXCERPT_CONTEXT);
  let b = Math.min(lineEnd, to + EXCERPT_CONTEXT);
  // never cut a surrogate pair
  if (a > from && /[\udc00-\udfff]/.test(text[a])) a--;
  if (b < lineEnd && /[\ud800-\udbff]/.test(text[b - 1])) b++;
  const shown = text.slice(a, b).replace(/[\t\u3000 ]+/g, (m, at: number) => (at === 0 ? '' : m)).replace(/\t/g, ' ');
  return `${a > from ? '…' : ''}${shown}${b < lineEnd ? '…' : ''}`;
}

function jsonFinding(f: Finding, lineStarts: number[]) {
  const range = (s: number, e: number) => ({ start: positionAt(lineStarts, s), end: positionAt(lineStarts, e) });
  return {
    range: range(f.start, f.end),
    severity: LSP_SEVERITY_NUMBER[f.severity],
    code: f.ruleId,
    source: 'gongwen',
    message: f.message,
    fixes: f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })) })),
  };
}

/**
 * The detector's second thread (engine/detector/parallel.ts): a worker with
 * its own lexicon, which loads while this thread builds the text model and
 * runs the other rules, then shares the detection of a large document.
 * Started at the first file long enough for the detector to use it, when its
 * configuration runs the detector; only from the bundle, where
 * dist/detector-worker.js lies beside dist/cli.js.
 *
 * On by default only with 4 or more cores. On 2 cores it does not pay in a
 * cold process: this thread still loads its own lexicon, the second copy's
 * load and the worker's compilation and garbage collection compete with V8's
 * background threads, and 1M characters took as long as in one thread when
 * the machine was otherwise idle (≈ 1.2 s) and much longer when another
 * process used a core. GONGWEN_DETECTOR_THREAD=1 or 0 forces it on or off.
 */
function detectorThreadWanted(): boolean {
  const forced = process.env.GONGWEN_DETECTOR_THREAD;
  if (forced === '1') return true;
  if (forced === '0') return false;
  return os.availableParallelism() >= 4;
}

let detectorThreadTried = false;
function startDetectorThread(): void {
  if (detectorThreadTried) return;
  detectorThreadTried = true;
  const script = path.join(__dirname, 'detector-worker.js');
  if (detectorThreadWanted() && fs.existsSync(script)) enableParallelDetection(script);
}

/**
 * The text to check of one file: a Markdown or plain-text draft as it is; a
 * Word document as the plain text of its paragraphs, one per line (the
 * reader loads from dist/cli-extra.js on the first .docx).
 */
async function draftOf(file: string): Promise<{ text: string; format: DocFormat; word: boolean; hints?: LayoutHints }> {
  if (!isWordFile(file)) return { text: readDraft(file), format: formatOf(file), word: false };
  try {
    const draft = await extra().readWordFile(file);
    // the title, 发文机关标志 and 成文日期 as the layout marks them (docx/layout.ts): the same hints as `review`, the editor and `import`
    return { text: draft.text, format: 'plaintext', word: true, hints: layoutHints(draft) };
  } catch (e) {
    // the error class of the other bundle: tell it by its name
    if ((e as Error).name === 'DocxError') throw new InputError((e as Error).message);
    throw e;
  }
}

/** Check a text with the file's configuration (also what `review` runs). */
function checkFile(
  file: string,
  text: string,
  format: DocFormat,
  args: Args,
  cache: Map<string, ResolvedConfig>,
  hints?: Partial<LayoutHints>,
): CheckResult {
  const config = configFor(file, args.config, cache);
  const detectorWanted = !args.only || args.only.includes('typo');
  if (detectorWanted && config.enable && config.detector && text.length >= PARALLEL_MIN_CHARS) startDetectorThread();
  const result = check(text, { format, config, only: args.only, lineDepths: hints?.lineDepths, lineRoles: hints?.lineRoles });
  for (const e of result.ruleErrors) process.stderr.write(`gongwen: 规则 ${e.ruleId} 在 ${file} 上出错，已跳过：${e.message.split('\n')[0]}\n`);
  // how the draft was read, when not as asked (stderr: the report format stays clean)
  if (result.model.notice) process.stderr.write(`gongwen: ${file}：${result.model.notice}\n`);
  if (result.model.frontMatterError) process.stderr.write(`gongwen: ${file}：${result.model.frontMatterError}\n`);
  return result;
}

async function runCheck(args: Args, out: (s: string) => void): Promise<number> {
  if (!args.paths.length) throw new UsageError('请指定要检查的文件或目录');
  if (args.config && !fs.existsSync(args.config)) throw new InputError(`无法读取配置文件 ${args.config}：文件不存在`);
  const files = collectFiles(args.paths, true);
  const cache = new Map<string, ResolvedConfig>();
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  const json: unknown[] = [];
  const lines: string[] = [];
  for (const file of files) {
    const { text, format, word, hints } = await draftOf(file);
    const result = checkFile(file, text, format, args, cache, hints);
    for (const f of result.findings) counts[f.severity]++;
    if (args.format === 'json') json.push({ file, diagnostics: result.findings.map((f) => jsonFinding(f, result.model.lineStarts)) });
    else for (const l of textReport(file, result, word)) lines.push(l); // no spread: a huge report exceeds the argument limit
  }
  if (args.format === 'json') out(JSON.stringify(json, null, 2));
  else {
    for (const l of lines) out(l);
    const total = counts.error + counts.warning + counts.info + counts.hint;
    if (lines.length) out('');
    out(
      total
        ? `检查了 ${files.length} 个文件，发现 ${total} 个问题：${counts.error} 个错误，${counts.warning} 个警告，${counts.info + counts.hint} 个提示。`
        : `检查了 ${files.length} 个文件，未发现问题。`,
    );
  }
  return counts.error > 0 ? 1 : 0;
}

function runFix(args: Args, out: (s: string) => void): number {
  if (!args.paths.length) throw new UsageError('请指定要修复的文件或目录');
  // a Word document is never rewritten: refused before anything is written
  const word = args.paths.find(isWordFile);
  if (word) throw new InputError(`gongwen fix 不改写 Word 文档 ${word}：请用 gongwen review ${word} 另存一份带批注和修订的审校稿（原文件不会改动）`);
  const files = collectFiles(args.paths);
  const cache = new Map<string, ResolvedConfig>();
  let anyError = false;
  for (const file of files) {
    const text = readDraft(file);
    const config = configFor(file, args.config, cache);
    if (config.enable && config.detector && text.length >= PARALLEL_MIN_CHARS) startDetectorThread();
    const result = fixAll(text, { format: formatOf(file), config });
    if (result.output !== text) {
      try {
        writeFileAtomic(file, result.output);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'ENOSPC' ? '磁盘空间不足' : code === 'EROFS' ? '文件系统只读' : (code ?? (e as Error).message);
        throw new InputError(`无法写入 ${file}：${why}（原文件未改动）`);
      }
      out(`${file}：已修复 ${result.fixed} 处`);
    }
    const left = result.remaining;
    if (left.some((f) => f.severity === 'error')) anyError = true;
    if (left.length) out(`${file}：还有 ${left.length} 个问题需要人工处理`);
  }
  return anyError ? 1 : 0;
}

function runRules(out: (s: string) => void): number {
  for (const r of listRules()) out(`${r.meta.id}\t${r.meta.severity}\t${r.meta.safeFix ? '可自动修复' : ''}\t${r.meta.description}`);
  return 0;
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): Promise<number> {
  try {
    if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      out(HELP);
      return argv.length ? 0 : 2;
    }
    if (argv[0] === '--version' || argv[0] === '-v') {
      out('0.1.0');
      return 0;
    }
    const args = parseArgs(argv);
    switch (args.command) {
      case 'check':
        return await runCheck(args, out);
      case 'fix':
        return runFix(args, out);
      case 'new':
        return extra().runNew(args, out);
      case 'export':
        return await extra().runExport(args, out);
      case 'review': {
        if (args.config && !fs.existsSync(args.config)) throw new InputError(`无法读取配置文件 ${args.config}：文件不存在`);
        const cache = new Map<string, ResolvedConfig>();
        return await extra().runReview(args, out, (file, text, hints) => checkFile(file, text, 'plaintext', args, cache, hints));
      }
      case 'import':
        return await extra().runImport(args, out);
      case 'rules':
        return runRules(out);
      default:
        throw new UsageError(`未知子命令“${args.command}”`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`gongwen: ${e.message}（gongwen --help 查看用法）\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`gongwen: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`gongwen: 内部错误：${(e as Error).message}\n`);
    return 2;
  }
}

export { UsageError, InputError, loadConfigFile };
