import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/doctype/han-tone';
import { good, reportOnly, spans } from '../structure/_helpers';

const han = (...body: string[]) => ['关于商请提供有关统计数据的函', '', '市统计局：', '', ...body, '', 'XX市财政局', '', '2024年3月5日', ''].join('\n');

describe('doctype/han-tone', () => {
  it('directive wording in a 函', () => {
    const src = han('你单位必须于3月10日前提供数据，务必准确。', '请遵照执行。');
    const found = reportOnly(rule, src);
    assert.deepEqual(spans(found, src), ['你单位必须', '务必', '请遵照执行']);
    assert.equal(found[0].severity, 'warning');
  });

  it('accepts consulting wording', () => {
    good(rule, han('请于3月10日前提供数据。', '请予支持。', '特此函告。'));
  });

  it('false positives: quoted wording, other 文种', () => {
    good(rule, han('贵局来函提到“务必于月底前完成”，我局将按期办理。'));
    good(rule, ['关于做好有关工作的通知', '', '各区县人民政府：', '', '请遵照执行。', ''].join('\n'));
  });
});
