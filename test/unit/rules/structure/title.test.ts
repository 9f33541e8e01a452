import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/title';
import { bad, good, reportOnly, spans } from './_helpers';

const body = '\n\n市人民政府：\n\n现将有关情况报告如下。\n';

describe('structure/title', () => {
  it('mixed 文种 `请示报告` is an error without a fix', () => {
    const src = '关于申请拨付防汛经费的请示报告' + body;
    const found = reportOnly(rule, src);
    assert.equal(found[0].severity, 'error');
    assert.deepEqual(spans(found, src), ['请示报告']);
    assert.match(found[0].message, /混用/);
  });

  it('mixed 文种 in a Markdown title', () => {
    const src = '# 关于XX工作的报告请示' + body;
    reportOnly(rule, src, 'markdown');
  });

  it('doubled 文种', () => {
    bad(rule, '# 关于做好有关工作的通知通知' + body, '# 关于做好有关工作的通知' + body, 'markdown');
    const src = '# 关于做好有关工作的通知的通知' + body;
    const found = reportOnly(rule, src, 'markdown');
    assert.match(found[0].message, /重复/);
  });

  it('trailing punctuation is removed', () => {
    bad(rule, '关于做好春节期间安全生产工作的通知。' + body, '关于做好春节期间安全生产工作的通知' + body);
    bad(rule, '# 关于做好春节期间安全生产工作的通知：' + body, '# 关于做好春节期间安全生产工作的通知' + body, 'markdown');
  });

  it('a Markdown title without a 文种', () => {
    const found = reportOnly(rule, '# 关于做好春节期间安全生产工作' + body, 'markdown');
    assert.match(found[0].message, /法定文种/);
  });

  it('front matter naming another 文种 than the title', () => {
    const found = reportOnly(rule, '---\n文种: 请示\n---\n\n# 关于校舍维修的报告' + body, 'markdown');
    assert.match(found[0].message, /不一致/);
  });

  it('accepts correct titles', () => {
    good(rule, '关于做好春节期间安全生产工作的通知' + body);
    good(rule, '国务院办公厅关于印发\n国民营养计划（2017—2030年）的通知' + body);
    good(rule, '# XX市人民政府常务会议纪要' + body, 'markdown');
    good(rule, '# 关于XX的复函' + body, 'markdown');
  });

  it('false positives: text inside 《》, 印发/转发 titles, documents that are not 公文', () => {
    good(rule, '# 关于印发《XX工作意见》的通知' + body, 'markdown');
    good(rule, '# 关于转发《关于XX的通知》的通知' + body, 'markdown');
    good(rule, '# 国务院办公厅转发住房城乡建设部关于完善质量保障体系提升建筑工程品质指导意见的通知' + body, 'markdown');
    good(rule, '# 关于转发省政府关于XX的通知的通知' + body, 'markdown');
    good(rule, '# XX区2024年防汛工作方案' + body, 'markdown');
    good(rule, '# 2024年工作总结' + body, 'markdown');
    good(rule, '---\n文种: 通知\n---\n\n# 春节放假安排' + body, 'markdown');
    // a Markdown file that is not a 公文 (no recipient, 文号, signature or date)
    good(rule, '# 项目说明\n\n本项目用于校对公文。\n', 'markdown');
    good(rule, '# Gongwen\n\nA checker.\n', 'markdown');
  });
});
