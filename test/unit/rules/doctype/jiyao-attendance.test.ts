import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/doctype/jiyao-attendance';
import { bad, good, reportOnly, spans } from '../structure/_helpers';

const jiyao = (...att: string[]) => ['# XX市人民政府常务会议纪要', '', '会议审议通过了有关方案。', '', ...att.flatMap((a) => [a, '']), 'XX市人民政府办公室', '', '2024年3月2日', ''].join('\n');

describe('doctype/jiyao-attendance', () => {
  it('ASCII colon → full-width', () => {
    const src = jiyao('出席:张三，李四', '请假：赵六');
    const found = bad(rule, src, jiyao('出席：张三，李四', '请假：赵六'), 'markdown');
    assert.deepEqual(spans(found, src), [':']);
  });

  it('out of order (no fix)', () => {
    const src = jiyao('出席：张三', '列席：钱七', '请假：赵六');
    const found = reportOnly(rule, src, 'markdown');
    assert.deepEqual(spans(found, src), ['请假']);
    assert.match(found[0].message, /“请假”应排在“列席”之前/);
  });

  it('accepts the standard lists', () => {
    good(rule, jiyao('出席：张三，李四', '请假：赵六', '列席：钱七'), 'markdown');
    good(rule, jiyao('出席：张三', '列席：钱七'), 'markdown');
  });

  it('only for 纪要', () => {
    good(rule, ['# 关于开会的通知', '', '各单位：', '', '列席:钱七', '', '出席:张三', ''].join('\n'), 'markdown');
  });
});
