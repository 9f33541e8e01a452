import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/doctype/baogao-no-request';
import { good, reportOnly, spans } from '../structure/_helpers';

const baogao = (...body: string[]) => ['关于2024年防汛工作情况的报告', '', '市人民政府：', '', ...body, '', 'XX区人民政府', '', '2024年10月5日', ''].join('\n');

describe('doctype/baogao-no-request', () => {
  it('请示事项 in a 报告', () => {
    const src = baogao('今年我区防汛工作取得成效。', '以上报告，妥否，请批示。');
    const found = reportOnly(rule, src);
    assert.deepEqual(spans(found, src), ['妥否', '请批示']);
    assert.equal(found[0].severity, 'error');
    reportOnly(rule, baogao('恳请市政府拨付专项资金50万元。', '特此报告。'));
    reportOnly(rule, baogao('以上意见请审批。'));
  });

  it('accepts report closings', () => {
    good(rule, baogao('今年我区防汛工作取得成效。', '特此报告。'));
    good(rule, baogao('今年我区防汛工作取得成效。', '以上报告，请审阅。'));
  });

  it('false positives: quoting a subordinate request, text in quotes', () => {
    good(rule, baogao('各乡镇报来请示，提出请审批新建堤防项目，我局已组织审核。', '特此报告。'));
    good(rule, baogao('我们收到《关于拨付经费的请示》，其中写明“妥否，请批示”。', '特此报告。'));
    good(rule, baogao('项目可行性研究报告已报请省发展改革委审批，预计年底前完成。', '特此报告。'));
    good(rule, baogao('该方案已提请县政府常务会议审议，并报请批复。', '特此报告。'));
  });

  it('only for 报告', () => {
    good(rule, ['关于申请经费的请示', '', '市人民政府：', '', '妥否，请批示。', ''].join('\n'));
  });
});
