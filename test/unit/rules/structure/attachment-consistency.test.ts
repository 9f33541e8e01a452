import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/attachment-consistency';
import { doc, good, reportOnly, spans } from './_helpers';

const draft = (note: string[], attachments: string[]) =>
  doc({ body: ['现将有关事项通知如下。', '', ...note], tail: ['XX市人民政府', '', '2024年1月20日', '', ...attachments] });

describe('structure/attachment-consistency', () => {
  it('an attachment title that differs from the 附件说明', () => {
    const src = draft(['附件：1.经费预算表', '      2.人员名单'], ['附件1', '', '经费决算表', '', '（表略）', '', '附件2', '', '人员名单', '', '（略）']);
    const found = reportOnly(rule, src);
    assert.deepEqual(spans(found, src), ['经费决算表']);
    assert.match(found[0].message, /经费预算表/);
  });

  it('several attachments but a header without its number', () => {
    const src = draft(['附件：1.经费预算表', '      2.人员名单'], ['附件', '', '经费预算表']);
    const found = reportOnly(rule, src);
    assert.deepEqual(spans(found, src), ['附件']);
  });

  it('a header number the 附件说明 does not list', () => {
    const src = draft(['附件：1.经费预算表', '      2.人员名单'], ['附件3', '', '经费预算表']);
    reportOnly(rule, src);
  });

  it('accepts matching attachments, a title split over two lines, and a single unnumbered attachment', () => {
    good(rule, draft(['附件：1.经费预算表', '      2.人员名单'], ['附件1', '', '经费预算表', '', '附件2', '', '人员名单']));
    good(rule, draft(['附件：1.2017年第三季度各地区、各部门政府网站监管工作情况'], ['附件1', '', '2017年第三季度各地区、各部门', '政府网站监管工作情况']));
    good(rule, draft(['附件：XX工作联席会议制度'], ['附件', '', 'XX工作联席会议制度', '', '为加强统筹协调，建立本制度。']));
  });

  it('false positives: attachments kept in separate files, attachment title left out, number wrapped to the next line', () => {
    good(rule, draft(['附件：1.经费预算表', '      2.人员名单'], []));
    good(rule, draft(['附件：1.改革先锋名单'], ['附件1', '', '（100名）', '', '于敏　中国工程物理研究院原副院长']));
    good(rule, draft(['附件：1.经费预算表', '      2.人员名单'], ['附件1', '', '经费预算表', '', '附件', '2', '人员名单']));
  });
});
