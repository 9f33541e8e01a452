import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/date-format';
import { bad, doc, good, reportOnly, spans } from './_helpers';

const withDate = (d: string) => doc({ tail: ['XX市人民政府', '', d] });

describe('structure/date-format', () => {
  it('zero padding, Chinese numerals, dotted and dashed dates → 2025年3月5日', () => {
    const src = withDate('2025年03月05日');
    const found = bad(rule, src, withDate('2025年3月5日'));
    assert.deepEqual(spans(found, src), ['2025年03月05日']);
    assert.match(found[0].message, /2025年3月5日/);
    bad(rule, withDate('二〇二五年三月五日'), withDate('2025年3月5日'));
    bad(rule, withDate('二〇二五年十二月三十一日'), withDate('2025年12月31日'));
    bad(rule, withDate('2025.3.5'), withDate('2025年3月5日'));
    bad(rule, withDate('2025-03-05'), withDate('2025年3月5日'));
    bad(rule, withDate('2025年 3月 5日'), withDate('2025年3月5日'));
    bad(rule, withDate('２０２５年３月５日'), withDate('2025年3月5日'));
  });

  it('a two-digit year is reported without a fix', () => {
    const found = reportOnly(rule, withDate('25年3月5日'));
    assert.match(found[0].message, /完整年份/);
  });

  it('the 印发日期 in the 版记', () => {
    const tail = ['XX市人民政府', '', '2025年3月5日', '', '抄送：市委办公室。', '', 'XX市人民政府办公室  2025年03月05日印发'];
    const src = doc({ tail });
    const found = bad(rule, src, src.replace('2025年03月05日印发', '2025年3月5日印发'));
    assert.deepEqual(spans(found, src), ['2025年03月05日']);
    assert.match(found[0].message, /印发日期/);
  });

  it('accepts the standard form', () => {
    good(rule, withDate('2025年3月5日'));
    good(rule, withDate('2025年12月31日'));
  });

  it('false positives: dates quoted in the body', () => {
    good(rule, doc({ body: ['会议定于2025年03月05日召开。', '二〇二五年三月五日前报送。'] }));
    good(rule, doc({ body: ['会议时间：', '2025.3.5', '请准时参加。'] }));
  });
});
