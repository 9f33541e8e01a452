// Equivalence and timing of the optimised rules (measurement only).
//
//   npx tsx bench/rules-equivalence.ts record   # write the reference findings
//   npx tsx bench/rules-equivalence.ts verify   # compare with the reference; exit 1 on any difference
//   npx tsx bench/rules-equivalence.ts time     # per-rule ms (median of 5, minus a no-rule baseline)
//
// Inputs: the gov-docs corpus concatenated in sorted file order and cut to
// 1M characters (plain text, and a Markdown variant with one paragraph per
// line), every file under test/fixtures, every rule's meta examples, and the
// Chinese string literals of the rule and structure unit tests. The corpus
// is used for measuring only. Output: $RULES_EQ_DIR (default /tmp/rules-eq).

import fs from 'node:fs';
import path from 'node:path';
import { check, BlockCache } from '../server/src/engine/index';
import { getRegistry } from '../server/src/engine/registry';
import type { DocFormat, Rule } from '../server/src/engine/types';
import { govDocsText } from './gov-docs.mjs';

const ROOT = path.resolve(__dirname, '..');
const OUT = process.env.RULES_EQ_DIR ?? '/tmp/rules-eq';
const CORPUS = '/work/shared/corpora/gov-docs';
const SIZE = 1_000_000;

const RULE_IDS = [
  'punctuation/unbalanced',
  'punctuation/fullwidth',
  'punctuation/dash',
  'punctuation/ellipsis',
  'punctuation/repeated',
  'number/chinese-year-zero',
  'number/mixed-date',
  'wording/de-di-de',
  'structure/placeholder',
];

function corpus(): { txt: string; md: string } {
  const { text: all } = govDocsText(CORPUS, 2.2 * SIZE);
  const cut = (s: string) => {
    let end = Math.min(SIZE, s.length);
    const c = s.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
    return s.slice(0, end);
  };
  const md = all
    .split('\n')
    .filter((l) => l.trim())
    .join('\n\n');
  return { txt: cut(all), md: cut(md) };
}

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Small inputs: fixtures, meta examples, Chinese string literals from the unit tests. */
function smallInputs(rules: Rule[]): string[] {
  const out = new Set<string>();
  for (const f of walk(path.join(ROOT, 'test/fixtures'))) if (/\.(md|txt)$/.test(f)) out.add(fs.readFileSync(f, 'utf8'));
  for (const r of getRegistry().values()) for (const ex of r.meta.examples ?? []) {
    out.add(ex.bad);
    out.add(ex.good);
  }
  void rules;
  const testFiles = [...walk(path.join(ROOT, 'test/unit/rules')), ...walk(path.join(ROOT, 'test/unit/structure'))].filter((f) => f.endsWith('.ts'));
  const lit = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`/g;
  for (const f of testFiles) {
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(lit)) {
      const raw = m[1] ?? m[2] ?? m[3];
      if (raw === undefined || !/[\u3000-\u9fff\uff00-\uffef]/.test(raw)) continue;
      let s: string;
      try {
        s = m[3] !== undefined ? raw.replace(/\\n/g, '\n').replace(/\\`/g, '`').replace(/\\\\/g, '\\') : JSON.parse(`"${raw.replace(/"/g, '\\"').replace(/\\'/g, "'")}"`);
      } catch {
        s = raw;
      }
      out.add(s);
    }
  }
  return [...out].sort();
}

function findingsOf(src: string, format: DocFormat, rules: Rule[]): string[] {
  const r = check(src, { format, rules });
  if (r.ruleErrors.length) throw new Error(`rule error: ${JSON.stringify(r.ruleErrors)}`);
  return r.findings.map((f) => JSON.stringify([f.ruleId, f.start, f.end, f.severity, f.message, f.fixes ?? null]));
}

/** Structure recognition result (for the isPrintLine change). */
function structureOf(src: string, format: DocFormat): string {
  const r = check(src, { format, rules: [] });
  return JSON.stringify(r.structure);
}

