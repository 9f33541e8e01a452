import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/punctuation/range-connector';
import { bad, good, reportOnly, run, stable } from './helpers';

describe('punctuation/range-connector', () => {
  it('uses ～ for numeric ranges', () => {
    bad(rule, '用3-5年时间', '用3～5年时间');
    bad(rule, '用3~5年时间', '用3～5年时间');
    bad(rule, '增长15%-30%', '增长15%～30%');
    bad(rule, '形成3 - 5个平台', '形成3～5个平台');
    bad(rule, '年龄范围是14-35周岁', '年龄范围是14～35周岁');
    const [f] = run(rule, '用3-5年时间');
    assert.equal(f.message, '数值范围应使用浪纹线“～”连接，写作“3～5”，不用“-”');
    assert.equal(f.severity, 'warning');
  });

  it('uses — between time points', () => {
    bad(rule, '规划（2016-2020年）', '规划（2016—2020年）');
    bad(rule, '上午9:00-11:30', '上午9:00—11:30');
    bad(rule, '于3-5月开展', '于3—5月开展');
  });

  it('does not fix an ambiguous day span automatically', () => {
    reportOnly(rule, '在10-15日内完成');
  });

  it('reports a full-width hyphen as a hint', () => {
    const [f] = run(rule, '规划（2018－2020年）');
    assert.equal(f.severity, 'info');
  });

  it('leaves codes, dates, phone numbers and labels alone', () => {
    good(rule, '按照GB/T 9704-2012执行');
    good(rule, '于2024-03-05发布');
    good(rule, '于2024-3完成');
    good(rule, '联系电话：0571-12345678');
    good(rule, '电话：010-1234-5678');
    good(rule, '见图1-2和表3-1');
    good(rule, '3,4-亚甲基二氧苯基');
    good(rule, '比分为3-1');
    good(rule, '位于1-2号楼');
    good(rule, 'COVID-19疫情');
    good(rule, '编号A12-15');
  });

  it('leaves correct connectors alone', () => {
    good(rule, '用3～5年时间');
    good(rule, '2023—2025年');
  });

  it('works on Markdown', () => {
    bad(rule, '用3-5年时间\n', '用3～5年时间\n', 'markdown');
    good(rule, '运行 `3-5` 次\n', 'markdown');
  });

  it('is stable under fix-all', () => {
    stable(rule, '用3-5年时间，在2023-2025年，上午9:00-11:30，增长15%-30%');
  });
});

describe('punctuation/range-connector: ～ between time points', () => {
  it('uses — instead of ～ between years and clock times', () => {
    bad(rule, '规划（2023～2025年）', '规划（2023—2025年）');
    bad(rule, '上午9:00～11:30', '上午9:00—11:30');
  });
  it('keeps ～ for numeric ranges and ambiguous day spans', () => {
    good(rule, '用3～5年时间');
    good(rule, '在10～15日内完成');
    good(rule, '增长15%～30%');
  });
});
