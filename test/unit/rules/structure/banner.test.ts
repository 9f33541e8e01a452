import { strict as assert } from 'node:assert';
import { rule as secrecy } from '../../../../server/src/rules/structure/secrecy-mark';
import { rule as urgency } from '../../../../server/src/rules/structure/urgency';
import { rule as copyNumber } from '../../../../server/src/rules/structure/copy-number';
import { bad, good, reportOnly, run, spans } from './_helpers';

const head = (...lines: string[]) => [...lines, 'XX市人民政府文件', 'X政发〔2024〕1号', '关于做好有关工作的通知', '各区县人民政府：', '现将有关事项通知如下。', ''].join('\n');

describe('structure/secrecy-mark', () => {
  it('`*` and Chinese numerals → `★` and Arabic numerals', () => {
    const src = head('机密*五年');
    const found = bad(secrecy, src, head('机密★5年'));
    assert.deepEqual(spans(found, src), ['机密*五年']);
    bad(secrecy, head('秘密☆1年'), head('秘密★1年'));
    bad(secrecy, head('绝密★十个月'), head('绝密★10个月'));
  });

  it('accepts the standard forms', () => {
    good(secrecy, head('机密★5年'));
    good(secrecy, head('秘密'));
    good(secrecy, head('绝密★启用前'));
  });

  it('false positives: the words in the body', () => {
    good(secrecy, '关于做好保密工作的通知\n各单位：\n机密文件要妥善保管。\n');
  });
});

describe('structure/urgency', () => {
  it('`急件` / `紧急` are not urgency marks (two fixes offered, none safe)', () => {
    const src = head('紧急');
    const found = reportOnly(urgency, src);
    assert.deepEqual(spans(found, src), ['紧急']);
    assert.equal(found[0].fixes.length, 2);
    reportOnly(urgency, head('急件'));
  });

  it('accepts 特急 and 加急', () => {
    good(urgency, head('特急'));
    good(urgency, head('加急'));
  });
});

describe('structure/copy-number', () => {
  it('a short 份号 above the 密级 → six digits (offered, not safe)', () => {
    const src = head('12', '秘密');
    const found = reportOnly(copyNumber, src);
    assert.deepEqual(spans(found, src), ['12']);
    assert.equal(found[0].fixes[0].edits[0].newText, '000012');
  });

  it('accepts six digits; a number that is not a 份号 is left alone', () => {
    good(copyNumber, head('000012'));
    assert.deepEqual(run(copyNumber, '2024\n关于开会的通知\n各单位：\n请准时参加。\n'), []);
  });
});
