import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/doc-number';
import { bad, direct, good, reportOnly, spans } from './_helpers';

const withNumber = (n: string, title = '关于做好春节期间安全生产工作的通知') =>
  `XX市人民政府文件\n\n${n}\n\n${title}\n\n各区县人民政府：\n\n现将有关事项通知如下。\n`;

describe('structure/doc-number', () => {
  it('fixes brackets, 第 and leading zeros together', () => {
    const src = withNumber('国办发[2024]第012号');
    const found = bad(rule, src, withNumber('国办发〔2024〕12号'));
    assert.equal(found.length, 1);
    assert.deepEqual(spans(found, src), ['国办发[2024]第012号']);
    assert.match(found[0].message, /六角括号“〔〕”/);
    assert.match(found[0].message, /不加“第”/);
    assert.match(found[0].message, /虚位/);
    assert.match(found[0].message, /国办发〔2024〕12号/);
    assert.equal(found[0].severity, 'error');
  });

  it('fixes parentheses and 【】', () => {
    bad(rule, withNumber('国办发(2024)12号'), withNumber('国办发〔2024〕12号'));
    bad(rule, withNumber('国办发（2024）12号'), withNumber('国办发〔2024〕12号'));
    bad(rule, withNumber('京政发【2024】3号'), withNumber('京政发〔2024〕3号'));
    bad(rule, withNumber('京政发〔２０２４〕３号'), withNumber('京政发〔2024〕3号'));
    bad(rule, withNumber('国办发 〔2024〕 12号'), withNumber('国办发〔2024〕12号'));
  });

  it('never guesses the century of a two-digit year', () => {
    const src = withNumber('国办发〔24〕12号');
    const found = reportOnly(rule, src);
    assert.match(found[0].message, /年份应标全称/);
    // brackets are still corrected, the year stays as written
    bad(rule, withNumber('国办发[24]12号'), withNumber('国办发〔24〕12号'));
  });

  it('keeps the 签发人 part of the line out of the range and the fix', () => {
    const src = withNumber('X政发[2024]3号　　签发人：张三', '关于申请经费的请示');
    const found = bad(rule, src, withNumber('X政发〔2024〕3号　　签发人：张三', '关于申请经费的请示'));
    assert.deepEqual(spans(found, src), ['X政发[2024]3号']);
  });

  it('accepts the correct form, also under the title (published layout)', () => {
    good(rule, withNumber('国办发〔2024〕12号'));
    good(rule, '国务院关于苏州市城市总体规划的批复\n国函〔2016〕134号\n江苏省人民政府：\n你省请示收悉。\n');
  });

  it('false positives: 令号, standard numbers, issue numbers, 文号 cited in the body', () => {
    good(rule, '中华人民共和国国务院令\n第704号\n《行政区划管理条例》已经国务院常务会议通过，现予公布。\n');
    good(rule, withNumber('国办发〔2024〕12号').replace('现将有关事项通知如下。', '按照GB/T 9704-2012执行，参见2024年第3期、国办发[2023]第5号。'));
  });

  it('works when called directly with a structure', () => {
    const reports = direct(rule, withNumber('国办发[2024]12号'));
    assert.equal(reports.length, 1);
    assert.equal(reports[0].fixes?.[0].edits[0].newText, '国办发〔2024〕12号');
  });
});
