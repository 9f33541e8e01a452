import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/doctype/pifu';
import { bad, good, reportOnly, spans } from '../structure/_helpers';

const pifu = (...body: string[]) => ['XX市人民政府关于同意设立XX开发区的批复', '', 'XX区人民政府：', '', ...body, '', 'XX市人民政府', '', '2024年3月5日', ''].join('\n');

describe('doctype/pifu', () => {
  it('opening without citing the request (info, no fix)', () => {
    const src = pifu('经研究，同意设立XX开发区。', '此复。');
    const found = reportOnly(rule, src);
    assert.equal(found[0].severity, 'info');
    assert.deepEqual(spans(found, src), ['经研究，同意设立XX开发区。']);
  });

  it('closing 此复！ → 此复。', () => {
    bad(rule, pifu('你区《关于设立XX开发区的请示》（X区政〔2024〕3号）收悉。现批复如下：', '此复！'), pifu('你区《关于设立XX开发区的请示》（X区政〔2024〕3号）收悉。现批复如下：', '此复。'));
    bad(rule, pifu('你区请示收悉。', '此复'), pifu('你区请示收悉。', '此复。'));
  });

  it('accepts the standard form and a 批复 without 此复', () => {
    good(rule, pifu('你区《关于设立XX开发区的请示》（X区政〔2024〕3号）收悉。现批复如下：', '一、同意设立XX开发区。', '此复。'));
    good(rule, pifu('你省关于报请审批苏州市城市总体规划的请示收悉。现批复如下：', '一、原则同意。'));
  });

  it('only for 批复', () => {
    good(rule, ['关于做好有关工作的通知', '', '各单位：', '', '经研究，决定如下。', '此复！', ''].join('\n'));
  });
});
