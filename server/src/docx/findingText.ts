// Whether an edit of a finding may become a tracked change: inside one
// paragraph, on characters read from the package, not on a generated
// numbering ordinal. Shared by the CLI's `review` and the VS Code command
// (through the lazily loaded dist/client-docx.js).

import { locate } from './read';
import type { DocxDraft } from './types';


/** Whether [start, end) of draft.text lies inside one paragraph and touches no generated character (numbering). */
export function editableIn(draft: DocxDraft, start: number, end: number): boolean {
  const { paragraph } = locate(draft, start);
  const p = draft.paragraphs[paragraph];
  if (!p) return false;
  const a = start - draft.paragraphStarts[paragraph];
  const b = end - draft.paragraphStarts[paragraph];
  if (a < 0 || b > p.text.length || a > b) return false;
  if (a === b) return (a > 0 && p.node[a - 1] >= 0) || (a < p.text.length && p.node[a] >= 0);
  for (let k = a; k < b; k++) if (p.node[k] < 0) return false;
  return true;
}
