// A realistic 通知 draft with planted punctuation, number and wording slips:
// every slip is found (recall), nothing correct is flagged (the phone number,
// the ratio, the clock time, the 〔〕-free ordinals), and fix-all produces the
// expected text, after which nothing safe is left and a second pass is a no-op.

import assert from 'node:assert/strict';
import { check, fixAll } from '../../../../server/src/engine/index';
import { allRules } from '../../../../server/src/rules/index';

const rules = allRules.filter((r) => ['punctuation', 'number', 'wording'].includes(r.meta.category));

const DRAFT = [
  '关于做好2024年安全生产工作的通知',
  '各区县人民政府,市政府各部门:',
  '为认真贯彻落实"安全第一,预防为主"方针,现将有关事项通知如下:',
  '一、总体要求',
  '截止目前,全市共排查隐患3千余处,整改率达到95%.各地要认真的落实属地责任(含乡镇、街道),用3-5年时间基本建立长效机制。',
  '二、重点任务',
  '(一)开展隐患排查。。重点检查钢铁、煤炭、水泥、等行业...',
  '(二)强化执法检查--对违法行为依法查处，罚款金额为1～2万元。',
  '(三)加强宣传教育。组织开展《安全生产月活动》，《安全生产法》、《消防法》等法律法规宣传，时间为二零二四年6月1日至30日。',
  '三、工作要求',
  '各单位于24年3月31日前报送总结，联系电话：0571-12345678。比例不低于1:200，上午9:00-11:30集中培训，增长15～30%。',
  '下周召开推进会，请各部门做的很好的单位介绍经验？？',
  '',
].join('\n');

/** [rule id, flagged source text] in document order. */
const EXPECTED: Array<[string, string]> = [
  ['punctuation/fullwidth', ','],
  ['punctuation/fullwidth', ':'],
  ['punctuation/quotes', '"'],
  ['punctuation/fullwidth', ','],
  ['punctuation/fullwidth', ','],
  ['punctuation/fullwidth', ':'],
  ['wording/jiezhi', '截止'],
  ['punctuation/fullwidth', ','],
  ['number/arabic-qian-bai', '3千'],
  ['punctuation/fullwidth', ','],
  ['punctuation/fullwidth', '.'],
  ['wording/de-di-de', '认真的'],
  ['punctuation/fullwidth', '('],
  ['punctuation/fullwidth', ','],
  ['punctuation/range-connector', '3-5'],
  ['punctuation/fullwidth', '('],
  ['punctuation/repeated', '。。'],
  ['punctuation/dunhao-before-deng', '、'],
  ['punctuation/ellipsis', '...'],
  ['punctuation/fullwidth', '('],
  ['punctuation/dash', '--'],
  ['number/range-unit', '1～2万'],
  ['punctuation/fullwidth', '('],
  ['punctuation/shuminghao-misuse', '《安全生产月活动》'],
  ['punctuation/dunhao-quoted', '、'],
  ['number/chinese-year-zero', '二零二四'],
  ['number/mixed-date', '二零二四年6月1日'],
  ['number/year-abbrev', '24年'],
  ['punctuation/range-connector', '9:00-11:30'],
  ['number/range-unit', '15～30%'],
  ['wording/relative-time', '下周'],
  ['wording/de-di-de', '的'],
  ['punctuation/repeated', '？？'],
];

const FIXED = [
  '关于做好2024年安全生产工作的通知',
  '各区县人民政府，市政府各部门：',
  '为认真贯彻落实“安全第一，预防为主”方针，现将有关事项通知如下：',
  '一、总体要求',
  '截至目前，全市共排查隐患3000余处，整改率达到95%。各地要认真的落实属地责任（含乡镇、街道），用3～5年时间基本建立长效机制。',
  '二、重点任务',
  '（一）开展隐患排查。重点检查钢铁、煤炭、水泥等行业……',
  '（二）强化执法检查——对违法行为依法查处，罚款金额为1万～2万元。',
  '（三）加强宣传教育。组织开展《安全生产月活动》，《安全生产法》、《消防法》等法律法规宣传，时间为2024年6月1日至30日。',
  '三、工作要求',
  '各单位于24年3月31日前报送总结，联系电话：0571-12345678。比例不低于1:200，上午9:00—11:30集中培训，增长15%～30%。',
  '下周召开推进会，请各部门做的很好的单位介绍经验？',
  '',
].join('\n');

describe('punctuation, number and wording rules on a draft 通知', () => {
  it('find every planted slip and nothing else', () => {
    const { findings } = check(DRAFT, { format: 'plaintext', rules });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, DRAFT.slice(f.start, f.end)]),
      EXPECTED,
    );
  });

  it('fix-all applies the certain fixes only, and is stable', () => {
    const once = fixAll(DRAFT, { format: 'plaintext', rules });
    assert.equal(once.output, FIXED);
    assert.deepEqual(once.remaining.filter((f) => f.safe).map((f) => f.ruleId), []);
    // what is left needs the writer: hints, the abbreviated year
    assert.deepEqual(
      once.remaining.map((f) => f.ruleId).sort(),
      ['number/year-abbrev', 'punctuation/dunhao-quoted', 'punctuation/shuminghao-misuse', 'wording/de-di-de', 'wording/de-di-de', 'wording/relative-time'],
    );
    assert.equal(fixAll(once.output, { format: 'plaintext', rules }).output, once.output);
  });
});
