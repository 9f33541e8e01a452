import { strict as assert } from 'node:assert';
import { breakTitle, textWidth } from '../../../server/src/export/titleBreak';

describe('export: title breaking (GB/T 9704 §7.3.1)', () => {
  it('keeps a short title on one line', () => {
    assert.deepEqual(breakTitle('关于召开全市安全生产工作会议的通知'), ['关于召开全市安全生产工作会议的通知']);
  });

  it('breaks between words, never inside a number, lines within 20 characters', () => {
    const lines = breakTitle('临江市人民政府关于进一步做好2024年度安全生产工作的通知');
    assert.deepEqual(lines, ['临江市人民政府关于进一步做好', '2024年度安全生产工作的通知']);
  });

  it('prefers a break after 关于', () => {
    const lines = breakTitle('临江市人民政府办公室关于印发安全生产专项整治行动方案的通知');
    assert.equal(lines.length, 2);
    assert.equal(lines[0], '临江市人民政府办公室关于');
  });

  it('every line fits and the text is kept; no line starts with closing punctuation', () => {
    const titles = [
      '国务院办公厅关于印发《全国安全生产专项整治三年行动计划》的通知',
      '中共中央办公厅国务院办公厅关于进一步加强和改进新形势下基层社会治理工作推动形成共建共治共享格局的意见',
      '关于2024年第一季度全市规模以上工业企业安全生产、节能降耗和环境保护工作情况的通报',
    ];
    for (const t of titles) {
      const lines = breakTitle(t);
      assert.equal(lines.join(''), t);
      assert.ok(lines.length >= 2);
      for (const l of lines) {
        assert.ok(textWidth(l) <= 20, `${l} is ${textWidth(l)} wide`);
        assert.ok(!/^[、，。；：！？》）”]/.test(l), `line starts with punctuation: ${l}`);
      }
    }
  });

  it('three lines form a diamond where the breaks allow it', () => {
    const lines = breakTitle('中共中央办公厅国务院办公厅关于进一步加强和改进新形势下基层社会治理工作推动形成共建共治共享格局的意见');
    assert.equal(lines.length, 3);
    assert.ok(textWidth(lines[1]) >= textWidth(lines[0]) && textWidth(lines[1]) >= textWidth(lines[2]), lines.join(' / '));
  });
});
