import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/punctuation/quotes';
import { bad, good, run, stable } from './helpers';

describe('punctuation/quotes', () => {
  it('converts ASCII double quotes in Chinese text, pair by pair', () => {
    bad(rule, '落实"放管服"改革', '落实“放管服”改革');
    bad(rule, '"一网通办"和"最多跑一次"', '“一网通办”和“最多跑一次”');
    const found = run(rule, '落实"放管服"改革');
    assert.equal(found.length, 1);
    assert.equal(found[0].fixes[0].edits.length, 2);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /“”/);
  });

  it('converts the ASCII half of a mixed pair', () => {
    bad(rule, '落实“放管服"改革', '落实“放管服”改革');
    bad(rule, '推进"互联网+政务服务”', '推进“互联网+政务服务”');
  });

  it('converts single quotes used as inner quotes', () => {
    bad(rule, "“关于'十四五'规划”", '“关于‘十四五’规划”');
  });

  it('converts corner brackets', () => {
    bad(rule, '所谓「一网通办」', '所谓“一网通办”');
    bad(rule, '「关于『放管服』改革」', '“关于‘放管服’改革”');
  });

  it('leaves English text, apostrophes and primes alone', () => {
    good(rule, 'He said "hello" to me');
    good(rule, "China's economy and the students' union");
    good(rule, "会议室长5'");
    good(rule, '屏幕尺寸为15"');
    good(rule, '英文名称 "Belt and Road"');
  });

  it('leaves quotes that do not pair up alone', () => {
    good(rule, '他说"这是');
    good(rule, '“关于"十四五"规划”'); // nested doubles: which form is meant is unclear
  });

  it('works on Markdown and skips inline code', () => {
    bad(rule, '落实"放管服"改革\n', '落实“放管服”改革\n', 'markdown');
    good(rule, '配置项 `"name"` 填写名称\n', 'markdown');
  });

  it('is stable under fix-all', () => {
    stable(rule, '"一网通办"、「最多跑一次」和"不见面审批"，“关于\'十四五\'规划”');
  });
});
