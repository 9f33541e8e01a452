import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/punctuation/repeated';
import { bad, good, reportOnly, run, stable } from './helpers';

describe('punctuation/repeated', () => {
  it('collapses a doubled mark', () => {
    bad(rule, '请认真贯彻执行。。', '请认真贯彻执行。');
    bad(rule, '各地区，，各部门', '各地区，各部门');
    bad(rule, '北京、、上海', '北京、上海');
    bad(rule, '如下：：', '如下：');
    const [f] = run(rule, '执行。。');
    assert.equal(f.severity, 'error');
    assert.equal(f.message, '句号“。”重复，应只用一个“。”');
  });

  it('collapses stacked question and exclamation marks, as a warning', () => {
    const [f] = bad(rule, '难道不是吗？？', '难道不是吗？');
    assert.equal(f.severity, 'warning');
    bad(rule, '贡献！！！', '贡献！');
  });

  it('reports two different marks side by side, offering both fixes, none safe', () => {
    const [f] = reportOnly(rule, '加强领导，。落实责任');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.fixes.map((x) => x.title), ['改为“。”', '改为“，”']);
    reportOnly(rule, '北京、，上海');
    reportOnly(rule, '如下：；');
  });

  it('leaves correct sequences alone', () => {
    good(rule, '真的吗？！');
    good(rule, '他说：“好。”');
    good(rule, '（一）总体要求。');
    good(rule, '钢铁、煤炭。。。'); // an ellipsis typed wrong: punctuation/ellipsis
  });

  it('works on Markdown', () => {
    bad(rule, '执行**。。**\n', '执行**。**\n', 'markdown');
  });

  it('is stable under fix-all', () => {
    stable(rule, '各地区，，各部门：：请认真贯彻执行。。难道不是吗？？');
  });
});

describe('punctuation/repeated: mentions', () => {
  it('leaves marks quoted as a mention alone', () => {
    good(rule, '应使用全角形式“，；：？！”。');
    good(rule, '不用“。。”');
  });
});
