// The `gongwen` command line: a second face of the engine beside the server.
//
//   gongwen check [--format text|json] [--only CATEGORY,…] [--config FILE] PATH…
//   gongwen fix [--config FILE] PATH…
//   gongwen rules
//   gongwen new TYPE [-o FILE]
//   gongwen export FILE.md [-o OUT.docx]
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

/**
 * `new` and `export` (templates, the .docx writer), loaded on first use. The
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

  路径可以是文件或目录（递归检查其中的 .md 和 .txt 文件）。
  类别：${CATEGORIES.join(', ')}
退出码：0 未发现错误；1 发现错误；2 用法错误或无法读取输入。`;

interface Args {
  command: string;
  paths: string[];
  format: 'text' | 'json';
  only?: Category[];
  config?: string;
  output?: string;
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
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 ${a}`);
    else args.paths.push(a);
  }
  return args;
}

export function formatOf(file: string): DocFormat {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}

/** Expand paths: files as given, directories recursively to their .md/.txt files. */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|markdown|txt)$/i.test(entry.name)) out.push(full);
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

function textReport(file: string, result: CheckResult): string[] {
  return result.findings.map((f) => {
    const p = positionAt(result.model.lineStarts, f.start);
    return `${file}:${p.line + 1}:${p.character + 1}  ${SEVERITY_TEXT[f.severity]}  ${f.message}  [${f.ruleId}]`;
  });
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

function runCheck(args: Args, out: (s: string) => void): number {
  if (!args.paths.length) throw new UsageError('请指定要检查的文件或目录');
  if (args.config && !fs.existsSync(args.config)) throw new InputError(`无法读取配置文件 ${args.config}：文件不存在`);
  const files = collectFiles(args.paths);
  const detectorWanted = !args.only || args.only.includes('typo');
  const cache = new Map<string, ResolvedConfig>();
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  const json: unknown[] = [];
  const lines: string[] = [];
  for (const file of files) {
    const text = readDraft(file);
    const config = configFor(file, args.config, cache);
    if (detectorWanted && config.enable && config.detector && text.length >= PARALLEL_MIN_CHARS) startDetectorThread();
    const result = check(text, { format: formatOf(file), config, only: args.only });
    for (const f of result.findings) counts[f.severity]++;
    for (const e of result.ruleErrors) process.stderr.write(`gongwen: 规则 ${e.ruleId} 在 ${file} 上出错，已跳过：${e.message.split('\n')[0]}\n`);
    // how the draft was read, when not as asked (stderr: the report format stays clean)
    if (result.model.notice) process.stderr.write(`gongwen: ${file}：${result.model.notice}\n`);
    if (result.model.frontMatterError) process.stderr.write(`gongwen: ${file}：${result.model.frontMatterError}\n`);
    if (args.format === 'json') json.push({ file, diagnostics: result.findings.map((f) => jsonFinding(f, result.model.lineStarts)) });
    else for (const l of textReport(file, result)) lines.push(l); // no spread: a huge report exceeds the argument limit
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
        return runCheck(args, out);
      case 'fix':
        return runFix(args, out);
      case 'new':
        return extra().runNew(args, out);
      case 'export':
        return await extra().runExport(args, out);
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
