// Generates, from rule metadata: docs/rules.md, the rule table in README.md
// (between the gongwen-rules markers) and schemas/gongwenrc.schema.json.
// `--check` fails when a committed file is stale (run by npm test).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listRules } from '../server/src/engine/registry';
import { CATEGORIES } from '../server/src/engine/types';

const root = path.resolve(__dirname, '..');
const CATEGORY_NAMES: Record<string, string> = {
  typo: '错别字', punctuation: '标点符号', number: '数字用法', structure: '公文要素', heading: '层次序数', doctype: '文种', wording: '用语',
};
const SEVERITY_NAMES: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '提示' };

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function rulesByCategory() {
  const rules = listRules();
  return CATEGORIES.map((c) => ({ c, rules: rules.filter((r) => r.meta.category === c).sort((a, b) => a.meta.id.localeCompare(b.meta.id)) })).filter((g) => g.rules.length);
}

export function renderTable(): string {
  const rows = ['| 规则 | 类别 | 默认级别 | 一键修复 | 说明 | 依据 |', '|---|---|---|---|---|---|'];
  for (const { c, rules } of rulesByCategory())
    for (const r of rules)
      rows.push(`| \`${r.meta.id}\` | ${CATEGORY_NAMES[c]} | ${SEVERITY_NAMES[r.meta.severity]} | ${r.meta.safeFix ? '✔' : ''} | ${esc(r.meta.description)} | ${esc(r.meta.clause)} |`);
  return rows.join('\n');
}

export function renderRulesDoc(): string {
  const out = ['# 规则一览（Rules）', '', '本文件由 `scripts/gen-docs.ts` 根据规则元数据生成，请勿手工编辑。', ''];
  for (const { c, rules } of rulesByCategory()) {
    out.push(`## ${CATEGORY_NAMES[c]}（${c}）`, '');
    for (const r of rules) {
      const m = r.meta;
      out.push(`### \`${m.id}\``, '', m.description, '');
      out.push(`- 默认级别：${SEVERITY_NAMES[m.severity]}`);
      out.push(`- 一键修复（fix-all）：${m.safeFix ? '是' : '否'}`);
      out.push(`- 依据：${m.clause}`);
      if (m.details) out.push('', m.details);
      if (m.examples?.length) {
        out.push('', '| 错误写法 | 正确写法 |', '|---|---|');
        for (const e of m.examples) out.push(`| ${esc(e.bad)} | ${esc(e.good)} |`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

export function renderSchema(): string {
  const setting = {
    anyOf: [
      { type: 'boolean' },
      { enum: ['off', 'error', 'warning', 'info', 'hint'] },
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          enabled: { type: 'boolean' },
          severity: { enum: ['error', 'warning', 'info', 'hint'] },
          options: { type: 'object' },
        },
      },
    ],
  };
  const ruleProps: Record<string, unknown> = {};
  for (const c of CATEGORIES) ruleProps[c] = { ...setting, description: `类别：${CATEGORY_NAMES[c]}` };
  for (const r of listRules()) ruleProps[r.meta.id] = { ...setting, description: `${r.meta.description}（${r.meta.clause}）` };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '公文助手配置（.gongwenrc.json）',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      enable: { type: 'boolean', description: '是否启用检查' },
      rules: { type: 'object', description: '按规则编号或类别设置：off、严重程度、true/false 或对象', properties: ruleProps, additionalProperties: false },
      dictionaries: { type: 'array', items: { type: 'string' }, description: '附加词典的路径（相对于本文件）' },
      acceptedWords: { type: 'array', items: { type: 'string' }, description: '不报告为错别字的词语' },
      detector: { type: 'boolean', description: '是否启用形近音近字统计检测' },
    },
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

const BEGIN = '<!-- gongwen-rules:begin -->';
const END = '<!-- gongwen-rules:end -->';

function renderReadme(current: string): string {
  const a = current.indexOf(BEGIN);
  const b = current.indexOf(END);
  if (a < 0 || b < a) return current;
  return current.slice(0, a + BEGIN.length) + '\n' + renderTable() + '\n' + current.slice(b);
}

export function generatedFiles(): Array<{ file: string; text: string }> {
  const readme = path.join(root, 'README.md');
  return [
    { file: path.join(root, 'docs/rules.md'), text: renderRulesDoc() },
    { file: path.join(root, 'schemas/gongwenrc.schema.json'), text: renderSchema() },
    { file: readme, text: renderReadme(fs.existsSync(readme) ? fs.readFileSync(readme, 'utf8') : '') },
  ];
}

if (require.main === module) {
  const checkOnly = process.argv.includes('--check');
  let stale = false;
  for (const { file, text } of generatedFiles()) {
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (old === text) continue;
    if (checkOnly) {
      console.error(`${path.relative(root, file)} is stale: run npm run docs`);
      stale = true;
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  if (stale) process.exit(1);
}
