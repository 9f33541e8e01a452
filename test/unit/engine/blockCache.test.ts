// The typing path: check() with a BlockCache must report exactly what a
// check from scratch reports, edit after edit, and keep the cache bounded.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, BlockCache } from '../../../server/src/engine/index';
import { listRules } from '../../../server/src/engine/registry';
import type { DocFormat, Finding } from '../../../server/src/engine/types';

const sample = fs.readFileSync(path.resolve(__dirname, '../../../samples/通知-有错误.md'), 'utf8');
// The detector is slow and has its own cache; the other rules are enough here.
const rules = listRules().filter((r) => r.meta.id !== 'typo/confusable');

const brief = (fs: Finding[]) => fs.map((f) => `${f.ruleId}@${f.start}-${f.end}:${f.message}:${JSON.stringify(f.fixes)}`);

function editSequence(text: string, count: number, seed: number): string[] {
  const out: string[] = [];
  let s = seed;
  const rnd = (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
  const inserts = ['的', '，', ',', '布署', '\n', '\n\n', '（', '）', '2024年', '一、'];
  for (let k = 0; k < count; k++) {
    const at = rnd(text.length + 1);
    if (rnd(4) === 0 && text.length > 1) text = text.slice(0, at) + text.slice(at + 1); // delete one character
    else text = text.slice(0, at) + inserts[rnd(inserts.length)] + text.slice(at);
    out.push(text);
  }
  return out;
}

describe('BlockCache: the typing path', function () {
  this.timeout(0); // many full checks; no time limit

  for (const format of ['markdown', 'plaintext'] as DocFormat[]) {
    it(`gives the same findings as a check from scratch after each edit (${format})`, () => {
      const cache = new BlockCache();
      const doc = sample.repeat(3);
      let cachedAny = false;
      for (const text of [doc, ...editSequence(doc, 25, format === 'markdown' ? 1 : 2)]) {
        const cached = check(text, { format, rules, cache });
        const fresh = check(text, { format, rules });
        assert.deepEqual(brief(cached.findings), brief(fresh.findings));
        cachedAny ||= cache.size > 0;
      }
      assert.ok(cachedAny);
    });
  }

  it('keeps about one document of entries over a long session', () => {
    const cache = new BlockCache();
    const doc = sample.repeat(2);
    let blocks = 0;
    // each edit leaves one stale block behind: far more edits than the slack of 256
    for (const text of editSequence(doc, 400, 3)) blocks = check(text, { format: 'plaintext', rules, cache }).model.blocks.length;
    assert.ok(cache.size <= 2 * blocks + 256, `cache holds ${cache.size} blocks for a document of ${blocks}`);
  });

  it('reports the time of each phase and rule when asked', () => {
    const timings = new Map<string, number>();
    check(sample, { format: 'markdown', rules, timings });
    for (const key of ['model', 'structure', 'findings', 'typo/dictionary', 'punctuation/fullwidth']) assert.ok(timings.has(key), key);
    for (const v of timings.values()) assert.ok(v >= 0);
  });
});
