import { strict as assert } from 'node:assert';
import { check } from '../../../../server/src/engine/index';
import { rule } from '../../../../server/src/rules/heading/sequence';

function run(body: string) {
  // a minimal 公文 around the body, so that the headings are 正文
  const text = `# 关于做好安全生产工作的通知\n\n各区人民政府：\n\n${body}\n`;
  const r = check(text, { format: 'markdown', rules: [rule] });
  return r.findings.map((f) => ({ at: text.slice(f.start, f.end), message: f.message, severity: f.severity }));
}

describe('heading/sequence', () => {
  it('accepts a well-numbered four-level body', () => {
    const body = [
      '一、总体要求',
      '（一）指导思想。坚持稳中求进。',
      '（二）工作目标',
      '1.完成年度任务。',
      '2.降低事故总量。',
      '（1）较大事故下降。',
      '（2）一般事故下降。',
      '3.提升应急能力。',
      '二、主要任务',
      '（一）压实责任',
      '（二）强化监管',
      '三、保障措施',
    ].join('\n\n');
    assert.deepEqual(run(body), []);
  });

  it('reports a gap', () => {
    const f = run('一、总体要求\n\n正文。\n\n三、保障措施\n\n正文。');
    assert.equal(f.length, 1);
    assert.equal(f[0].at, '三、');
    assert.equal(f[0].severity, 'warning');
    assert.equal(f[0].message, '序号不连续：“一、”之后应为“二、”，此处为“三、”');
  });

  it('reports a repeat', () => {
    const f = run('一、总体要求\n\n（一）加强领导\n\n（一）强化保障\n\n二、工作安排');
    assert.equal(f.length, 1);
    assert.equal(f[0].at, '（一）');
    assert.match(f[0].message, /序号重复.*应为“（二）”/);
  });

  it('reports numbering that does not start at 一 or 1 under a parent', () => {
    const f = run('一、总体要求\n\n（二）加强领导\n\n（三）强化保障');
    assert.equal(f.length, 1);
    assert.equal(f[0].message, '序号应从“（一）”开始，此处为“（二）”');
  });

  it('reports a number that goes backwards', () => {
    const f = run('一、总体要求\n\n（一）甲\n\n（二）乙\n\n（三）丙\n\n（二）丁');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /序号顺序错误：“（三）”之后应为“（四）”/);
  });

  it('reports a higher-level form beneath a lower one', () => {
    const f = run('一、总体要求\n\n1.加强领导\n\n2.强化保障\n\n（一）明确分工\n\n二、工作安排').filter((x) => x.severity === 'warning');
    assert.equal(f.length, 1);
    assert.equal(f[0].at, '（一）');
    assert.match(f[0].message, /层次序数颠倒/);
  });

  it('allows skipping a level when the document has only two levels', () => {
    assert.deepEqual(run('一、总体要求\n\n1.加强领导\n\n2.强化保障\n\n二、工作安排\n\n1.抓好落实'), []);
  });

  it('hints (info only) at a skipped level the document uses elsewhere', () => {
    const f = run('一、总体要求\n\n（一）加强领导\n\n二、工作安排\n\n1.抓好落实');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'info');
    assert.match(f[0].message, /层次跳级/);
  });

  it('accepts numbering that runs on across parents (（一）…（五） through the document)', () => {
    const body = '一、总体要求\n\n（一）甲\n\n（二）乙\n\n二、主要任务\n\n（三）丙\n\n（四）丁\n\n三、保障\n\n（五）戊';
    assert.deepEqual(run(body), []);
  });

  it('starts a new list after a lead-in sentence ending with a colon', () => {
    const body = '一、总体要求\n\n（一）甲\n\n（二）乙\n\n申报材料包括：\n\n（一）申请表\n\n（二）证明材料';
    assert.deepEqual(run(body), []);
  });

  it('accepts a restart at the outermost level (an enclosed 方案)', () => {
    const body = '一、总体要求\n\n二、工作安排\n\n某某工作方案\n\n一、目标\n\n二、任务';
    assert.deepEqual(run(body), []);
  });

  it('trusts an ordinal the recogniser did not take for a heading', () => {
    // `1.2024年…` starts with what looks like a decimal number
    assert.deepEqual(run('一、总体要求\n\n1.2024年底前完成摸底。\n\n2.2025年全面推开。'), []);
    // a run-in heading inside a line
    assert.deepEqual(run('一、总体要求\n\n1.公路。（1）国道。\n\n（2）省道。'), []);
  });

  it('restarts numbering in each attachment', () => {
    const text = [
      '# 关于做好安全生产工作的通知',
      '各区人民政府：',
      '一、总体要求',
      '二、工作安排',
      '附件：1.检查表',
      '某市安全生产委员会',
      '2025年3月5日',
      '附件1',
      '检查表填写说明',
      '一、填写范围',
      '二、填写要求',
    ].join('\n\n');
    const r = check(text, { format: 'markdown', rules: [rule] });
    assert.deepEqual(r.findings, []);
  });
});
