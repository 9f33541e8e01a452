// Report.deliberateIfRepeated: a statistical guess that the document itself
// overrules when the flagged form recurs (a slip is an accident; the same
// form three times is the writer's choice).
import { strict as assert } from 'node:assert';
import { check, BlockCache, DELIBERATE_REPEATS } from '../../../server/src/engine/index';
import type { Rule } from '../../../server/src/engine/types';

/** A block rule that flags every 大数局, as the detector would, marked as a guess. */
const guess: Rule = {
  meta: {
    id: 'typo/test-guess',
    category: 'typo',
    severity: 'warning',
    safeFix: false,
    description: '测试',
    clause: '测试',
    examples: [{ bad: '大数局', good: '大数据' }],
  },
  block(block, ctx) {
    for (let at = block.text.indexOf('大数局'); at >= 0; at = block.text.indexOf('大数局', at + 1)) {
      ctx.report({ start: block.start + at, end: block.start + at + 3, message: '疑似错字', deliberateIfRepeated: true });
    }
  },
};

const count = (src: string, cache?: BlockCache): number => check(src, { format: 'plaintext', rules: [guess], cache }).findings.length;

describe('engine: a form the document repeats is deliberate (Report.deliberateIfRepeated)', () => {
  it('reports a form that occurs fewer than DELIBERATE_REPEATS times, drops it from then on', () => {
    assert.equal(DELIBERATE_REPEATS, 3);
    assert.equal(count('发展大数局产业。'), 1);
    assert.equal(count('发展大数局产业。\n推进大数局建设。'), 2);
    assert.equal(count('发展大数局产业。\n推进大数局建设。\n完善大数局制度。'), 0);
    // Occurrences anywhere count, also where the rule does not flag them.
    assert.equal(count('发展大数局产业。\n“大数局”一词见附件。\n大数局'), 0);
  });

  it('judges cached blocks against the current document on the typing path', () => {
    const cache = new BlockCache();
    const two = '发展大数局产业。\n\n推进大数局建设。\n\n其他工作。';
    assert.equal(count(two, cache), 2);
    // A third occurrence typed into another block voids the cached blocks' reports too ...
    assert.equal(count(two.replace('其他工作', '完善大数局制度'), cache), 0);
    // ... and deleting it brings them back, as a full check would.
    assert.equal(count(two, cache), 2);
    assert.equal(count(two), 2);
  });

  it('leaves reports without the mark alone', () => {
    const plain: Rule = { ...guess, meta: { ...guess.meta, id: 'typo/test-plain' }, block(block, ctx) { guess.block!(block, { ...ctx, report: (r) => ctx.report({ ...r, deliberateIfRepeated: undefined }) }); } };
    assert.equal(check('大数局。大数局。大数局。', { format: 'plaintext', rules: [plain] }).findings.length, 3);
  });
});
