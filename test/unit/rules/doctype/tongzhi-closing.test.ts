import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/doctype/tongzhi-closing';
import { bad, good, reportOnly } from '../structure/_helpers';

const tongzhi = (closing: string, title = '关于做好有关工作的通知') => [title, '', '各区县人民政府：', '', '现将有关事项通知如下。', '', closing, '', 'XX市人民政府', '', '2024年1月20日', ''].join('\n');

describe('doctype/tongzhi-closing', () => {
  it('特此通知！ / 特此通知 → 特此通知。 (info, safe)', () => {
    const found = bad(rule, tongzhi('特此通知！'), tongzhi('特此通知。'));
    assert.equal(found[0].severity, 'info');
    bad(rule, tongzhi('特此通知'), tongzhi('特此通知。'));
    bad(rule, tongzhi('特此通报!', '关于XX情况的通报'), tongzhi('特此通报。', '关于XX情况的通报'));
  });

  it('the other 文种 word (not a safe fix)', () => {
    const found = reportOnly(rule, tongzhi('特此通报。'));
    assert.match(found[0].message, /特此通知。/);
  });

  it('accepts the standard closing and documents without one', () => {
    good(rule, tongzhi('特此通知。'));
    good(rule, tongzhi('请遵照执行。'));
  });

  it('only for 通知 and 通报', () => {
    good(rule, tongzhi('特此通知！', '关于XX问题的请示'));
  });
});
