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
  /** Whether the pattern is a right form of some entry (protects the text it covers). */
  protects: boolean;
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
    const slot = (s: string): PatternInfo => {
      let k = index.get(s);
      if (k === undefined) {
        k = texts.length;
        index.set(s, k);
        texts.push(s);
        patterns.push({ entries: [], protects: false });
      }
      return patterns[k];
    };
    for (const entry of active) {
      const compiled = compileEntry(entry);
      if (!compiled) continue;
      slot(entry.wrong).entries.push(compiled);
    }
    for (const entry of active) {
      for (const r of entry.right) {
        // A right form that is also a wrong form elsewhere does not protect.
        if (r.length > 0 && !index.has(r)) slot(r).protects = true;
      }
    }
    this.patterns = patterns;
    this.ac = new AhoCorasick(texts);
  }

  match(text: string, options: MatchOptions = {}): DictMatch[] {
    const candidates: DictMatch[] = [];
    const protectedSpans: number[] = []; // pairs start,end
    const patterns = this.patterns;
    this.ac.scan(text, (p, start, end) => {
      const info = patterns[p];
      if (info.protects) protectedSpans.push(start, end);
      for (const ce of info.entries) {
        if (conditionsHold(ce, text, start, end)) {
          candidates.push({ start, end, entry: ce.entry });
          break;
        }
      }
    });
    if (candidates.length === 0) return candidates;
    const accepted = options.acceptedWords ? [...options.acceptedWords].filter((w) => w.length > 0) : [];
    const kept = candidates.filter(
      (m) => !insideProtected(m, protectedSpans) && !insideAccepted(m, text, accepted),
    );
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
function insideProtected(m: DictMatch, spans: number[]): boolean {
  for (let k = 0; k < spans.length; k += 2) {
    const s = spans[k];
    const e = spans[k + 1];
    if (s <= m.start && m.end <= e && e - s > m.end - m.start) return true;
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
