// The whole dictionary compiled into one Aho-Corasick automaton and matched
// in one pass: wrong forms produce candidates, right forms protect the text
// they cover, conditions are checked at the match site.

import { AhoCorasick } from './aho-corasick';
import { compileCondition, holdsAfter, holdsBefore, type CompiledCondition } from './conditions';
import type { DictEntry } from './format';

export interface DictMatch {
  start: number;
  end: number;
  entry: DictEntry;
}

export interface MatchOptions {
  /** Words the user accepted: a match lying inside an occurrence is dropped. */
  acceptedWords?: Iterable<string>;
}

interface CompiledEntry {
  entry: DictEntry;
  precededBy?: CompiledCondition;
  followedBy?: CompiledCondition;
  notPrecededBy?: CompiledCondition;
  notFollowedBy?: CompiledCondition;
}

interface PatternInfo {
  /** Entries whose wrong form is this pattern, in dictionary order. */
  entries: CompiledEntry[];
  /**
   * Longer right forms of any entry that contain this wrong form, with the
   * offset of the wrong form inside them: an occurrence of one of them around
   * a match protects it. Right forms that are wrong forms elsewhere do not protect.
   */
  covers: Array<{ text: string; offset: number }>;
}

export class DictionaryMatcher {
  private readonly ac: AhoCorasick;
  private readonly patterns: PatternInfo[];
  readonly entries: readonly DictEntry[];

  /**
   * Entries with level `off` are left out. Entries whose conditions do not
   * compile are left out too (the loader reports them).
   */
  constructor(entries: readonly DictEntry[]) {
    const active = entries.filter((e) => e.level !== 'off');
    this.entries = active;
    const index = new Map<string, number>();
    const patterns: PatternInfo[] = [];
    const texts: string[] = [];
    for (const entry of active) {
      const compiled = compileEntry(entry);
      if (!compiled) continue;
      let k = index.get(entry.wrong);
      if (k === undefined) {
        k = texts.length;
        index.set(entry.wrong, k);
        texts.push(entry.wrong);
        patterns.push({ entries: [], covers: [] });
      }
      patterns[k].entries.push(compiled);
    }
    this.patterns = patterns;
    // Only wrong forms go into the automaton; right forms are checked at the
    // (rare) match sites through the wrong forms they contain.
    this.ac = new AhoCorasick(texts);
    const rights = new Set<string>();
    for (const entry of active) for (const r of entry.right) if (r.length > 0 && !index.has(r)) rights.add(r);
    for (const r of rights) {
      this.ac.scan(r, (p, start, end) => {
        if (end - start < r.length) patterns[p].covers.push({ text: r, offset: start });
      });
    }
  }

  match(text: string, options: MatchOptions = {}): DictMatch[] {
    const candidates: DictMatch[] = [];
    const patterns = this.patterns;
    this.ac.scan(text, (p, start, end) => {
      const info = patterns[p];
      for (const ce of info.entries) {
        if (conditionsHold(ce, text, start, end)) {
          if (!covered(info, text, start)) candidates.push({ start, end, entry: ce.entry });
          break;
        }
      }
    });
    if (candidates.length === 0) return candidates;
    const accepted = options.acceptedWords ? [...options.acceptedWords].filter((w) => w.length > 0) : [];
    const kept = accepted.length ? candidates.filter((m) => !insideAccepted(m, text, accepted)) : candidates;
    // Overlaps: longest wins, then leftmost.
    kept.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const chosen: DictMatch[] = [];
    for (const m of kept) {
      if (chosen.every((c) => m.end <= c.start || m.start >= c.end)) chosen.push(m);
    }
    chosen.sort((a, b) => a.start - b.start);
    return chosen;
  }
}

function compileEntry(entry: DictEntry): CompiledEntry | undefined {
  const ce: CompiledEntry = { entry };
  const sides = [
    ['precededBy', 'before'],
    ['notPrecededBy', 'before'],
    ['followedBy', 'after'],
    ['notFollowedBy', 'after'],
  ] as const;
  for (const [key, side] of sides) {
    const list = entry[key];
    if (!list) continue;
    const c = compileCondition(list, side);
    if (typeof c === 'string') return undefined;
    ce[key] = c;
  }
  return ce;
}

function conditionsHold(ce: CompiledEntry, text: string, start: number, end: number): boolean {
  if (ce.precededBy && !holdsBefore(ce.precededBy, text, start)) return false;
  if (ce.followedBy && !holdsAfter(ce.followedBy, text, end)) return false;
  if (ce.notPrecededBy && holdsBefore(ce.notPrecededBy, text, start)) return false;
  if (ce.notFollowedBy && holdsAfter(ce.notFollowedBy, text, end)) return false;
  return true;
}

/** A match strictly inside a longer occurrence of a known right form does not fire. */
function covered(info: PatternInfo, text: string, start: number): boolean {
  for (const c of info.covers) {
    const s = start - c.offset;
    if (s >= 0 && text.startsWith(c.text, s)) return true;
  }
  return false;
}

function insideAccepted(m: DictMatch, text: string, accepted: readonly string[]): boolean {
  for (const w of accepted) {
    const len = w.length;
    if (len < m.end - m.start) continue;
    const from = Math.max(0, m.end - len);
    for (let p = from; p <= m.start; p++) {
      if (text.startsWith(w, p)) return true;
    }
  }
  return false;
}
