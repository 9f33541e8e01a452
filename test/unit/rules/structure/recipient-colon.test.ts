import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/recipient-colon';
import { bad, good, spans } from './_helpers';

describe('structure/recipient-colon', () => {
  it('ASCII colon → full-width', () => {
    const src = '关于做好有关工作的通知\n\n各区县人民政府:\n\n现将有关事项通知如下。\n';
    const found = bad(rule, src, src.replace('政府:', '政府：'));
    assert.deepEqual(spans(found, src), [':']);
    assert.equal(found[0].severity, 'error');
  });

  it('a recipient list over two lines', () => {
    const src = '关于做好有关工作的通知\n\n各省、自治区、直辖市人民政府，\n国务院各部委、各直属机构:\n\n现将有关事项通知如下。\n';
    bad(rule, src, src.replace('机构:', '机构：'));
  });

  it('accepts the full-width colon', () => {
    good(rule, '关于做好有关工作的通知\n\n各区县人民政府：\n\n现将有关事项通知如下。\n');
  });

  it('false positives: a body line ending with a colon, a 纪要 without 主送', () => {
    good(rule, '关于做好有关工作的通知\n\n现将有关事项通知如下:\n\n一、提高认识。\n');
    good(rule, '# XX市人民政府常务会议纪要\n\n会议议定事项如下:\n\n一、原则通过方案。\n', 'markdown');
  });
});

describe('structure/recipient-colon with CRLF line ends', () => {
  it('fixes the colon in a CRLF Markdown draft', () => {
    const src = '# 关于做好有关工作的通知\r\n\r\n各区县人民政府:\r\n\r\n现将有关事项通知如下。\r\n';
    const found = bad(rule, src, src.replace('政府:', '政府：'), 'markdown');
    assert.deepEqual(spans(found, src), [':']);
  });
});
