#!/usr/bin/env node
// Build the built-in dictionary data from the reviewed sources.
//
//   node scripts/dictionary/build.mjs
//
// Reads scripts/dictionary/src/<name>.tsv and <name>.jsonl and writes
// server/data/dictionary/<name>.json (one entry per line) plus the list in
// server/src/engine/dictionary/builtin.ts.
//
// .tsv lines:   wrong <TAB> right[|right2…] <TAB> level <TAB> note [<TAB> bad[|bad2…] [<TAB> key=value …]]
//               level: error|warning|info (or e|w|i); an empty note takes the section default
//               set by a line `#! note: …` ({wrong} and {right} are replaced);
//               key=value columns: pb= npb= fb= nfb= (precededBy, notPrecededBy,
//               followedBy, notFollowedBy; items separated by |) and good= (good examples, |).
//               `#` starts a comment line.
// .jsonl lines: one JSON entry per line in the dictionary format (conditions, examples …)
//
// Checks: unconditional wrong forms are unique across all files; no wrong form
// of one character; entries of the project's own source (gongwen) carry a bad
// example, and conditional ones a good example too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const srcDir = path.join(here, 'src');
const outDir = path.join(root, 'server/data/dictionary');

const SOURCES = {
  'billowsand-gongwen': { source: 'billowsand-gongwen', description: '据 billowsand/gongwen proofread-lexicon.tsv（MIT）逐条审校' },
  'houbb-word-checker': { source: 'houbb-word-checker', description: '据 houbb/word-checker word_checker_zh.txt（Apache-2.0）逐行审校，删去颠倒、错误和有歧义的条目' },
  'derived-idioms': {
    source: 'derived-idioms',
    description:
      '由 scripts/dictionary/derive.mjs 派生：正确词形取自 THUOCL 成语词表（thunlp/THUOCL THUOCL_chengyu.txt，MIT），' +
      '错误词形由一次同音替换（pycorrector same_pinyin.txt 同音同调列，Apache-2.0，并经 pinyin-pro 读音核对）或相邻两字颠倒（颠倒后的两字为常用词）得到；' +
      '自动审校：错误词形不是词库中的词、不在 gongwen-train 语料中出现、不能切分为常用词序列、不是异形词；抽样人工阅读',
  },
  'derived-words': {
    source: 'derived-words',
    description:
      '公文常见误写，逐条人工审校并加上下文条件：正确词形取自 ECSpell 公文写作.txt（MIT）、THUOCL 成语词表（MIT）或《现代汉语词典》，' +
      '误写字对见 pycorrector same_pinyin.txt/same_stroke.txt（Apache-2.0）与 ECSpell soundConfusion.json/shapeConfusion.json（MIT）',
  },
  'ecspell': { source: 'ecspell-常见错字错词', description: '据 aopolin-lv/ECSpell 常见错字错词.txt（MIT）审校；异形词按《第一批异形词整理表》取推荐词形' },
};
const sourceFor = (name) => SOURCES[name] ?? { source: 'gongwen', description: 'Gongwen 项目自行编写' };

const LEVELS = { e: 'error', w: 'warning', i: 'info' };
const COND_KEYS = { pb: 'precededBy', npb: 'notPrecededBy', fb: 'followedBy', nfb: 'notFollowedBy' };

