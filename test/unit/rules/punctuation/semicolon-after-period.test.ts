import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/punctuation/semicolon-after-period';
import { good, reportOnly } from './helpers';

describe('punctuation/semicolon-after-period', () => {
  it('reports an item that holds a 句号 and ends with a 分号, without a safe fix', () => {
    const [f] = reportOnly(rule, '（一）加强领导。明确责任分工；');
    assert.equal(f.message, '分项内已使用句号，各项末尾应使用句号“。”，不用分号“；”');
    assert.equal(f.fixes[0].edits[0].newText, '。');
    reportOnly(rule, '1.按照预算拨付。不得擅自改变用途；  ');
  });
  it('leaves items without an inner 句号 and quoted sentences alone', () => {
    good(rule, '（一）加强领导，明确责任分工；');
    good(rule, '（二）落实“谁主管、谁负责。”的要求；');
    good(rule, '（一）加强领导。明确责任分工。');
  });
  it('checks Markdown list items and paragraphs as items, not their soft-wrapped lines', () => {
    reportOnly(rule, '1. 加强领导。明确责任；\n2. 落实责任。\n', 'markdown');
    good(rule, '行距用固定值。这样每页 22 行；\n节属性里仍写着网格。\n', 'markdown');
  });
});
