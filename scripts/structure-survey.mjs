#!/usr/bin/env node
// Survey of 公文 structure recognition over the published documents in
// ../shared/corpora/gov-docs (measurement only). Run with tsx:
//   npx tsx scripts/structure-survey.mjs [--dir DIR] [--show KIND] [--list-missing-title] [--list-mismatch]
//                                        [--rules [--samples]] [--check CATEGORY,…]
// --rules runs the structure/doctype rule files directly on the recognised
// structure; --check runs the real runner (registry and default config)
// restricted to the given categories, e.g. --check structure,doctype,heading.
// Prints how many documents have a title, the 文种 distribution, how many
// documents contain each element, and (with --rules) the findings of the
// structure/doctype rules per 10,000 characters.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = opt('--dir') ?? path.resolve(repo, '../shared/corpora/gov-docs');
const show = opt('--show');
const { buildTextModel } = require(path.join(repo, 'server/src/engine/textModel.ts'));
const { recogniseStructure } = require(path.join(repo, 'server/src/engine/structure.ts'));

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') || f.endsWith('.md')).sort();
let withTitle = 0;
let chars = 0;
const docTypes = new Map();
const elementDocs = new Map();
const missingTitle = [];
const samples = [];
const nameMismatch = [];

let rules = [];
if (args.includes('--rules')) {
  for (const cat of ['structure', 'doctype']) {
    const d = path.join(repo, 'server/src/rules', cat);
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d).filter((x) => x.endsWith('.ts') && !x.startsWith('_')).sort()) rules.push(require(path.join(d, f)).rule);
  }
}
const checkCats = opt('--check')?.split(',');
const { check } = checkCats ? require(path.join(repo, 'server/src/engine/index.ts')) : {};
const ruleCounts = new Map();
const ruleSamples = new Map();
const options = { acceptedWords: new Set(), dictionaries: [], detector: false, ruleOptions: {} };

for (const f of files) {
  const source = fs.readFileSync(path.join(dir, f), 'utf8');
  chars += source.length;
  const model = buildTextModel(source, f.endsWith('.md') ? 'markdown' : 'plaintext');
  const s = recogniseStructure(model);
  if (s.titleText) withTitle++;
  else missingTitle.push(f);
  const dt = s.docType ?? '(none)';
  docTypes.set(dt, (docTypes.get(dt) ?? 0) + 1);
  const kinds = new Set(s.elements.map((e) => e.kind));
  for (const k of kinds) elementDocs.set(k, (elementDocs.get(k) ?? 0) + 1);
  if (s.titleText) {
    const expected = f.replace(/\.(txt|md)$/, '');
    const norm = (x) => x.replace(/[\s\u3000（）()]/g, '');
    if (norm(expected) !== norm(s.titleText)) nameMismatch.push(`${f}\n    title: ${s.titleText}`);
  }
  if (show) {
    s.lineKinds.forEach((k, i) => {
      if (k === show) samples.push(`${f}:${model.lines[i].sourceLine + 1}: ${model.lines[i].text.trim().slice(0, 60)}`);
    });
  }
  if (checkCats) {
    for (const f2 of check(source, { format: f.endsWith('.md') ? 'markdown' : 'plaintext', only: checkCats }).findings) {
      const key = `${f2.ruleId} [${f2.severity}]`;
      ruleCounts.set(key, (ruleCounts.get(key) ?? 0) + 1);
      const list = ruleSamples.get(key) ?? [];
      if (list.length < 8) list.push(`${f}: ${source.slice(f2.start, f2.end).slice(0, 40)} — ${f2.message}`);
      ruleSamples.set(key, list);
    }
  }
  for (const rule of rules) {
    rule.document?.({
      model,
      structure: s,
      options,
      report(r) {
        const sev = r.severity ?? rule.meta.severity;
        const key = `${rule.meta.id} [${sev}]`;
        ruleCounts.set(key, (ruleCounts.get(key) ?? 0) + 1);
        const list = ruleSamples.get(key) ?? [];
        if (list.length < 8) list.push(`${f}: ${source.slice(r.start, r.end).slice(0, 40)} — ${r.message}`);
        ruleSamples.set(key, list);
      },
    });
  }
}

const pct = (x) => `${x} (${((100 * x) / files.length).toFixed(1)}%)`;
console.log(`documents: ${files.length}, characters: ${chars}`);
console.log(`title found: ${pct(withTitle)}`);
console.log(`title differs from file name: ${nameMismatch.length}`);
console.log('docType distribution:');
for (const [k, v] of [...docTypes].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${v}`);
console.log('documents containing each element:');
for (const [k, v] of [...elementDocs].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${pct(v)}`);
if (args.includes('--list-missing-title')) for (const f of missingTitle) console.log(`  no title: ${f}`);
if (args.includes('--list-mismatch')) for (const f of nameMismatch) console.log(`  mismatch: ${f}`);
if (show) for (const x of samples) console.log(`  ${x}`);
if (rules.length || checkCats) {
  const per10k = (x) => ((x * 10000) / chars).toFixed(3);
  let errWarn = 0;
  console.log(`rule findings (${checkCats ? 'runner: ' + checkCats.join(',') : rules.length + ' rules'}), per 10,000 characters:`);
  for (const [k, v] of [...ruleCounts].sort()) {
    console.log(`  ${k}: ${v} (${per10k(v)})`);
    if (!k.endsWith('[info]]') && !k.endsWith('[info]') && !k.endsWith('[hint]')) errWarn += v;
    if (args.includes('--samples')) for (const x of ruleSamples.get(k)) console.log(`      ${x}`);
  }
  console.log(`error+warning findings: ${errWarn} (${per10k(errWarn)} per 10,000 chars)`);
}