const groups = new Map();
for (const f of fs.readdirSync(srcDir).sort()) {
  const m = /^(.*)\.(tsv|jsonl)$/.exec(f);
  if (!m) continue;
  const [, name, ext] = m;
  if (!groups.has(name)) groups.set(name, []);
  const lines = fs.readFileSync(path.join(srcDir, f), 'utf8').split('\n');
  let defaultNote = '';
  lines.forEach((line, k) => {
    const where = `${f}:${k + 1}`;
    const directive = /^#!\s*note:\s*(.*)$/.exec(line);
    if (directive) {
      defaultNote = directive[1].trim();
      return;
    }
    if (!line.trim() || line.startsWith('#')) return;
    let entry;
    if (ext === 'jsonl') {
      try {
        entry = JSON.parse(line);
      } catch (e) {
        throw new Error(`${where}: ${e.message}`);
      }
    } else {
      const [wrong, right, levelRaw, note, bad, ...rest] = line.split('\t');
      if (!wrong || !right || !levelRaw) throw new Error(`${where}: need wrong, right, level`);
      const level = LEVELS[levelRaw] ?? levelRaw;
      const rights = right.split('|');
      entry = { wrong, right: rights.length === 1 ? rights[0] : rights, level };
      const n = note || defaultNote.replaceAll('{wrong}', wrong).replaceAll('{right}', rights[0]);
      if (n) entry.note = n;
      const examples = {};
      if (bad) examples.bad = bad.split('|');
      for (const col of rest) {
        if (!col) continue;
        const kv = /^(pb|npb|fb|nfb|good)=(.+)$/.exec(col);
        if (!kv) throw new Error(`${where}: bad column “${col}”`);
        const items = kv[2].split('|');
        if (kv[1] === 'good') examples.good = items;
        else entry[COND_KEYS[kv[1]]] = items;
      }
      if (examples.bad || examples.good) entry.examples = examples;
    }
    groups.get(name).push({ entry, where });
  });
}

// Duplicate wrong forms: unconditional entries must be unique across files.
const seen = new Map();
let failed = false;
for (const [name, list] of groups) {
  for (const { entry, where } of list) {
    const conditional = entry.precededBy || entry.followedBy || entry.notPrecededBy || entry.notFollowedBy;
    if ([...entry.wrong].length < 2) {
      console.error(`${where}: one-character wrong form “${entry.wrong}”`);
      failed = true;
    }
    if (['gongwen', 'derived-words', 'derived-idioms'].includes(sourceFor(name).source)) {
      if (!entry.note) console.error(`${where}: “${entry.wrong}” has no note`);
      if (!entry.examples?.bad?.length) console.error(`${where}: “${entry.wrong}” has no bad example`);
      if (conditional && !entry.examples?.good?.length) console.error(`${where}: conditional “${entry.wrong}” has no good example`);
      if (!entry.note || !entry.examples?.bad?.length || (conditional && !entry.examples?.good?.length)) failed = true;
      for (const b of entry.examples?.bad ?? []) {
        if (!b.includes(entry.wrong)) {
          console.error(`${where}: bad example “${b}” does not contain “${entry.wrong}”`);
          failed = true;
        }
      }
    }
    const prev = seen.get(entry.wrong);
    if (prev && (!conditional || !prev.conditional)) {
      console.error(`duplicate wrong form “${entry.wrong}” at ${where} (first at ${prev.where})`);
      failed = true;
    }
    if (!prev) seen.set(entry.wrong, { where, conditional });
  }
}
if (failed) process.exit(1);

const KEY_ORDER = ['id', 'wrong', 'right', 'level', 'precededBy', 'notPrecededBy', 'followedBy', 'notFollowedBy', 'note', 'source', 'examples'];
const names = [];
for (const f of fs.readdirSync(outDir)) if (f.endsWith('.json')) fs.unlinkSync(path.join(outDir, f));
for (const [name, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  const meta = sourceFor(name);
  const lines = list.map(({ entry }) => {
    const ordered = {};
    for (const k of KEY_ORDER) if (entry[k] !== undefined) ordered[k] = entry[k];
    for (const k of Object.keys(entry)) if (!(k in ordered)) ordered[k] = entry[k];
    return '    ' + JSON.stringify(ordered);
  });
  const text = `{\n  "source": ${JSON.stringify(meta.source)},\n  "description": ${JSON.stringify(meta.description)},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`;
  fs.writeFileSync(path.join(outDir, `${name}.json`), text);
  names.push(name);
  console.log(`${name}.json: ${list.length} entries`);
}

const builtin = `// The built-in dictionary files, bundled as data (esbuild inlines the JSON).
// Generated by scripts/dictionary/build.mjs — do not edit by hand.

/* eslint-disable @typescript-eslint/no-require-imports */
export const BUILTIN_FILES: ReadonlyArray<{ name: string; data: () => unknown }> = [
${names.map((n) => `  { name: '${n}.json', data: () => require('../../../data/dictionary/${n}.json') },`).join('\n')}
];
`;
fs.writeFileSync(path.join(root, 'server/src/engine/dictionary/builtin.ts'), builtin);
