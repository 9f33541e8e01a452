// The document templates (templates/*.md), bundled as text, and the entry
// points for the client (snippets), the CLI (`gongwen new`) and tests.

import './md-require-hook';
import tongzhi from '../../../templates/通知.md';
import qingshi from '../../../templates/请示.md';
import baogao from '../../../templates/报告.md';
import shangqiaHan from '../../../templates/商洽函.md';
import fuHan from '../../../templates/复函.md';
import pifu from '../../../templates/批复.md';
import yijian from '../../../templates/意见.md';
import tongbao from '../../../templates/通报.md';
import tonggao from '../../../templates/通告.md';
import jueding from '../../../templates/决定.md';
import jiyao from '../../../templates/纪要.md';
import { parseTemplate, render, templateFields, type Field, type RenderOptions, type Template } from './engine';

export type { Field, RenderMode, RenderOptions, Template, TemplateMeta } from './engine';
export { formatDate } from './engine';

const SOURCES: Array<[string, string]> = [
  ['通知.md', tongzhi],
  ['请示.md', qingshi],
  ['报告.md', baogao],
  ['商洽函.md', shangqiaHan],
  ['复函.md', fuHan],
  ['批复.md', pifu],
  ['意见.md', yijian],
  ['通报.md', tongbao],
  ['通告.md', tonggao],
  ['决定.md', jueding],
  ['纪要.md', jiyao],
];

let parsed: Template[] | undefined;

/** All templates, parsed once, in menu order. */
export function templates(): Template[] {
  parsed ??= SOURCES.map(([file, text]) => parseTemplate(file, text));
  return parsed;
}

export interface TemplateListing {
  /** The name to pick it by: 通知, 商洽函, 复函, … */
  type: string;
  /** The statutory 文种. */
  docType: string;
  /** File name under templates/. */
  file: string;
  /** One line in Chinese: when to use the type. */
  when: string;
  clause: string;
}

/** The templates for a menu (QuickPick) or `gongwen new --list`. */
export function listTemplates(): TemplateListing[] {
  return templates().map((t) => ({ type: t.type, docType: t.docType, file: t.file, when: t.when, clause: t.clause }));
}

/** The template for a type name or alias (`函` → 商洽函, `会议纪要` → 纪要); undefined if none. */
export function findTemplate(type: string): Template | undefined {
  const name = type.trim().replace(/\.md$/i, '');
  return templates().find((t) => t.type === name || t.aliases.includes(name));
}

/** The fields of a template with their defaults, in order of first use. */
export function fieldsOf(type: string, today?: Date): Field[] {
  const t = findTemplate(type);
  if (!t) throw new Error(`unknown template type: ${type}`);
  return templateFields(t, today);
}

/**
 * Render a template. mode 'text' (default) replaces each field by its value
 * or default placeholder; mode 'snippet' returns VS Code snippet text with a
 * tab stop per field. Throws on an unknown type.
 */
export function renderTemplate(type: string, values: Record<string, string> = {}, opts: RenderOptions = {}): string {
  const t = findTemplate(type);
  if (!t) throw new Error(`unknown template type: ${type}`);
  return render(t, values, opts);
}

function typeNames(): string {
  return templates()
    .map((t) => t.type)
    .join('、');
}

/**
 * `gongwen new TYPE`: the template rendered with its defaults (placeholders
 * to fill in, today's date), or a Chinese error message for an unknown type.
 */
export function newDocument(type: string, opts: Omit<RenderOptions, 'mode'> & { values?: Record<string, string> } = {}): { text: string } | { error: string } {
  if (!type || !type.trim()) return { error: `请指定文种，可用：${typeNames()}` };
  const t = findTemplate(type);
  if (!t) return { error: `没有“${type}”的模板，可用：${typeNames()}` };
  return { text: render(t, opts.values ?? {}, { ...opts, mode: 'text' }) };
}
