import assert from 'node:assert/strict';
import { rule as yearAbbrev } from '../../../../server/src/rules/number/year-abbrev';
import { rule as mixedDate } from '../../../../server/src/rules/number/mixed-date';
import { rule as fullwidthDigit } from '../../../../server/src/rules/number/fullwidth-digit';
import { rule as rangeUnit } from '../../../../server/src/rules/number/range-unit';
import { rule as qianBai } from '../../../../server/src/rules/number/arabic-qian-bai';
import { rule as approxHanzi } from '../../../../server/src/rules/number/approx-hanzi';
import { rule as yearZero } from '../../../../server/src/rules/number/chinese-year-zero';
import { bad, good, reportOnly, run, stable } from '../punctuation/helpers';

describe('number/year-abbrev', () => {
  it('reports a two-digit year before a month, never guessing the century', () => {
    const [f] = reportOnly(yearAbbrev, '24年3月启动');
    assert.equal(f.message, '年份应写全（四位数字），不应简写为“24年”');
    assert.equal(f.fixes.length, 0);
    reportOnly(yearAbbrev, '于99年十月完成');
  });
  it('leaves full years, durations and codes alone', () => {
    good(yearAbbrev, '2024年3月启动');
    good(yearAbbrev, '建党100年来');
    good(yearAbbrev, '30年3个月');
    good(yearAbbrev, '工作30年');
    good(yearAbbrev, '第24年');
    good(yearAbbrev, 'V2.24年3月');
  });
  it('works on Markdown', () => {
    reportOnly(yearAbbrev, '**24年3月**启动\n', 'markdown');
  });
});

describe('number/mixed-date', () => {
  it('writes a mixed date in Arabic numerals', () => {
    bad(mixedDate, '二〇二四年3月5日', '2024年3月5日');
    bad(mixedDate, '2024年三月五日', '2024年3月5日');
    bad(mixedDate, '2024年3月十五日', '2024年3月15日');
    bad(mixedDate, '3月二十日前', '3月20日前');
    const [f] = run(mixedDate, '二〇二四年3月5日');
    assert.equal(f.message, '同一日期中汉字数字和阿拉伯数字不能混用，应统一写作“2024年3月5日”或全用汉字数字');
    assert.equal(f.severity, 'error');
  });
  it('leaves consistent dates alone', () => {
    good(mixedDate, '2024年3月5日');
    good(mixedDate, '二〇二四年三月五日');
    good(mixedDate, '三月五日');
    good(mixedDate, '3个月零五天');
    good(mixedDate, '十月革命');
  });
  it('is stable under fix-all', () => {
    stable(mixedDate, '二〇二四年3月5日至2024年四月一日');
  });
});

describe('number/fullwidth-digit', () => {
  it('converts full-width digits', () => {
    bad(fullwidthDigit, '２０２４年３月', '2024年3月');
    bad(fullwidthDigit, '增长３．５%', '增长3.5%');
    const [f] = run(fullwidthDigit, '第１条');
    assert.equal(f.message, '阿拉伯数字应使用半角形式，写作“1”');
  });
  it('leaves half-width digits alone', () => {
    good(fullwidthDigit, '2024年3月，增长3.5%');
  });
  it('works on Markdown and skips code', () => {
    bad(fullwidthDigit, '第**１**条\n', '第**1**条\n', 'markdown');
    good(fullwidthDigit, '`２０２４`\n', 'markdown');
  });
  it('is stable under fix-all', () => {
    stable(fullwidthDigit, '２０２４年３月５日，增长３．５%');
  });
});

describe('number/range-unit', () => {
  it('repeats the unit on the first value of a range', () => {
    bad(rangeUnit, '增长15～30%', '增长15%～30%');
    bad(rangeUnit, '投资13～17万元', '投资13万～17万元');
    bad(rangeUnit, '9～16亿', '9亿～16亿');
    bad(rangeUnit, '降低1.5~2.5‰', '降低1.5‰~2.5‰');
    const [f] = run(rangeUnit, '增长15～30%');
    assert.equal(f.message, '数值范围的前后两个数值都应带“%”，写作“15%～30%”');
  });
  it('leaves complete ranges and other units alone', () => {
    good(rangeUnit, '增长15%～30%');
    good(rangeUnit, '投资13万～17万元');
    good(rangeUnit, '3～5年');
    good(rangeUnit, '500～1万元'); // the left end is in plain units
    good(rangeUnit, '20～30℃');
  });
  it('is stable under fix-all', () => {
    stable(rangeUnit, '增长15～30%，投资13～17万元');
  });
});

describe('number/arabic-qian-bai', () => {
  it('writes the number out instead of 千/百 after Arabic digits', () => {
    bad(qianBai, '3千余人次', '3000余人次');
    bad(qianBai, '5千万元', '5000万元');
    bad(qianBai, '3百多人', '300多人');
    bad(qianBai, '1.5千元', '1500元');
    const [f] = run(qianBai, '3千余人次');
    assert.equal(f.message, '阿拉伯数字只能与“万”“亿”连用，“3千”应写作“3000”');
  });
  it('does not rewrite a tangled number automatically', () => {
    reportOnly(qianBai, '3千5百元');
  });
  it('leaves units with the kilo prefix and 百分 words alone', () => {
    good(qianBai, '5千米');
    good(qianBai, '10千克');
    good(qianBai, '100千瓦时');
    good(qianBai, '110千伏');
    good(qianBai, '2个百分点');
    good(qianBai, '提高3百分点');
    good(qianBai, '3000亿元');
    good(qianBai, '12.5万人');
    good(qianBai, '三千余人');
  });
  it('is stable under fix-all', () => {
    stable(qianBai, '3千余人次，5千万元，3百多人');
  });
});

describe('number/chinese-year-zero', () => {
  it('writes zero in a Chinese-numeral year as 〇', () => {
    bad(yearZero, '二零二四年', '二〇二四年');
    bad(yearZero, '二○二四年', '二〇二四年');
    bad(yearZero, '二0二四年', '二〇二四年');
    bad(yearZero, '一九九O年', '一九九〇年');
    const [f] = run(yearZero, '二零二四年');
    assert.equal(f.message, '汉字数字年份中的零应写作“〇”，写作“二〇二四年”，不用“零”');
  });
  it('leaves correct years and other numbers alone', () => {
    good(yearZero, '二〇二四年');
    good(yearZero, '2020年');
    good(yearZero, '一百零五年');
    good(yearZero, '三十年');
  });
  it('is stable under fix-all', () => {
    stable(yearZero, '二零二四年和二○二五年');
  });
});


describe('number/approx-hanzi', () => {
  it('writes approximate numbers with 几 in Chinese numerals', () => {
    bad(approxHanzi, '来了20几人', '来了二十几人');
    bad(approxHanzi, '10几个单位', '十几个单位');
    assert.equal(run(approxHanzi, '20几人')[0].message, '含“几”的概数应使用汉字数字，写作“二十几”');
  });
  it('leaves other numbers alone', () => {
    good(approxHanzi, '二十几人');
    good(approxHanzi, '25几');
    good(approxHanzi, '2024年几月');
  });
});
