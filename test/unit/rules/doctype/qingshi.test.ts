import { strict as assert } from 'node:assert';
import { rule as closing } from '../../../../server/src/rules/doctype/qingshi-closing';
import { rule as single } from '../../../../server/src/rules/doctype/qingshi-single-recipient';
import { rule as oneMatter } from '../../../../server/src/rules/doctype/qingshi-one-matter';
import { good, reportOnly, run, spans, fix } from '../structure/_helpers';

const qingshi = (body: string[], recipient = '市人民政府：', title = '关于申请拨付防汛专项经费的请示') =>
  [title, '', recipient, '', ...body, '', 'XX区人民政府', '', '2024年6月5日', ''].join('\n');

describe('doctype/qingshi-closing', () => {
  it('a 报告 closing in a 请示', () => {
    const src = qingshi(['今年入汛以来，我区降雨偏多。', '特此报告。']);
    const found = reportOnly(closing, src);
    assert.deepEqual(spans(found, src), ['特此报告']);
    reportOnly(closing, qingshi(['今年入汛以来，我区降雨偏多。', '以上报告，请审阅。']));
  });

  it('no request at the end: offers (not safe) to add 妥否，请批示。', () => {
    const src = qingshi(['今年入汛以来，我区降雨偏多，需要专项经费50万元。']);
    const found = run(closing, src);
    assert.equal(found.length, 1);
    assert.equal(found[0].safe, false);
    assert.equal(fix(closing, src), src, 'fix-all must not insert text');
    assert.equal(found[0].fixes[0].edits[0].newText, '\n妥否，请批示。');
  });

  it('accepts request closings', () => {
    good(closing, qingshi(['今年入汛以来，我区降雨偏多。', '妥否，请批示。']));
    good(closing, qingshi(['今年入汛以来，我区降雨偏多。', '当否，请批复。']));
    good(closing, qingshi(['今年入汛以来，我区降雨偏多。', '以上请示，请予审批。']));
    good(closing, qingshi(['今年入汛以来，我区降雨偏多。恳请市政府拨付专项经费50万元。']));
  });

  it('only for 请示', () => {
    good(closing, qingshi(['今年入汛以来，我区降雨偏多。', '特此报告。'], '市人民政府：', '关于防汛工作情况的报告'));
  });
});

describe('doctype/qingshi-single-recipient', () => {
  it('several recipients', () => {
    const src = qingshi(['妥否，请批示。'], '市人民政府、市财政局：');
    const found = reportOnly(single, src);
    assert.deepEqual(spans(found, src), ['市人民政府、市财政局：']);
    assert.match(found[0].message, /2个机关/);
  });

  it('accepts one recipient, also one with a parenthesis or 和 in its name', () => {
    good(single, qingshi(['妥否，请批示。']));
    good(single, qingshi(['妥否，请批示。'], '省发展和改革委员会：'));
    good(single, qingshi(['妥否，请批示。'], '市人民政府（市政府办公室、市财政局）：'));
  });

  it('only for 请示', () => {
    good(single, qingshi(['现将有关事项通知如下。'], '各区县人民政府、市政府各部门：', '关于做好有关工作的通知'));
  });
});

describe('doctype/qingshi-one-matter', () => {
  it('requests under two first-level headings (info)', () => {
    const src = qingshi(['一、关于增加编制', '请予批准增加编制5名。', '二、关于拨付经费', '请予拨付经费50万元。', '妥否，请批示。']);
    const found = reportOnly(oneMatter, src);
    assert.equal(found[0].severity, 'info');
    assert.deepEqual(spans(found, src), ['二、关于拨付经费']);
  });

  it('accepts one matter, with the closing after the last section', () => {
    good(oneMatter, qingshi(['一、基本情况', '我区降雨偏多。', '二、请示事项', '恳请拨付经费50万元。', '以上请示，请予批准。']));
    good(oneMatter, qingshi(['一、申请事项', '请予拨付经费50万元。', '二、资金用途', '用于堤防加固。', '以上请示，请予批准。']));
  });
});

describe('doctype/qingshi-closing with CRLF line ends', () => {
  it('the offered closing uses the draft line ends', () => {
    const src = '# 关于申请经费的请示\r\n\r\n市人民政府：\r\n\r\n我区需要专项经费50万元。\r\n';
    const found = run(closing, src, 'markdown');
    assert.equal(found[0].fixes[0].edits[0].newText, '\r\n\r\n妥否，请批示。');
  });
});
