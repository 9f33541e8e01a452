// The gov-docs corpus as one text, as every benchmark builds it: the .txt
// files in name order, BOM removed, line endings normalised, each ending in
// a newline, concatenated until at least `minChars` characters (measurement
// only; never a source of rules or data).

import fs from 'node:fs';
import path from 'node:path';

/** @returns {{ text: string, files: number }} */
export function govDocsText(corpusDir, minChars) {
  const names = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  const parts = [];
  let len = 0;
  for (const f of names) {
    let t = fs.readFileSync(path.join(corpusDir, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (!t.endsWith('\n')) t += '\n';
    parts.push(t);
    len += t.length;
    if (len >= minChars) break;
  }
  return { text: parts.join(''), files: parts.length };
}
