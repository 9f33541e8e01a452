// `gongwen export FILE.md [-o OUT.docx]`: the CLI face of the exporter.
// Wired in server/src/cli.ts through server/src/cli-extra.ts (loaded on demand).
// A draft with errors still exports; the errors are listed on stderr first.

import * as fs from 'node:fs';
import { check } from '../engine/index';
import { resolveConfigForFile } from '../engine/config';
import { positionAt } from '../engine/textModel';
import { exportFile, formatOfPath } from './index';

export interface ExportArgs {
  paths: string[];
  output?: string;
  config?: string;
}

export { EXPORT_HELP } from '../cli-util';

/** Returns the exit status: 0 exported, 2 bad usage or unreadable input or failed write. */
export async function runExport(
  args: ExportArgs,
  out: (s: string) => void,
  err: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): Promise<number> {
  if (args.paths.length !== 1) {
    err(`gongwen: ${args.paths.length ? '一次只能导出一个文件' : '请指定要导出的文件'}（gongwen export 文件.md [-o 输出.docx]）`);
    return 2;
  }
  const file = args.paths[0];
  let source: string;
  try {
    const buf = fs.readFileSync(file);
    if (buf.includes(0)) throw new Error('这是二进制文件，不是文本');
    source = new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\ufeff/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : (e as Error).message.includes('encoded data') ? '不是 UTF-8 编码的文本' : (e as Error).message;
    err(`gongwen: 无法导出 ${file}：${why}`);
    return 2;
  }

  // Warn about errors in the draft, then export anyway.
  try {
    const config = resolveConfigForFile(file, { explicitFile: args.config });
    const result = check(source, { format: formatOfPath(file), config });
    const errors = result.findings.filter((f) => f.severity === 'error');
    if (errors.length) {
      err(`gongwen: 警告：${file} 中还有 ${errors.length} 个错误，仍按原文导出：`);
      for (const f of errors) {
        const p = positionAt(result.model.lineStarts, f.start);
        err(`  ${file}:${p.line + 1}:${p.character + 1}  ${f.message}  [${f.ruleId}]`);
      }
    }
  } catch (e) {
    err(`gongwen: 检查 ${file} 时出错（仍继续导出）：${(e as Error).message}`);
  }

  try {
    const { out: written } = await exportFile(file, args.output);
    out(`已导出：${written}`);
    return 0;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '目标目录不存在' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EBUSY' ? '目标文件正被其他程序（如 Word）占用' : (e as Error).message;
    err(`gongwen: 导出失败：${why}`);
    return 2;
  }
}
