// False-alarm benchmark: run the rules over the published documents in
// ../shared/corpora/gov-docs (plain text) and count findings per rule and per
// category, per 10,000 characters. Published text should raise (almost) no
// error or warning, so every such finding is a false alarm or a real slip in
// the source, to be reviewed.
//
//   npx tsx bench/rules-false-alarms.mjs                         # all registered rules
//   npx tsx bench/rules-false-alarms.mjs --category punctuation,number,wording
//   npx tsx bench/rules-false-alarms.mjs --rule punctuation/fullwidth --show
//   npx tsx bench/rules-false-alarms.mjs --show --severity error,warning --limit 50
//
// --show prints each finding with its context (file, text around it, message).
// --dir DIR reads another folder of .txt files.

import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../server/src/engine/index.ts';
import { listRules } from '../server/src/engine/registry.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = opt('--dir') ?? join(root, '../shared/corpora/gov-docs');
const categories = opt('--category')?.split(',');
const ruleIds = opt('--rule')?.split(',');
const show = args.includes('--show');
const showSeverities = (opt('--severity') ?? 'error,warning,info,hint').split(',');
const limit = Number(opt('--limit') ?? Infinity);

let rules = listRules();
if (categories) rules = rules.filter((r) => categories.includes(r.meta.category));
if (ruleIds) rules = rules.filter((r) => ruleIds.includes(r.meta.id));
if (!rules.length) {
  console.error('no rules selected');
  process.exit(1);
}

const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
let chars = 0;
const perRule = new Map(); // id -> {error, warning, info, hint, files:Set}
const perCategory = new Map();
const ruleErrors = new Map();
let shown = 0;

for (const file of files) {
  const source = readFileSync(join(dir, file), 'utf8');
  chars += [...source].length;
  const { findings, ruleErrors: errs } = check(source, { format: 'plaintext', rules });
  for (const e of errs) ruleErrors.set(e.ruleId, (ruleErrors.get(e.ruleId) ?? 0) + 1);
  for (const f of findings) {
    const r = perRule.get(f.ruleId) ?? { error: 0, warning: 0, info: 0, hint: 0, files: new Set() };
    r[f.severity]++;
    r.files.add(file);
    perRule.set(f.ruleId, r);
    const c = perCategory.get(f.category) ?? { error: 0, warning: 0, info: 0, hint: 0 };
    c[f.severity]++;
    perCategory.set(f.category, c);
    if (show && showSeverities.includes(f.severity) && shown < limit) {
      shown++;
      const before = source.slice(Math.max(0, f.start - 15), f.start).replace(/\s+/g, ' ');
      const hit = source.slice(f.start, f.end);
      const after = source.slice(f.end, f.end + 15).replace(/\s+/g, ' ');
      console.log(`${f.ruleId}\t${f.severity}\t${file}\t${before}【${hit}】${after}\t${f.message}`);
    }
  }
}

const per10k = (n) => ((n * 10000) / chars).toFixed(3);
console.log(`\n${files.length} files, ${chars} characters, ${rules.length} rules`);
console.log('\nPer rule (count, per 10,000 characters; files):');
const rows = [...perRule.entries()].sort((a, b) => b[1].error + b[1].warning - (a[1].error + a[1].warning) || a[0].localeCompare(b[0]));
for (const [id, r] of rows) {
  const parts = ['error', 'warning', 'info', 'hint'].filter((s) => r[s]).map((s) => `${s} ${r[s]} (${per10k(r[s])})`);
  console.log(`  ${id.padEnd(36)} ${parts.join(', ')}; ${r.files.size} files`);
}
for (const rule of rules) if (!perRule.has(rule.meta.id)) console.log(`  ${rule.meta.id.padEnd(36)} none`);
console.log('\nPer category, errors + warnings per 10,000 characters:');
let ew = 0;
for (const [cat, c] of [...perCategory.entries()].sort()) {
  ew += c.error + c.warning;
  console.log(`  ${cat.padEnd(12)} ${per10k(c.error + c.warning)}  (error ${c.error}, warning ${c.warning}, info ${c.info}, hint ${c.hint})`);
}
console.log(`  ${'all'.padEnd(12)} ${per10k(ew)}  (${ew} errors and warnings)`);
if (ruleErrors.size) {
  console.log('\nRules that threw:');
  for (const [id, n] of ruleErrors) console.log(`  ${id}: ${n} files`);
  process.exitCode = 1;
}
