// Property tests: on random text built from the characters these rules care
// about, no rule throws, every edit lies inside the source, and fix-all
// leaves no safe finding and is idempotent (for all the rules together).

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check, fixAll } from '../../../../server/src/engine/index';
import type { Rule } from '../../../../server/src/engine/types';
import { allRules } from '../../../../server/src/rules/index';

const mine: Rule[] = allRules.filter((r) => ['punctuation', 'number', 'wording'].includes(r.meta.category));

const PIECES = [
  '中', '文', '国', '等', '级', '年', '月', '日', '截止', '目前', '认真', '的', '落实', '要', '完成', '很好',
  '一', '二', '〇', '零', '○', '十', '千', '百', '万', '%', '～', '~', '-', '－', '—', '——', '…', '...', '。', '，', '、',
  '；', '：', '？', '！', ',', ';', ':', '?', '!', '.', '(', ')', '（', '）', '《', '》', '“', '”', '"', "'", '「', '」',
  '〔', '〕', '【', '】', '0', '1', '2', '3', '5', '15', '2024', '２', 'a', 'B', ' ', '\n', '`', '*', 'http://x.cn',
];

const doc = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

describe('punctuation, number and wording rules: properties', function () {
  // a shared 2-core machine: no timing limit on a few hundred runs of the runner
  this.timeout(0);
  it('found some rules to test', () => {
    assert.ok(mine.length >= 15, `only ${mine.length} rules`);
  });

  for (const format of ['plaintext', 'markdown'] as const) {
    it(`never throw, report valid ranges, and fix-all is stable (${format})`, () => {
      fc.assert(
        fc.property(doc, (src) => {
          const result = check(src, { format, rules: mine });
          assert.deepEqual(result.ruleErrors, []);
          for (const f of result.findings) {
            assert.ok(f.start >= 0 && f.end <= src.length && f.start <= f.end);
            for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= 0 && e.end <= src.length && e.start <= e.end);
          }
          const once = fixAll(src, { format, rules: mine });
          assert.deepEqual(once.remaining.filter((f) => f.safe).map((f) => `${f.ruleId}: ${f.message}`), [], JSON.stringify(src));
          assert.equal(fixAll(once.output, { format, rules: mine }).output, once.output, JSON.stringify(src));
        }),
        { numRuns: 200, seed: 20241125 },
      );
    });
  }
});
