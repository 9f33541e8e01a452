// The CLI's `new` and `export` commands, bundled apart (dist/cli-extra.js) and
// loaded only when one of them runs: `check` and `fix` never load the .docx
// writer (docx, jszip) or the templates.

export { runNew } from './templates/cli-new';
export { runExport } from './export/cli-export';
