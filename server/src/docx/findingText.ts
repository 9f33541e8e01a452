// Whether an edit of a finding may become a tracked change: inside one
// paragraph, on characters read from the package, not on a generated
// numbering ordinal. Shared by the CLI's `review` and the VS Code command
// (through the lazily loaded dist/client-docx.js).

import type { DocxDraft } from './types';


/** Whether [start, end) of draft.text lies inside one paragraph and touches no generated character (numbering). */
export function editableIn(draft: DocxDraft, start: number, end: number): boolean {
  const starts = draft.paragraphStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  const p = draft.paragraphs[lo];
  if (!p) return false;
  const a = start - starts[lo];
  const b = end - starts[lo];
  if (a < 0 || b > p.text.length || a > b) return false;
  if (a === b) return (a > 0 && p.node[a - 1] >= 0) || (a < p.text.length && p.node[a] >= 0);
  for (let k = a; k < b; k++) if (p.node[k] < 0) return false;
  return true;
}
