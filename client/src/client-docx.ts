// The Word module (server/src/docx: jszip, saxes), bundled apart as
// dist/client-docx.js and loaded by client/src/docx.ts on the first review of
// a .docx only, so that activation does not load it.

export { readDocx } from '../../server/src/docx/read';
export { reviewDocxWithResult } from '../../server/src/docx/review';
export { editableIn } from '../../server/src/docx/findingText';
