import assert from 'node:assert/strict';
import { rule as deDiDe } from '../../../../server/src/rules/wording/de-di-de';
import { rule as jiezhi } from '../../../../server/src/rules/wording/jiezhi';
import { rule as relativeTime } from '../../../../server/src/rules/wording/relative-time';
import { bad, good, reportOnly, run, fix, stable } from '../punctuation/helpers';

describe('wording/de-di-de', () => {
  it('hints 地 for an adverbial before a verb', () => {
    const [f] = reportOnly(deDiDe, '各地要认真的落实');
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '“认真”在此修饰动词作状语，宜用“地”：“认真地”');
    assert.equal(f.fixes[0].title, '改为“地”');
    reportOnly(deDiDe, '，积极的推进改革');
    reportOnly(deDiDe, '必须坚决的贯彻');
  });
  it('hints 得 before a degree complement', () => {
    const [f] = reportOnly(deDiDe, '各项工作完成的很好');
    assert.match(f.message, /得/);
    reportOnly(deDiDe, '这项工作做的非常到位');
    reportOnly(deDiDe, '请做的很好的单位介绍经验');
  });
  it('offers a fix that produces the right form', () => {
    const src = '要认真的落实';
    const f = run(deDiDe, src)[0];
    const e = f.fixes[0].edits[0];
    assert.equal(src.slice(0, e.start) + e.newText + src.slice(e.end), '要认真地落实');
    assert.equal(fix(deDiDe, src), src, 'info hints are not applied by fix-all');
  });
  it('leaves nominal uses and correct forms alone', () => {
    good(deDiDe, '提供有效的保障');
    good(deDiDe, '实现全面的提升');
    good(deDiDe, '要认真地落实');
    good(deDiDe, '完成得很好');
    good(deDiDe, '我们做的很多工作');
  });
});

describe('wording/jiezhi', () => {
  it('replaces 截止 before a time point with 截至', () => {
    bad(jiezhi, '截止目前，已完成投资', '截至目前，已完成投资');
    bad(jiezhi, '截止2024年底，全省共有', '截至2024年底，全省共有');
    bad(jiezhi, '数据显示，截止3月底', '数据显示，截至3月底');
    bad(jiezhi, '统计数据截止当前', '统计数据截至当前');
    const [f] = run(jiezhi, '截止目前');
    assert.equal(f.severity, 'warning');
    assert.equal(f.safe, true);
  });
  it('leaves 截止 meaning "to end" alone', () => {
    good(jiezhi, '截止日期为5月1日');
    good(jiezhi, '申报截止时间');
    good(jiezhi, '报名截止后不再受理');
    good(jiezhi, '于2024年5月1日截止');
    good(jiezhi, '申报截止2024年5月1日'); // "ends on": 截止 after a subject
    good(jiezhi, '截至目前');
  });
  it('is stable under fix-all', () => {
    stable(jiezhi, '截止目前，截止2024年底，截止日期');
  });
});

describe('wording/relative-time', () => {
  it('hints to write a concrete date', () => {
    const [f] = reportOnly(relativeTime, '今年完成改造任务');
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '“今年”是相对时间，公文宜写明具体年份（如“2025年”）');
    reportOnly(relativeTime, '下周召开会议');
    reportOnly(relativeTime, '国务院日前印发');
    reportOnly(relativeTime, '近日，中共中央印发');
  });
  it('leaves 日前 after a date or a day word alone', () => {
    good(relativeTime, '3月1日前报送');
    good(relativeTime, '节日前开展检查');
    good(relativeTime, '请于××月××日前报送');
    good(relativeTime, '5个工作日前');
  });
  it('leaves names in quotes and titles alone', () => {
    good(relativeTime, '开展“通向明天”活动');
    good(relativeTime, '《今年工作要点》');
  });
});
