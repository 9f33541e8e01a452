// Word lists (`gongwen.acceptedWords`): merging without losing entries. Pure.

/** The words of all lists, trimmed, without empty entries or repeats, in first-seen order. */
export function mergeWords(...lists: Array<readonly unknown[] | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const w of list) {
      if (typeof w !== 'string') continue;
      const t = w.trim();
      if (!t || seen.has(t)) continue;
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}
