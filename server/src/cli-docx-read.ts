// Reading a Word file for the CLI: the bytes, then the reader (server/src/docx/read.ts).
// A module of its own, so that `gongwen check FILE.docx` loads the reader
// (jszip, saxes) and not the writer of comments, the importer or the
// exporter (cli-extra.ts requires each command's module on first use).

import * as fs from 'node:fs';
import { readDocx } from './docx/read';
import { DocxError, type DocxDraft } from './docx/types';

/** Word files the reader takes when named on the command line (.doc and .dot are refused by it with a clear message). */
export const WORD_PATH_RE = /\.(docx|docm|dotx|dotm|doc|dot)$/i;

/** Read a Word file; a missing file, an unreadable one or one that is not a .docx throws an Error named 'DocxError' (one line naming the file). */
export async function readWordFile(file: string, verb = '检查'): Promise<DocxDraft> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : code === 'EISDIR' ? '这是一个目录' : (code ?? (e as Error).message);
    throw new DocxError(`无法读取 ${file}：${why}`);
  }
  try {
    return await readDocx(bytes);
  } catch (e) {
    if (e instanceof DocxError) throw new DocxError(`无法${verb} ${file}：${e.message}`);
    // anything else the reader did not foresee is still one line about this file
    throw new DocxError(`无法${verb} ${file}：Word 文档无法读取（${String((e as Error)?.message ?? e).split('\n')[0]}）`);
  }
}
