// The typo-dictionary format: plain JSON that users can write too.
// See docs/dictionary.md for the user-facing description.

export type DictLevel = 'error' | 'warning' | 'info';

/** Level `off` in a user dictionary disables every earlier entry with the same wrong form. */
export type RawLevel = DictLevel | 'off';

export const DICT_LEVELS: readonly RawLevel[] = ['error', 'warning', 'info', 'off'];

/**
 * A context condition: a list of items, each either a literal string or a
 * one-character class written `[...]` (ranges `a-z`, negation `[^...]`,
 * escapes `\]` `\\` `\-`, and `\d` for ASCII and full-width digits).
 * `^` (in precededBy lists) means the start of the text block and `$` (in
 * followedBy lists) its end.
 */
export type ConditionList = readonly string[];

/** What a dictionary file holds for one entry. */
export interface RawEntry {
  /** The wrong form, as it appears in text. */
  wrong: string;
  /** The right form or forms, best first. */
  right: string | string[];
  level: RawLevel;
  /** Chinese note shown to the user after the message. */
  note?: string;
  /** Where the entry comes from, e.g. `gongwen`, `billowsand-gongwen`. */
  source?: string;
  /** The match counts only when one of these items directly precedes it. */
  precededBy?: ConditionList;
  /** The match counts only when one of these items directly follows it. */
  followedBy?: ConditionList;
  /** The match is ignored when one of these items directly precedes it. */
  notPrecededBy?: ConditionList;
  /** The match is ignored when one of these items directly follows it. */
  notFollowedBy?: ConditionList;
  /** Sentences that must produce this entry's finding (`bad`) and must not (`good`). */
  examples?: { bad?: string[]; good?: string[] };
  /** Optional stable identifier. */
  id?: string;
}

/** A dictionary file: either `{ "entries": [...] }` (with optional defaults) or a bare array. */
export interface RawDictionary {
  /** Default `source` for entries that have none. */
  source?: string;
  /** Free text describing the file. */
  description?: string;
  entries: RawEntry[];
}

/** A validated entry, ready to compile. */
export interface DictEntry {
  wrong: string;
  right: string[];
  level: DictLevel | 'off';
  note: string;
  source: string;
  precededBy?: ConditionList;
  followedBy?: ConditionList;
  notPrecededBy?: ConditionList;
  notFollowedBy?: ConditionList;
  examples: { bad: string[]; good: string[] };
  id?: string;
  /** The file the entry was read from (for messages and test reports). */
  file: string;
  /** 0-based index of the entry in its file. */
  index: number;
}

export function isConditional(e: DictEntry): boolean {
  return !!(e.precededBy || e.followedBy || e.notPrecededBy || e.notFollowedBy);
}

/** Whether a fix for this entry may be applied by fix-all. */
export function isSafeEntry(e: DictEntry): boolean {
  return e.level === 'error' && !isConditional(e) && e.right.length === 1;
}

/**
 * The example sentence used for entries that have no `bad` example: the wrong
 * form quoted inside a short sentence, so that no neighbouring character
 * forms a word with it.
 */
export function generatedBadExample(wrong: string): string {
  return `文中“${wrong}”一处有误。`;
}
