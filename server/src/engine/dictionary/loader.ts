// Reading and validating dictionary files. Never throws: every problem
// becomes a ConfigProblem naming the file and the entry.

import * as fs from 'node:fs';
import type { ConfigProblem } from '../types';
import { compileCondition } from './conditions';
import { DICT_LEVELS, type DictEntry, type RawLevel } from './format';

export interface LoadedDictionary {
  entries: DictEntry[];
  problems: ConfigProblem[];
}

const CONDITION_KEYS = ['precededBy', 'followedBy', 'notPrecededBy', 'notFollowedBy'] as const;
const KNOWN_KEYS = new Set([
  'wrong',
  'right',
  'level',
  'note',
  'source',
  'examples',
  'id',
  ...CONDITION_KEYS,
]);

/** Read and validate a dictionary file (JSON). */
export function loadDictionary(path: string): LoadedDictionary {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    return { entries: [], problems: [{ file: path, message: `无法读取词典文件：${(err as Error).message}` }] };
  }
  return parseDictionary(text, path);
}

/** Parse dictionary JSON text; `file` names it in problems. */
export function parseDictionary(text: string, file: string): LoadedDictionary {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { entries: [], problems: [{ file, message: `词典不是有效的 JSON：${(err as Error).message}` }] };
  }
  return validateDictionary(data, file);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Validate parsed dictionary data. Invalid entries are skipped and reported. */
export function validateDictionary(data: unknown, file: string): LoadedDictionary {
  const problems: ConfigProblem[] = [];
  let list: unknown[];
  let defaultSource = 'user';
  if (Array.isArray(data)) {
    list = data;
  } else if (data && typeof data === 'object' && Array.isArray((data as { entries?: unknown }).entries)) {
    list = (data as { entries: unknown[] }).entries;
    const src = (data as { source?: unknown }).source;
    if (typeof src === 'string' && src.length > 0) defaultSource = src;
  } else {
    return { entries: [], problems: [{ file, message: '词典应为条目数组，或含 "entries" 数组的对象' }] };
  }
  const entries: DictEntry[] = [];
  list.forEach((raw, index) => {
    const where = (wrong?: string) => `第 ${index + 1} 条${wrong ? `（“${wrong}”）` : ''}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ file, message: `${where()}不是对象` });
      return;
    }
    const r = raw as Record<string, unknown>;
    const wrong = typeof r.wrong === 'string' ? r.wrong : undefined;
    const errors: string[] = [];
    if (wrong === undefined || wrong.length === 0) errors.push('缺少 "wrong"（错误写法）');
    let right: string[] = [];
    if (typeof r.right === 'string') right = [r.right];
    else if (isStringArray(r.right)) right = r.right;
    else errors.push('缺少 "right"（正确写法，字符串或字符串数组）');
    const level = r.level as RawLevel;
    if (right.length === 0 && level !== 'off' && !errors.length) errors.push('"right" 不能为空');
    if (right.some((x) => x.length === 0)) errors.push('"right" 中有空字符串');
    if (wrong !== undefined && right.includes(wrong)) errors.push('"right" 与 "wrong" 相同');
    if (!DICT_LEVELS.includes(level)) errors.push(`"level" 应为 error、warning、info 或 off，而不是 ${JSON.stringify(r.level)}`);
    if (r.note !== undefined && typeof r.note !== 'string') errors.push('"note" 应为字符串');
    if (r.source !== undefined && typeof r.source !== 'string') errors.push('"source" 应为字符串');
    if (r.id !== undefined && typeof r.id !== 'string') errors.push('"id" 应为字符串');
    for (const key of CONDITION_KEYS) {
      const v = r[key];
      if (v === undefined) continue;
      if (!isStringArray(v) || v.length === 0) {
        errors.push(`"${key}" 应为非空字符串数组`);
        continue;
      }
      const c = compileCondition(v, key === 'precededBy' || key === 'notPrecededBy' ? 'before' : 'after');
      if (typeof c === 'string') errors.push(`"${key}"：${c}`);
    }
    const bad: string[] = [];
    const good: string[] = [];
    if (r.examples !== undefined) {
      const ex = r.examples as Record<string, unknown>;
      if (!ex || typeof ex !== 'object' || Array.isArray(ex)) errors.push('"examples" 应为 {"bad": [...], "good": [...]}');
      else {
        if (ex.bad !== undefined) {
          if (isStringArray(ex.bad)) bad.push(...ex.bad);
          else errors.push('"examples.bad" 应为字符串数组');
        }
        if (ex.good !== undefined) {
          if (isStringArray(ex.good)) good.push(...ex.good);
          else errors.push('"examples.good" 应为字符串数组');
        }
      }
    }
    const unknown = Object.keys(r).filter((k) => !KNOWN_KEYS.has(k));
    if (unknown.length) errors.push(`未知字段 ${unknown.map((k) => `"${k}"`).join('、')}`);
    if (errors.length) {
      problems.push({ file, message: `${where(wrong)}：${errors.join('；')}` });
      return;
    }
    const entry: DictEntry = {
      wrong: wrong!,
      right,
      level,
      note: typeof r.note === 'string' ? r.note : '',
      source: typeof r.source === 'string' ? r.source : defaultSource,
      examples: { bad, good },
      file,
      index,
    };
    for (const key of CONDITION_KEYS) if (r[key] !== undefined) entry[key] = r[key] as string[];
    if (typeof r.id === 'string') entry.id = r.id;
    entries.push(entry);
  });
  return { entries, problems };
}

/**
 * Merge dictionaries in order: a later dictionary's entries for a wrong form
 * replace every earlier entry for the same wrong form (level `off` removes them).
 */
export function mergeDictionaries(lists: ReadonlyArray<readonly DictEntry[]>): DictEntry[] {
  let merged: DictEntry[] = [];
  for (const list of lists) {
    if (merged.length === 0) {
      merged = [...list];
      continue;
    }
    const overridden = new Set(list.map((e) => e.wrong));
    merged = merged.filter((e) => !overridden.has(e.wrong)).concat(list.filter((e) => e.level !== 'off'));
  }
  return merged.filter((e) => e.level !== 'off');
}
