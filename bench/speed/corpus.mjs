// The benchmark documents: the gov-docs corpus concatenated in sorted file
// order and cut to 10k, 100k and 1M characters (UTF-16 code units).
// Plain text (.txt) as the corpus is; the Markdown variant (.md) writes each
// non-empty line as a paragraph of its own (a blank line between), as a draft
// written in Markdown has one paragraph per 自然段.
// The corpus is used for measuring only.

import fs from 'node:fs';
import path from 'node:path';
import { govDocsText } from '../gov-docs.mjs';

export const SIZES = [10_000, 100_000, 1_000_000];

export function sizeLabel(n) {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`;
}

/** Cut at n code units, never inside a surrogate pair. */
function cut(text, n) {
  let end = Math.min(n, text.length);
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end);
}

export function buildCorpus(corpusDir, outDir, sizes = SIZES) {
  // enough for both variants
  const { text: txt, files: used } = govDocsText(corpusDir, 2.2 * Math.max(...sizes));
  const md = txt
    .split('\n')
    .filter((l) => l.trim())
    .join('\n\n');
  fs.mkdirSync(outDir, { recursive: true });
  const docs = {};
  for (const n of sizes) {
    const label = sizeLabel(n);
    for (const [ext, text] of [['txt', txt], ['md', md]]) {
      const file = path.join(outDir, `gov-${label}.${ext}`);
      const body = cut(text, n);
      if (body.length < n - 1) throw new Error(`corpus too small for ${label}`);
      fs.writeFileSync(file, body);
      docs[`${label}.${ext}`] = { file, chars: body.length, label, ext };
    }
  }
  return { docs, files: used, warmup: cut(txt.slice(txt.length - 30_000), 20_000) };
}
