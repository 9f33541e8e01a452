// `gongwen new TYPE [-o FILE]`: a new document from a template, with visible
// placeholders (××) for the fields and today's date. Prints to stdout, or
// writes FILE (never overwriting an existing file).

import * as fs from 'node:fs';
import { writeFileAtomic } from '../cli-util';
import { listTemplates, newDocument } from './index';

export interface NewArgs {
  paths: string[];
  output?: string;
}

/** The help text's list of types, one per line. */
export function templateListText(): string {
  return listTemplates()
    .map((t) => `  ${t.type}\t${t.when}`)
    .join('\n');
}

function fail(message: string): number {
  process.stderr.write(`gongwen: ${message}\n`);
  return 2;
}

export function runNew(args: NewArgs, out: (s: string) => void): number {
  if (args.paths.length !== 1) {
    return fail(`用法：gongwen new 文种 [-o 文件]。可用的文种：\n${templateListText()}`);
  }
  const result = newDocument(args.paths[0]);
  if ('error' in result) return fail(result.error);
  if (!args.output) {
    out(result.text.replace(/\n$/, ''));
    return 0;
  }
  if (fs.existsSync(args.output)) return fail(`${args.output} 已存在，不覆盖`);
  try {
    writeFileAtomic(args.output, result.text);
  } catch (e) {
    return fail(`无法写入 ${args.output}：${(e as Error).message}`);
  }
  out(`已生成 ${args.output}（${args.paths[0]}模板），请替换其中的“××”等占位内容`);
  return 0;
}
