// The examples in each rule's metadata (shown in the rule documentation) are
// checked: the bad form is reported, the good form is not, and where every
// finding on the bad form has a safe fix, fix-all turns it into the good form.

import assert from 'node:assert/strict';
import { check, fixAll } from '../../../../server/src/engine/index';
import { allRules } from '../../../../server/src/rules/index';
import { validateRuleMeta } from '../../../../server/src/engine/registry';

const mine = allRules.filter((r) => ['punctuation', 'number', 'wording'].includes(r.meta.category));

describe('punctuation, number and wording rules: metadata examples', () => {
  for (const rule of mine) {
    describe(rule.meta.id, () => {
      it('has complete metadata', () => {
        assert.deepEqual(validateRuleMeta(rule), []);
        assert.match(rule.meta.clause, /GB\/T 1583[45]-2011|现代汉语词典|惯例/);
        assert.ok(rule.meta.details && /[\u4e00-\u9fff]/.test(rule.meta.details));
        assert.ok(rule.meta.examples && rule.meta.examples.length > 0);
      });
      for (const { bad, good } of rule.meta.examples ?? []) {
        it(`${bad} → ${good}`, () => {
          const found = check(bad, { format: 'plaintext', rules: [rule] }).findings;
          assert.ok(found.length > 0, `no finding on the bad example ${bad}`);
          assert.deepEqual(check(good, { format: 'plaintext', rules: [rule] }).findings.map((f) => f.message), []);
          if (found.every((f) => f.safe)) assert.equal(fixAll(bad, { format: 'plaintext', rules: [rule] }).output, good);
        });
      }
    });
  }
});
