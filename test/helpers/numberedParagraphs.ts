/**
 * A long document for tests of large inputs: the given sentences in turn,
 * each numbered（第k条）so that no two paragraphs are the same, until the
 * paragraphs hold at least `minChars` characters.
 */
export function numberedParagraphs(base: readonly string[], minChars: number): string[] {
  const out: string[] = [];
  let total = 0;
  for (let k = 0; total < minChars; k++) {
    const p = `${base[k % base.length]}（第${k}条）`;
    out.push(p);
    total += p.length;
  }
  return out;
}
