// The peers, in-process, on the same documents as Gongwen: textlint with
// textlint-rule-prh on Gongwen's typo dictionary converted by
// bench/to-prh.mjs, and zhlint (its default preset) for punctuation.
// Run by bench/speed/run.mjs in a child process of its own.
//
// Input: a JSON file (argv[2]) with { docs, keys, runs, prh, textlintrc, zhlintMaxChars }.
// Output: one JSON object on stdout.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const gc = globalThis.gc ?? (() => {});

const { createLinter, loadTextlintrc } = require('textlint');
const zhlint = require('zhlint');

const out = { textlint: {}, zhlint: {}, sanity: {} };

const t0 = performance.now();
const descriptor = await loadTextlintrc({ configFilePath: input.textlintrc, node_modulesDir: path.join(root, 'node_modules') });
const linter = createLinter({ descriptor });
out.textlintLoadMs = performance.now() - t0;

// Sanity: the peers find what they are asked to find, so that their times are of real work.
const planted = '各单位要认真布署，切实惯彻落实。';
const tl = await linter.lintText(planted, path.join(root, 'bench/results/planted.txt'));
out.sanity.textlintPrh = tl.messages.map((m) => m.message.split('\n')[0]);
const zh = zhlint.run('各单位要认真落实,切实抓好.', { rules: { preset: 'default' } });
out.sanity.zhlint = zh.validations.length;
// warm up both
await linter.lintText(input.warmup, path.join(root, 'bench/results/warmup.txt'));
zhlint.run(input.warmup.slice(0, 5000), { rules: { preset: 'default' } });

for (const key of input.keys) {
  const d = input.docs[key];
  const text = fs.readFileSync(d.file, 'utf8');
  const tlRuns = { ms: [], findings: 0 };
  for (let r = 0; r < input.runs; r++) {
    gc();
    const s = performance.now();
    const res = await linter.lintText(text, d.file);
    tlRuns.ms.push(performance.now() - s);
    tlRuns.findings = res.messages.length;
  }
  out.textlint[key] = tlRuns;
  if (d.chars <= input.zhlintMaxChars) {
    const zhRuns = { ms: [], findings: 0 };
    for (let r = 0; r < input.runs; r++) {
      gc();
      const s = performance.now();
      const res = zhlint.run(text, { rules: { preset: 'default' } });
      zhRuns.ms.push(performance.now() - s);
      zhRuns.findings = res.validations.length;
    }
    out.zhlint[key] = zhRuns;
  }
  process.stderr.write(`  peers ${key} done\n`);
}
process.stdout.write(JSON.stringify(out) + '\n');
