// Template rendering. A template is a Markdown file in templates/ with YAML
// front matter (its metadata and field defaults) and fields written as
// `{{名称}}` or `{{名称:缺省内容}}`. One file serves three uses:
//
//   - snippet: VS Code snippet text, each field a tab stop `${n:缺省内容}`
//     (a field used twice is one linked tab stop);
//   - text: the CLI `gongwen new`, every field replaced by its default, which
//     is a visible placeholder (`××`) that structure/placeholder reports;
//   - filled: text with the values given (tests, a form).
//
// 成文日期 and 印发日期 default to today as `YYYY年M月D日`, 年份 to this year.
// Guidance is written as HTML comments, which are not prose; they are kept
// unless `guidance: false`.

import { parse as parseYaml } from 'yaml';
import type { DocType } from '../engine/types';

export interface TemplateMeta {
  /** The name a user picks: 通知, 商洽函, 复函, … */
  type: string;
  /** The statutory 文种 the document is. */
  docType: DocType;
  /** One line on when to use the type (条例 第八条), in Chinese. */
  when: string;
  /** Where the standard defines it. */
  clause: string;
  /** Other names that select the template (`函` → 商洽函). */
  aliases: string[];
  /** Field defaults declared in front matter. */
  fields: Record<string, string>;
}

export interface Template extends TemplateMeta {
  /** File name under templates/. */
  file: string;
  /** Template body without front matter. */
  body: string;
}

export type RenderMode = 'snippet' | 'text';

export interface RenderOptions {
  mode?: RenderMode;
  /** The date used for 成文日期, 印发日期 and 年份 (default: now). */
  today?: Date;
  /** Keep the guidance comments (default true; always false for plain text). */
  guidance?: boolean;
  /**
   * 'plaintext' renders for a .txt document: no `#` heading markers, no
   * comments, one line per element without blank lines (default 'markdown').
   */
  format?: 'markdown' | 'plaintext';
}

export interface Field {
  name: string;
  default: string;
}

const FIELD = /\{\{([^{}:\n]+?)(?::([^{}\n]*))?\}\}/g;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Parse a template file's text. Throws on a malformed file (a programming error: templates are bundled). */
export function parseTemplate(file: string, source: string): Template {
  const m = FRONT_MATTER.exec(source);
  if (!m) throw new Error(`template ${file}: missing front matter`);
  const meta = parseYaml(m[1]) as Record<string, unknown>;
  const str = (k: string) => {
    const v = meta[k];
    if (typeof v !== 'string' || !v.trim()) throw new Error(`template ${file}: front matter needs "${k}"`);
    return v.trim();
  };
  const fields: Record<string, string> = {};
  const rawFields = meta.fields;
  if (rawFields && typeof rawFields === 'object') {
    for (const [k, v] of Object.entries(rawFields as Record<string, unknown>)) fields[k] = String(v ?? '');
  }
  const aliases = Array.isArray(meta.aliases) ? (meta.aliases as unknown[]).map(String) : [];
  return {
    type: str('type'),
    docType: str('docType') as DocType,
    when: str('when'),
    clause: str('clause'),
    aliases,
    fields,
    file,
    body: source.slice(m[0].length).replace(/^\s*\n/, ''),
  };
}

/** `YYYY年M月D日`, without zero padding (GB/T 9704-2012 §7.3.5). */
export function formatDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** Defaults computed at render time. */
function dynamicDefault(name: string, today: Date): string | undefined {
  if (name === '成文日期' || name === '印发日期') return formatDate(today);
  if (name === '年份') return String(today.getFullYear());
  return undefined;
}

/** The fields of a template in order of first use, with their defaults. */
export function templateFields(t: Template, today: Date = new Date()): Field[] {
  const out: Field[] = [];
  const seen = new Set<string>();
  for (const m of t.body.matchAll(FIELD)) {
    const name = m[1].trim();
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, default: defaultOf(t, name, m[2], today) });
  }
  return out;
}

function defaultOf(t: Template, name: string, inline: string | undefined, today: Date): string {
  return dynamicDefault(name, today) ?? (inline !== undefined && inline !== '' ? inline : t.fields[name] ?? '××');
}

/** Escape literal snippet text: `$`, `}` and `\` are special in VS Code snippets. */
function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

function stripGuidance(body: string): string {
  return body
    .replace(/^[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\n{3,}/g, '\n\n');
}

/** Render a parsed template. `values` override the defaults field by field. */
export function render(t: Template, values: Record<string, string> = {}, opts: RenderOptions = {}): string {
  const mode = opts.mode ?? 'text';
  const today = opts.today ?? new Date();
  const plain = opts.format === 'plaintext';
  let body = opts.guidance === false || plain ? stripGuidance(t.body) : t.body;
  if (plain) body = body.replace(/^#{1,6}[ \t]+/gm, '').replace(/\n{2,}/g, '\n').replace(/^\n+/, '');
  if (mode === 'text') {
    return body.replace(FIELD, (_all, rawName: string, inline: string | undefined) => {
      const name = rawName.trim();
      return values[name] ?? defaultOf(t, name, inline, today);
    });
  }
  // snippet: literal text escaped, each field a tab stop, repeated fields linked
  const stops = new Map<string, number>();
  let out = '';
  let last = 0;
  for (const m of body.matchAll(FIELD)) {
    out += escapeSnippet(body.slice(last, m.index));
    const name = m[1].trim();
    let n = stops.get(name);
    if (n === undefined) {
      n = stops.size + 1;
      stops.set(name, n);
    }
    const value = values[name] ?? defaultOf(t, name, m[2], today);
    out += `\${${n}:${escapeSnippet(value)}}`;
    last = m.index! + m[0].length;
  }
  out += escapeSnippet(body.slice(last));
  body = out;
  return body;
}
