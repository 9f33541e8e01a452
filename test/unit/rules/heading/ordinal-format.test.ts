import { strict as assert } from 'node:assert';
import { check, fixAll } from '../../../../server/src/engine/index';
import { rule } from '../../../../server/src/rules/heading/ordinal-format';
import type { DocFormat } from '../../../../server/src/engine/types';

function run(text: string, format: DocFormat = 'markdown') {
  return check(text, { format, rules: [rule] }).findings;
}
function fixed(text: string, format: DocFormat = 'markdown') {
  return fixAll(text, { format, rules: [rule] }).output;
}

describe('heading/ordinal-format', () => {
  const bad: Array<[string, string, string]> = [
    ['1、加强组织领导', '1.加强组织领导', '1、'],
    ['12、强化监督检查', '12.强化监督检查', '12、'],
    ['（一）、总体要求', '（一）总体要求', '（一）、'],
    ['（1）.明确责任', '（1）明确责任', '（1）.'],
    ['（一）、2024年工作回顾', '（一）2024年工作回顾', '（一）、'],
    ['(一)总体要求', '（一）总体要求', '(一)'],
    ['(1)明确责任分工', '（1）明确责任分工', '(1)'],
    ['（二)主要任务', '（二）主要任务', '（二)'],
    ['(3）落实经费', '（3）落实经费', '(3）'],
    ['(一)、总体要求', '（一）总体要求', '(一)、'],
    ['一.工作目标', '一、工作目标', '一.'],
    ['二．主要任务', '二、主要任务', '二．'],
    ['三，保障措施', '三、保障措施', '三，'],
    ['第一、提高思想认识', '第一，提高思想认识', '第一、'],
  ];
  for (const [input, output, marker] of bad) {
    it(`flags ${input}`, () => {
      const f = run(input);
      assert.equal(f.length, 1, JSON.stringify(f));
      assert.equal(f[0].severity, 'error');
      assert.equal(input.slice(f[0].start, f[0].end), marker);
      assert.ok(f[0].safe);
      assert.match(f[0].message, /应/);
      assert.equal(fixed(input), output);
      assert.equal(run(output).length, 0, 'the fixed text checks clean');
    });
  }

  it('names the right form in the message', () => {
    assert.equal(run('1、加强组织领导')[0].message, '阿拉伯数字序号后应使用下脚点“.”，不用顿号：“1、”应为“1.”');
    assert.match(run('(1)明确责任')[0].message, /“\(1\)”应为“（1）”/);
    assert.equal(run('(1)明确责任')[0].fixes[0].title, '改为“（1）”');
  });

  it('drops the blank after `1、` so that the fix does not make a Markdown list', () => {
    assert.equal(fixed('1、 加强组织领导'), '1.加强组织领导');
  });

  it('checks every line of a paragraph and indented lines', () => {
    const text = '一、总体要求\n(二)主要任务\n3、抓好落实';
    assert.equal(run(text).length, 2);
    assert.equal(fixed(text), '一、总体要求\n（二）主要任务\n3.抓好落实');
    assert.equal(run('　　1、加强领导', 'plaintext').length, 1);
    assert.equal(fixed('　　1、加强领导', 'plaintext'), '　　1.加强领导');
  });

  it('works on plain text', () => {
    assert.equal(fixed('（一）、总体要求\n1、加强领导\n', 'plaintext'), '（一）总体要求\n1.加强领导\n');
  });

  const good = [
    '一、总体要求',
    '（一）加强组织领导',
    '1.加强组织领导',
    '1. 加强组织领导',
    '（1）明确责任',
    '第一，提高思想认识',
    '1.5亿元已经拨付到位。',
    '第1、2条规定的情形除外。',
    '2024、2025年连续两年完成任务。',
    '1、2月份全市经济运行平稳。',
    '3、4季度要加快进度。',
    '第一、二批试点单位要总结经验。',
    '第一、第二产业协调发展。',
    '一、二级医院要按要求配备人员。',
    '一，二，三，四，报数。',
    '根据本办法第三条1、2项的规定办理。',
    '（1、2）两项已经完成。',
    '(a)项不适用。',
    '(2024)京01民初1号判决书',
    '1)加强领导',
  ];
  for (const text of good) {
    it(`leaves alone: ${text}`, () => assert.deepEqual(run(text), []));
  }

  it('skips table cells', () => {
    const table = '| 序号 | 内容 |\n| --- | --- |\n| 1、 | 材料 |\n| (一)材料 | 2 |\n';
    assert.deepEqual(run(table), []);
  });

  it('leaves the items of a 附件说明 to structure/attachment-note', () => {
    const text = '关于做好防汛工作的通知\n各区人民政府：\n一、总体要求\n正文。\n附件：1、防汛责任表\n2、物资清单\n杭州市人民政府\n2025年3月5日\n';
    assert.deepEqual(run(text, 'plaintext'), []);
  });

  it('skips enumerations inside running text', () => {
    assert.deepEqual(run('各地要做好以下工作：1、加强领导；2、落实责任。'), []);
  });
});
