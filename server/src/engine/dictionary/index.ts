// Public API of the typo dictionary: loading, merging and compiled matchers.

import * as fs from 'node:fs';
import type { ConfigProblem } from '../types';
import { BUILTIN_FILES } from './builtin';
import type { DictEntry } from './format';
import { loadDictionary, mergeDictionaries, validateDictionary, type LoadedDictionary } from './loader';
import { DictionaryMatcher } from './matcher';

export * from './format';
export { loadDictionary, parseDictionary, validateDictionary, mergeDictionaries } from './loader';
export type { LoadedDictionary } from './loader';
export { DictionaryMatcher } from './matcher';
export type { DictMatch, MatchOptions } from './matcher';

/** Label used as `file` for built-in entries. */
export const BUILTIN_DIR = 'server/data/dictionary';

let builtin: LoadedDictionary | undefined;
let builtinMatcher: DictionaryMatcher | undefined;

/** The validated built-in entries (loaded once). */
export function getBuiltinDictionary(): LoadedDictionary {
  if (!builtin) {
    const entries: DictEntry[] = [];
    const problems: ConfigProblem[] = [];
    for (const f of BUILTIN_FILES) {
      const loaded = validateDictionary(f.data(), `${BUILTIN_DIR}/${f.name}`);
      entries.push(...loaded.entries);
      problems.push(...loaded.problems);
    }
    builtin = { entries, problems };
  }
  return builtin;
}

/** Compile entries into one matcher. */
export function buildMatcher(entries: readonly DictEntry[]): DictionaryMatcher {
  return new DictionaryMatcher(entries);
}

/** The built-in dictionary compiled once (lazy, cached). */
export function getBuiltinMatcher(): DictionaryMatcher {
  if (!builtinMatcher) builtinMatcher = buildMatcher(getBuiltinDictionary().entries);
  return builtinMatcher;
}

const fileCache = new Map<string, { mtimeMs: number; size: number; loaded: LoadedDictionary }>();
const mergedCache = new Map<string, DictionaryMatcher>();

function loadCached(path: string): LoadedDictionary {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (err) {
    fileCache.delete(path);
    return { entries: [], problems: [{ file: path, message: `无法读取词典文件：${(err as Error).message}` }] };
  }
  const hit = fileCache.get(path);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.loaded;
  const loaded = loadDictionary(path);
  fileCache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, loaded });
  return loaded;
}

/**
 * The matcher for the built-in dictionary merged with extra dictionaries
 * (absolute paths, in order; later ones override earlier ones by wrong form).
 * Files are cached by path and modification time.
 */
export function getMatcher(extraPaths: readonly string[] = []): { matcher: DictionaryMatcher; problems: ConfigProblem[] } {
  if (extraPaths.length === 0) return { matcher: getBuiltinMatcher(), problems: [] };
  const loaded = extraPaths.map((p) => ({ path: p, dict: loadCached(p) }));
  const key = loaded.map((l) => `${l.path}\u0000${fileCache.get(l.path)?.mtimeMs ?? 'x'}`).join('\u0001');
  const problems = loaded.flatMap((l) => l.dict.problems);
  let matcher = mergedCache.get(key);
  if (!matcher) {
    matcher = buildMatcher(mergeDictionaries([getBuiltinDictionary().entries, ...loaded.map((l) => l.dict.entries)]));
    if (mergedCache.size > 16) mergedCache.clear();
    mergedCache.set(key, matcher);
  }
  return { matcher, problems };
}

/** Problems of the extra dictionaries (for the engine's `problems` list). */
export function dictionaryProblems(extraPaths: readonly string[]): ConfigProblem[] {
  return getMatcher(extraPaths).problems;
}
