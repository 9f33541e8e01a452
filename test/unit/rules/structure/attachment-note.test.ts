import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/attachment-note';
import { bad, doc, good, reportOnly, spans } from './_helpers';

const withNote = (...note: string[]) => doc({ body: ['现将有关事项通知如下。', '', ...note] });

describe('structure/attachment-note', () => {
  it('catalog example: 附件:1、经费表。 → 附件：1.经费表', () => {
    const src = withNote('附件:1、经费表。');
    const found = bad(rule, src, withNote('附件：1.经费表'));
    assert.deepEqual(spans(found, src), [':', '、', '。']);
  });

  it('continuation lines: numbering mark and trailing punctuation', () => {
    bad(rule, withNote('附件：1.经费预算表；', '　　　2、人员名单；'), withNote('附件：1.经费预算表', '　　　2.人员名单'));
  });

  it('numbering out of order (no fix)', () => {
    const found = reportOnly(rule, withNote('附件：1.经费预算表', '      3.人员名单'));
    assert.match(found[0].message, /应为“2”/);
  });

  it('accepts correct notes', () => {
    good(rule, withNote('附件：1.经费预算表', '      2.人员名单'));
    good(rule, withNote('附件：1. 经费预算表', '      2. 人员名单'));
    good(rule, withNote('附件：1．经费预算表', '      2．人员名单'));
    good(rule, withNote('附件：XX市春节期间安全生产检查表'));
    good(rule, withNote('附件：1.2024年第三季度检查情况', '      2.名单（样表）'));
  });

  it('false positives: 附件 mentioned in the body, attachment pages', () => {
    good(rule, doc({ body: ['请填写附件1中的表格，于3月5日前报送。'] }));
    good(rule, doc({ body: ['现将有关事项通知如下。'], tail: ['XX市人民政府', '', '2024年1月20日', '', '附件1', '', '经费预算表。'] }));
  });
});
