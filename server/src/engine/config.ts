// Configuration: `.gongwenrc.json` (found by walking up from the checked
// file), layered over defaults and editor settings. The CLI and the server
// read the same file, so the editor and a CI run agree.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ConfigProblem, Severity } from './types';

export const CONFIG_FILE_NAME = '.gongwenrc.json';

/** A rule or category setting: off, a severity, or an object. */
export type RuleSetting =
  | boolean
  | 'off'
  | Severity
  | { enabled?: boolean; severity?: Severity; options?: Record<string, unknown> };

/** The user-facing configuration shape (file, settings). */
export interface GongwenConfig {
  enable?: boolean;
  /** Keys: a rule id (`punctuation/fullwidth`) or a category (`typo`). */
  rules?: Record<string, RuleSetting>;
  /** Extra dictionaries (paths relative to the config file). */
  dictionaries?: string[];
  /** Words never reported as typos. */
  acceptedWords?: string[];
  /** The statistical confusable-character detector. */
  detector?: boolean;
}

/** Configuration after layering, with absolute dictionary paths. */
export interface ResolvedConfig {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  dictionaries: string[];
  acceptedWords: string[];
  detector: boolean;
  /** Config files that contributed, nearest last. */
  files: string[];
  problems: ConfigProblem[];
}

export function defaultConfig(): ResolvedConfig {
  return { enable: true, rules: {}, dictionaries: [], acceptedWords: [], detector: true, files: [], problems: [] };
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** Check a parsed object's shape; returns the valid part and the problems. */
export function validateConfig(raw: unknown, file: string): { config: GongwenConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: GongwenConfig = {};
  const problem = (message: string) => problems.push({ file, message });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problem('配置应为 JSON 对象');
    return { config, problems };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    switch (key) {
      case '$schema':
        break;
      case 'enable':
      case 'detector':
        if (typeof value === 'boolean') config[key] = value;
        else problem(`“${key}”应为 true 或 false`);
        break;
      case 'dictionaries':
      case 'acceptedWords':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) config[key] = value as string[];
        else problem(`“${key}”应为字符串数组`);
        break;
      case 'rules':
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          config.rules = {};
          for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
            if (isRuleSetting(setting)) config.rules[id] = setting;
            else problem(`规则“${id}”的设置无效：应为 "off"、"error"、"warning"、"info"、"hint"、true、false 或对象`);
          }
        } else problem('“rules”应为对象');
        break;
      default:
        problem(`未知的配置项“${key}”`);
    }
  }
  return { config, problems };
}

function isRuleSetting(v: unknown): v is RuleSetting {
  if (typeof v === 'boolean' || v === 'off') return true;
  if (typeof v === 'string') return SEVERITIES.has(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (o.enabled !== undefined && typeof o.enabled !== 'boolean') return false;
    if (o.severity !== undefined && !SEVERITIES.has(String(o.severity))) return false;
    if (o.options !== undefined && (typeof o.options !== 'object' || o.options === null)) return false;
    return true;
  }
  return false;
}

/** Parse a config file's text (JSON with comments allowed). Never throws. */
export function parseConfigText(text: string, file: string): { config: GongwenConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const raw = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const col = e.offset - before.lastIndexOf('\n');
    return {
      config: {},
      problems: [{ file, message: `JSON 语法错误（第 ${line} 行第 ${col} 列：${printParseErrorCode(e.error)}），已改用默认配置` }],
    };
  }
  return validateConfig(raw, file);
}

/** Read and parse a config file. An unreadable file is a problem, not a throw. */
export function loadConfigFile(file: string): { config: GongwenConfig; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { config: {}, problems: [{ file, message: `无法读取配置文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }] };
  }
  const parsed = parseConfigText(text, file);
  // dictionary paths are relative to the file that names them
  if (parsed.config.dictionaries)
    parsed.config.dictionaries = parsed.config.dictionaries.map((d) => path.resolve(path.dirname(file), d));
  return parsed;
}

/** The nearest `.gongwenrc.json` at or above `startDir`, if any. */
export function findConfigFile(startDir: string, stopAt?: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    if (stopAt && path.resolve(stopAt) === dir) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Layer configurations: later layers override earlier ones. Rule settings
 * merge by key; lists (dictionaries, accepted words) accumulate.
 */
export function layerConfig(layers: Array<{ config: GongwenConfig; file?: string; problems?: ConfigProblem[] }>): ResolvedConfig {
  const out = defaultConfig();
  for (const { config, file, problems } of layers) {
    if (config.enable !== undefined) out.enable = config.enable;
    if (config.detector !== undefined) out.detector = config.detector;
    if (config.rules) Object.assign(out.rules, config.rules);
    if (config.dictionaries) out.dictionaries.push(...config.dictionaries.filter((d) => !out.dictionaries.includes(d)));
    if (config.acceptedWords) out.acceptedWords.push(...config.acceptedWords);
    if (file) out.files.push(file);
    if (problems) out.problems.push(...problems);
  }
  return out;
}

/** Configuration for checking `filePath`: defaults < base layers < the nearest project file (or an explicit one). */
export function resolveConfigForFile(
  filePath: string | undefined,
  opts: { explicitFile?: string; base?: GongwenConfig[] } = {},
): ResolvedConfig {
  const layers: Array<{ config: GongwenConfig; file?: string; problems?: ConfigProblem[] }> = (opts.base ?? []).map(
    (config) => ({ config }),
  );
  const file = opts.explicitFile ?? (filePath ? findConfigFile(path.dirname(path.resolve(filePath))) : undefined);
  if (file) {
    const loaded = loadConfigFile(file);
    layers.push({ config: loaded.config, file, problems: loaded.problems });
  }
  return layerConfig(layers);
}
