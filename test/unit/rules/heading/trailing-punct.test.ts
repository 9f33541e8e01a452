import { strict as assert } from 'node:assert';
import { check, fixAll } from '../../../../server/src/engine/index';
import { rule } from '../../../../server/src/rules/heading/trailing-punct';
import { rule as ordinal } from '../../../../server/src/rules/heading/ordinal-format';
import { rule as sequence } from '../../../../server/src/rules/heading/sequence';
import type { DocFormat } from '../../../../server/src/engine/types';

const HEAD = '# 关于做好安全生产工作的通知\n\n各区人民政府：\n\n';

function run(body: string, format: DocFormat = 'markdown') {
  const text = format === 'markdown' ? HEAD + body + '\n' : '关于做好安全生产工作的通知\n各区人民政府：\n' + body + '\n';
  const r = check(text, { format, rules: [rule] });
  return { text, findings: r.findings };
}

describe('heading/trailing-punct', () => {
  it('flags a comma or semicolon after a stand-alone heading, with a safe fix', () => {
    for (const mark of ['，', '；']) {
      const { text, findings } = run(`一、总体要求${mark}\n\n各单位要高度重视。`);
      assert.equal(findings.length, 1, mark);
      assert.equal(findings[0].severity, 'warning');
      assert.equal(text.slice(findings[0].start, findings[0].end), mark);
      assert.ok(findings[0].safe);
      assert.equal(findings[0].message, `单独成行的标题末尾不加标点：删去“总体要求${mark}”末尾的“${mark}”`);
      const out = fixAll(text, { format: 'markdown', rules: [rule] }).output;
      assert.ok(out.includes('一、总体要求\n'));
    }
  });

  it('flags (as a hint, without fix-all) a full stop after a first-level heading and a colon after levels 1–2', () => {
    let f = run('一、总体要求。\n\n各单位要高度重视。').findings;
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'info');
    assert.equal(f[0].safe, false);
    assert.equal(f[0].fixes.length, 1);
    f = run('一、总体要求\n\n（一）工作目标：\n\n全年完成任务。').findings;
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'info');
  });

  it('works on plain text', () => {
    const { findings } = run('一、总体要求；\n各单位要高度重视。', 'plaintext');
    assert.equal(findings.length, 1);
  });

  it('flags a heading with a deeper heading beneath it', () => {
    assert.equal(run('一、总体要求，\n\n（一）指导思想\n\n正文。').findings.length, 1);
  });

  const good: Array<[string, string]> = [
    ['a heading without a mark', '一、总体要求\n\n各单位要高度重视。'],
    ['a run-in heading', '（一）加强组织领导。各地区要建立工作机制。'],
    ['a run-in heading continued after a soft line break', '（一）加强组织领导。\n各地区要建立工作机制。'],
    ['a second-level heading with 。 on its own line (run-in style, as published)', '（一）加强组织领导。\n\n各地区要建立工作机制。'],
    ['a one-sentence item', '1.各单位要于3月底前报送材料，逾期不予受理。\n\n2.材料一式两份。'],
    ['the items of a list', '（1）组织领导；\n\n（2）经费保障；\n\n（3）督促检查。\n\n以上工作要抓紧落实。'],
    ['the last item of a list', '（1）组织领导；\n\n（2）经费保障，\n\n以上工作要抓紧落实。'],
    ['a lead-in ending with a colon', '一、总体要求\n\n（一）主要内容如下：\n\n1.甲'],
    ['a colon after a third-level heading', '1.具体安排：\n\n上午报到。'],
    ['a heading at the end of the document', '一、总体要求，'],
    ['a long sentence', '一、各单位要按照本通知要求认真组织开展自查自纠工作并于月底前完成整改，\n\n正文。'],
  ];
  for (const [name, body] of good) {
    it(`leaves alone ${name}`, () => assert.deepEqual(run(body).findings, []));
  }
});

describe('heading rules: fix-all on a draft', () => {
  it('leaves no fixable heading finding, and a second pass changes nothing', () => {
    const rules = [ordinal, sequence, rule];
    const draft = [
      '# 关于做好防汛工作的通知',
      '各区人民政府：',
      '一.总体要求，',
      '各区要高度重视。',
      '(一)、加强领导；',
      '成立工作专班。',
      '1、 落实责任',
      '2、强化保障',
      '第一、压实属地责任。',
    ].join('\n\n') + '\n';
    const once = fixAll(draft, { format: 'markdown', rules });
    assert.equal(
      once.output,
      [
        '# 关于做好防汛工作的通知',
        '各区人民政府：',
        '一、总体要求',
        '各区要高度重视。',
        '（一）加强领导',
        '成立工作专班。',
        '1.落实责任',
        '2.强化保障',
        '第一，压实属地责任。',
      ].join('\n\n') + '\n',
    );
    assert.ok(once.remaining.every((f) => !f.safe));
    const twice = fixAll(once.output, { format: 'markdown', rules });
    assert.equal(twice.output, once.output);
    assert.equal(twice.fixed, 0);
  });
});
