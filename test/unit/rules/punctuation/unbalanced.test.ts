import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/punctuation/unbalanced';
import { good, reportOnly, run } from './helpers';

describe('punctuation/unbalanced', () => {
  it('reports an unclosed or unopened mark, without a fix', () => {
    const [f] = reportOnly(rule, '根据《中华人民共和国预算法规定，');
    assert.equal(f.message, '前书名号“《”没有对应的后书名号“》”，成对标点应前后配对');
    assert.equal(run(rule, '他说：“这是。')[0].message, '前引号“没有对应的后引号”，成对标点应前后配对');
    assert.equal(f.severity, 'error');
    reportOnly(rule, '完善机制（试行。');
    reportOnly(rule, '完善机制试行）。');
    reportOnly(rule, '国发〔2024号');
    reportOnly(rule, '他说：“这是。');
    reportOnly(rule, '【专栏1 重点工程');
    reportOnly(rule, '〈试行〉〉');
  });

  it('points at the unpaired mark', () => {
    const src = '（一）完善机制（试行。';
    const [f] = run(rule, src);
    assert.equal(src.slice(f.start, f.end), '（');
    assert.equal(f.start, 7);
  });

  it('accepts balanced and nested pairs', () => {
    good(rule, '《国务院关于〈中华人民共和国预算法〉的决定》（国发〔2024〕1号）');
    good(rule, '“关于‘十四五’规划”【专栏1】');
  });

  it('accepts ordinals written with a closing parenthesis', () => {
    good(rule, '1）加强领导');
    good(rule, '  a）落实责任');
  });

  it('accepts a title or note wrapped over several lines', () => {
    good(rule, '国务院关于印发《全国农业现代化规划\n（2016—2020年）》的通知');
    good(rule, '（1994年1月28日发布\n根据2018年决定修订）\n第一条');
  });

  it('accepts a quotation of several paragraphs', () => {
    good(rule, '修改为：“第一段。\n“第二段。\n“第三段。”');
    good(rule, '修改为：“第一段。\n第二段。”');
  });

  it('still reports a mark left open at the end of the document', () => {
    reportOnly(rule, '第一段（说明\n第二段。\n第三段。');
  });

  it('leaves curly quotes to punctuation/quotes when the block has ASCII quotes', () => {
    good(rule, '落实“放管服"改革');
  });

  it('works on Markdown paragraphs', () => {
    reportOnly(rule, '# 标题\n\n根据《预算法规定。\n', 'markdown');
    good(rule, '根据《预算法》\n规定。\n', 'markdown');
  });
});
