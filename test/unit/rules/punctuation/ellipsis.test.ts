import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/punctuation/ellipsis';
import { bad, good, reportOnly, run, stable } from './helpers';

describe('punctuation/ellipsis', () => {
  it('replaces wrong ellipsis forms in Chinese text', () => {
    bad(rule, '北京、上海、广州...', '北京、上海、广州……');
    bad(rule, '北京、上海、广州......', '北京、上海、广州……');
    bad(rule, '钢铁、煤炭。。。', '钢铁、煤炭……');
    bad(rule, '钢铁、煤炭…', '钢铁、煤炭……');
    bad(rule, '钢铁、煤炭···', '钢铁、煤炭……');
    const [f] = run(rule, '钢铁、煤炭...');
    assert.equal(f.message, '省略号应写作“……”，不用“...”');
    assert.equal(f.severity, 'error');
  });

  it('reports an ellipsis together with 等, without a safe fix', () => {
    const [f] = reportOnly(rule, '钢铁、煤炭、水泥……等行业');
    assert.equal(f.message, '省略号与“等”不能同时使用，应删去其一');
    assert.deepEqual(f.fixes.map((x) => x.title), ['删去“等”', '删去省略号']);
    reportOnly(rule, '钢铁、煤炭……等等');
    reportOnly(rule, '钢铁、煤炭等等……');
  });

  it('fixes the form and reports 等 separately', () => {
    const found = run(rule, '钢铁、煤炭...等行业');
    assert.equal(found.length, 2);
    assert.equal(rule.meta.safeFix, true);
  });

  it('leaves correct ellipses and other dots alone', () => {
    good(rule, '北京、上海、广州……');
    good(rule, '…………'); // two ellipses for a whole omitted paragraph
    good(rule, 'Wait... what?');
    good(rule, '增长1.5倍');
    good(rule, '平等……'); // 等 ends a word here
    good(rule, '……等待上级批复');
  });

  it('works on Markdown', () => {
    bad(rule, '北京、上海...\n', '北京、上海……\n', 'markdown');
    good(rule, '运行 `a...b`\n', 'markdown');
  });

  it('is stable under fix-all', () => {
    stable(rule, '北京...上海。。。广州…深圳……等');
  });
});

describe('punctuation/ellipsis: mentions', () => {
  it('leaves a wrong form quoted as a mention alone', () => {
    good(rule, '“...”和“。。。”都不规范');
  });
});
