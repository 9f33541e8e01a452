// The CLI's `new`, `export` and Word commands, bundled apart (dist/cli-extra.js)
// and loaded only when one of them runs (or a .docx is checked): `check` and
// `fix` of Markdown and plain text never load the .docx reader and writer
// (docx, jszip, @xmldom/xmldom) or the templates.

export { runNew } from './templates/cli-new';
export { runExport } from './export/cli-export';
export { readWordFile, runReview, runImport } from './cli-docx';
