import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/element-order';
import { doc, good, reportOnly, spans } from './_helpers';

describe('structure/element-order', () => {
  it('署名 after the date', () => {
    const src = doc({ tail: ['2024年1月20日', 'XX市人民政府'] });
    const found = reportOnly(rule, src);
    assert.deepEqual(spans(found, src), ['XX市人民政府']);
  });

  it('附件说明 after the signature and date', () => {
    const src = doc({ tail: ['XX市人民政府', '', '2024年1月20日', '', '附件：1.检查表', '      2.值班表'] });
    const found = reportOnly(rule, src);
    assert.deepEqual(spans(found, src), ['附件：1.检查表']);
  });

  it('版记 before an attachment', () => {
    const src = doc({
      tail: ['XX市人民政府', '', '2024年1月20日', '', '抄送：市委办公室。', '', 'XX市人民政府办公室  2024年1月20日印发', '', '附件1', '', '检查表'],
    });
    const found = reportOnly(rule, src);
    assert.deepEqual(spans(found, src), ['附件1']);
  });

  it('抄送 after the 印发 line', () => {
    const src = doc({ tail: ['XX市人民政府', '', '2024年1月20日', '', 'XX市人民政府办公室  2024年1月20日印发', '', '抄送：市委办公室。'] });
    const found = reportOnly(rule, src);
    assert.match(found[0].message, /抄送应排在/);
  });

  it('accepts the standard order', () => {
    good(rule, doc({ tail: ['XX市人民政府', '', '2024年1月20日', '', '（此件公开发布）', '', '附件1', '', '检查表', '', '抄送：市委办公室。', '', 'XX市人民政府办公室  2024年1月20日印发'] }));
  });

  it('false positives: a draft without 版头 or 版记, the 文号 printed under the title', () => {
    good(rule, '关于做好有关工作的通知\n\n各单位：\n\n现将有关事项通知如下。\n');
    good(rule, '国务院关于苏州市城市总体规划的批复\n国函〔2016〕134号\n江苏省人民政府：\n你省请示收悉。\n国务院\n2016年9月1日\n（此件公开发布）\n');
  });
});
