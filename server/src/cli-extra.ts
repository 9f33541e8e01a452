// The CLI's `new`, `export` and Word commands, bundled apart (dist/cli-extra.js)
// and loaded only when one of them runs (or a Word file is checked): `check`
// and `fix` of Markdown and plain text never load the .docx reader and writer
// (docx, jszip, saxes) or the templates.
//
// Inside this bundle each command's module is required on first use (esbuild
// initialises a required module lazily): checking a .docx evaluates the
// reader only, not the exporter's `docx` package, the templates or the
// writer of comments.

/* eslint-disable @typescript-eslint/no-require-imports */
import type * as New from './templates/cli-new';
import type * as Export from './export/cli-export';
import type * as DocxRead from './cli-docx-read';
import type * as Docx from './cli-docx';

export const runNew: typeof New.runNew = (...a) => (require('./templates/cli-new') as typeof New).runNew(...a);
export const runExport: typeof Export.runExport = (...a) => (require('./export/cli-export') as typeof Export).runExport(...a);
export const readWordFile: typeof DocxRead.readWordFile = (...a) => (require('./cli-docx-read') as typeof DocxRead).readWordFile(...a);
export const runReview: typeof Docx.runReview = (...a) => (require('./cli-docx') as typeof Docx).runReview(...a);
export const runImport: typeof Docx.runImport = (...a) => (require('./cli-docx') as typeof Docx).runImport(...a);
