// The .docx exporter (server/src/export: docx, jszip, the Markdown parser),
// bundled apart as dist/client-export.js and loaded by client/src/exportDocx.ts
// on the first export only, so that activation does not load it.

export { exportDocx, defaultOutPath } from '../../server/src/export/index';
