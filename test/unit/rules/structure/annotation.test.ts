import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/annotation';
import { bad, doc, good, spans } from './_helpers';

const withNote = (n: string) => doc({ tail: ['XX市人民政府', '', '2024年1月20日', '', n] });

describe('structure/annotation', () => {
  it('ASCII parentheses → full-width', () => {
    const src = withNote('(此件公开发布)');
    const found = bad(rule, src, withNote('（此件公开发布）'));
    assert.deepEqual(spans(found, src), ['(此件公开发布)']);
    bad(rule, withNote('（此件公开发布)'), withNote('（此件公开发布）'));
  });

  it('accepts full-width parentheses', () => {
    good(rule, withNote('（此件公开发布）'));
  });

  it('false positives: parenthesised lines in the body', () => {
    good(rule, doc({ body: ['现将有关事项通知如下。', '(以下无正文)'] }));
  });
});
