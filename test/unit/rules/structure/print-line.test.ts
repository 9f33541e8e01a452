import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/print-line';
import { doc, good, reportOnly } from './_helpers';

const withPrint = (p: string) => doc({ tail: ['XX市人民政府', '', '2024年1月20日', '', '抄送：市委办公室。', '', p] });

describe('structure/print-line', () => {
  it('印发机关 missing', () => {
    const found = reportOnly(rule, withPrint('2024年1月20日印发'));
    assert.match(found[0].message, /印发机关/);
    assert.equal(found[0].severity, 'warning');
  });

  it('印发机关 and date written together (info)', () => {
    const found = reportOnly(rule, withPrint('XX市人民政府办公室2024年1月20日印发'));
    assert.equal(found[0].severity, 'info');
  });

  it('accepts the correct form', () => {
    good(rule, withPrint('XX市人民政府办公室  2024年1月20日印发'));
    good(rule, withPrint('XX市人民政府办公室　　　　2024年1月20日印发'));
  });

  it('false positives: 印发 in the body', () => {
    good(rule, doc({ body: ['该方案已于2024年1月20日印发', '请遵照执行。'] }));
  });
});
