import assert from 'node:assert/strict';
import { rule as quoted } from '../../../../server/src/rules/punctuation/dunhao-quoted';
import { rule as deng } from '../../../../server/src/rules/punctuation/dunhao-before-deng';
import { rule as approx } from '../../../../server/src/rules/punctuation/dunhao-approx';
import { rule as shuming } from '../../../../server/src/rules/punctuation/shuminghao-misuse';
import { bad, good, reportOnly, run, stable } from './helpers';
import { applyEdits } from '../../../../server/src/engine/index';
import type { Rule } from '../../../../server/src/engine/types';
import type { DocFormat } from '../../../../server/src/engine/types';

/** A suggestion, not for fix-all: applying each finding's first fix by hand gives `fixed`. */
function suggests(rule: Rule, src: string, fixed: string, format: DocFormat = 'plaintext'): void {
  const found = reportOnly(rule, src, format);
  const edits = found.flatMap((f) => f.fixes[0]?.edits ?? []);
  assert.equal(applyEdits(src, edits).output, fixed);
}

describe('punctuation/dunhao-quoted', () => {
  it('drops the 顿号 between quoted or titled items', () => {
    suggests(quoted, '《预算法》、《审计法》', '《预算法》《审计法》');
    suggests(quoted, '“放管服”、“互联网+”、“双创”', '“放管服”“互联网+”“双创”');
    const [f] = run(quoted, '《预算法》、《审计法》');
    assert.equal(f.severity, 'info');
    assert.match(f.message, /书名号/);
  });
  it('keeps the 顿号 when something stands between the items', () => {
    good(quoted, '《条例》（试行）、《办法》');
    good(quoted, '“放管服”改革、“双创”');
  });
  it('works on Markdown and is stable', () => {
    suggests(quoted, '《预算法》、**《审计法》**\n', '《预算法》**《审计法》**\n', 'markdown');
    stable(quoted, '《A》、《B》、《C》和“D”、“E”');
  });
});

describe('punctuation/dunhao-before-deng', () => {
  it('drops a 顿号 before 等 and 等等', () => {
    bad(deng, '钢铁、煤炭、水泥、等行业', '钢铁、煤炭、水泥等行业');
    bad(deng, '钢铁、煤炭、等等', '钢铁、煤炭等等');
    const [f] = run(deng, '钢铁、煤炭、等行业');
    assert.equal(f.message, '“等”前不用顿号，删去“、”');
    assert.equal(f.severity, 'warning');
  });
  it('drops a 顿号 before 以及, as a hint', () => {
    const [f] = bad(deng, '北京、上海、以及广州', '北京、上海以及广州');
    assert.equal(f.severity, 'info');
  });
  it('leaves words beginning with 等 alone', () => {
    good(deng, '规模、等级、数量');
    good(deng, '高通量鉴定、等位基因发掘');
    good(deng, '资金、等额配套');
    good(deng, '北京、上海和广州等');
    good(deng, '民主、和谐、及时');
  });
  it('is stable under fix-all', () => {
    stable(deng, '钢铁、煤炭、等行业，北京、以及上海');
  });
});

describe('punctuation/shuminghao-misuse', () => {
  it('hints at 书名号 around meetings, events and organisations', () => {
    const [f] = reportOnly(shuming, '召开《全国安全生产工作会议》');
    assert.equal(f.severity, 'info');
    reportOnly(shuming, '举办《全民阅读活动》');
    reportOnly(shuming, '荣获《鲁迅文学奖》');
  });
  it('accepts documents about meetings and real works', () => {
    good(shuming, '《国务院关于召开全国安全生产工作会议的通知》');
    good(shuming, '《全国安全生产工作会议纪要》');
    good(shuming, '《中华人民共和国预算法》');
  });
});


describe('punctuation/dunhao-approx', () => {
  it('drops the 顿号 between neighbouring numerals of an approximate number', () => {
    bad(approx, '需要三、四天', '需要三四天');
    bad(approx, '五、六个人', '五六个人');
    bad(approx, '七、八十次', '七八十次');
    const [f] = run(approx, '三、四天');
    assert.equal(f.message, '相邻两数连用表示概数，中间不用顿号，写作“三四”');
  });
  it('leaves lists of items and non-neighbouring numerals alone', () => {
    good(approx, '一、二年级');
    good(approx, '一、二季度');
    good(approx, '三、五天'); // not neighbours
    good(approx, '第一、二条');
    good(approx, '十一、二天');
  });
  it('is stable under fix-all', () => {
    stable(approx, '三、四天，五、六个人');
  });
});