function snapshot(): Record<string, string[] | string> {
  const reg = getRegistry();
  const rules = RULE_IDS.map((id) => {
    const r = reg.get(id);
    if (!r) throw new Error(`no rule ${id}`);
    return r;
  });
  const structureRules = [...reg.values()].filter((r) => r.meta.category === 'structure');
  const { txt, md } = corpus();
  const snap: Record<string, string[] | string> = {};
  const big: Array<[string, string, DocFormat]> = [
    ['corpus-1M.txt', txt, 'plaintext'],
    ['corpus-1M.md', md, 'markdown'],
    ['perturbed-200k.txt', perturb(txt.slice(0, 200_000)), 'plaintext'],
    ['perturbed-200k.md', perturb(md.slice(0, 200_000)), 'markdown'],
    ['synthetic.txt', synthetic(), 'plaintext'],
    ['synthetic.md', synthetic().split('\n').join('\n\n'), 'markdown'],
  ];
  for (const [name, src, format] of big) {
    for (const r of rules) snap[`${name} ${r.meta.id}`] = findingsOf(src, format, [r]);
    snap[`${name} structure-rules`] = findingsOf(src, format, structureRules);
    snap[`${name} structure`] = structureOf(src, format);
  }
  const small = smallInputs(rules);
  small.forEach((src, i) => {
    for (const format of ['plaintext', 'markdown'] as DocFormat[]) {
      snap[`small#${i} ${format}`] = findingsOf(src, format, [...rules, ...structureRules]);
      snap[`small#${i} ${format} structure`] = structureOf(src, format);
    }
  });
  snap['small-count'] = String(small.length);
  return snap;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A deterministic perturbation of text: marks dropped, swapped for ASCII or doubled, so that the rules have something to find. */
function perturb(text: string): string {
  const marks = '（）《》“”〔〕〈〉【】()""，。：；！？,.:;!?—…－-·的地得年〇零O0二十';
  const repl = ['', '(', ')', ',', '.', ':', ';', '"', '——', '…', '...', '—', '-', '--', '。。', '，，', '的', '地', '得', '〇', '0', 'O', '零', '年'];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let out = '';
  for (const ch of text) {
    if (marks.includes(ch) && rnd() < 0.08) out += repl[Math.floor(rnd() * repl.length)];
    else out += ch;
  }
  return out;
}

/** Lines put together from fragments the number and wording rules look at (deterministic). */
function synthetic(): string {
  const frags = [
    '二零二四年', '二○二四年', '二0二四年', '2O24年', '二〇二四年', '一九九O年', '十二零二四年', '二０２４年', '二Ｏ二四年', '零零年', '二◯二三年',
    '二〇二四年3月5日', '2024年三月五日', '3月五日', '十三月5日', '二〇二四年13月5日', '2024年12月三十一日', '二〇二四年十二月31日', '5月', '三月', '12月8日',
    '要认真的落实', '认真的落实', '，积极的推进', '务必切实的加强', '提供有效的保障', '完成的很好', '做的非常到位', '讲的比较精彩', '写的', '的很好',
    '进一步扎实的推动', '坚持依法的处理', '各项工作', '。', '，', '“', '”', '（', '）', '1', '2', '0', '年', '月', '日', '的', '地', '得', ' ',
  ];
  let seed = 777;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const lines: string[] = [];
  for (let n = 0; n < 3000; n++) {
    let line = '';
    const k = 1 + Math.floor(rnd() * 6);
    for (let t = 0; t < k; t++) line += frags[Math.floor(rnd() * frags.length)];
    lines.push(line);
  }
  return lines.join('\n');
}

function time(): void {
  const reg = getRegistry();
  const { txt, md } = corpus();
  const rows: string[] = [];
  const docs: Array<[string, string, DocFormat]> = [
    ['1M.txt', txt, 'plaintext'],
    ['1M.md', md, 'markdown'],
  ];
  for (const [name, src, format] of docs) {
    for (const id of RULE_IDS) {
      const rule = reg.get(id)!;
      const xs: number[] = [];
      for (let k = 0; k < 6; k++) {
        const timings = new Map<string, number>();
        check(src, { format, rules: [rule], timings });
        if (k > 0) xs.push(timings.get(id) ?? NaN); // first run is the warm-up
      }
      rows.push(`${name} ${id} ${median(xs).toFixed(1)} ms`);
    }
  }
  // The typing path: a 100k document checked again with the block cache after a one-character edit.
  const doc100k = txt.slice(0, 100_000);
  for (const id of ['punctuation/unbalanced']) {
    const rule = reg.get(id)!;
    const cache = new BlockCache();
    check(doc100k, { format: 'plaintext', rules: [rule], cache });
    const xs: number[] = [];
    for (let k = 0; k < 7; k++) {
      const at = 50_000 + k * 97;
      const edited = doc100k.slice(0, at) + '一' + doc100k.slice(at);
      const timings = new Map<string, number>();
      check(edited, { format: 'plaintext', rules: [rule], cache, timings });
      if (k > 1) xs.push(timings.get(id) ?? NaN);
    }
    rows.push(`100k.txt typing ${id} ${median(xs).toFixed(2)} ms`);
  }
  // Structure recognition (isPrintLine), per check.
  for (const [name, src, format] of docs) {
    const xs: number[] = [];
    for (let k = 0; k < 6; k++) {
      const timings = new Map<string, number>();
      check(src, { format, rules: [], timings });
      if (k > 0) xs.push(timings.get('structure') ?? NaN);
    }
    rows.push(`${name} structure ${median(xs).toFixed(1)} ms`);
  }
  console.log(rows.join('\n'));
}

const mode = process.argv[2];
if (mode === 'record') {
  fs.mkdirSync(OUT, { recursive: true });
  const snap = snapshot();
  fs.writeFileSync(path.join(OUT, 'reference.json'), JSON.stringify(snap));
  const n = Object.values(snap).reduce((a, v) => a + (Array.isArray(v) ? v.length : 0), 0);
  console.log(`recorded ${Object.keys(snap).length} keys, ${n} findings, small inputs ${snap['small-count']}`);
} else if (mode === 'verify') {
  const ref = JSON.parse(fs.readFileSync(path.join(OUT, 'reference.json'), 'utf8')) as Record<string, string[] | string>;
  const now = snapshot();
  let bad = 0;
  for (const k of new Set([...Object.keys(ref), ...Object.keys(now)])) {
    const a = JSON.stringify(ref[k]);
    const b = JSON.stringify(now[k]);
    if (a !== b) {
      bad++;
      if (bad <= 10) console.log(`DIFF ${k}\n  ref: ${a?.slice(0, 400)}\n  now: ${b?.slice(0, 400)}`);
    }
  }
  const n = Object.values(now).reduce((a, v) => a + (Array.isArray(v) ? v.length : 0), 0);
  console.log(bad ? `${bad} keys differ` : `identical: ${Object.keys(now).length} keys, ${n} findings`);
  process.exit(bad ? 1 : 0);
} else if (mode === 'time') {
  time();
} else {
  console.error('usage: rules-equivalence.ts record|verify|time');
  process.exit(2);
}
