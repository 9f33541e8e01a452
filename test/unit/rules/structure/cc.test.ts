import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/cc';
import { bad, doc, good, spans } from './_helpers';

const withCc = (...cc: string[]) => doc({ tail: ['XX市人民政府', '', '2024年1月20日', '', ...cc, '', 'XX市人民政府办公室  2024年1月20日印发'] });

describe('structure/cc', () => {
  it('ASCII colon and missing full stop', () => {
    const src = withCc('抄送:市委办公室，市人大常委会办公厅');
    const found = bad(rule, src, withCc('抄送：市委办公室，市人大常委会办公厅。'));
    assert.deepEqual(spans(found, src), [':', '厅']);
  });

  it('a wrong final mark → 。', () => {
    bad(rule, withCc('抄送：市委办公室，市人大常委会办公厅；'), withCc('抄送：市委办公室，市人大常委会办公厅。'));
  });

  it('a list over two lines: the last line ends with 。', () => {
    bad(rule, withCc('抄送：市委办公室，市人大常委会办公厅，', '　　　市政协办公厅'), withCc('抄送：市委办公室，市人大常委会办公厅，', '　　　市政协办公厅。'));
  });

  it('accepts the correct form', () => {
    good(rule, withCc('抄送：市委办公室，市人大常委会办公厅。'));
  });

  it('false positives: 抄送 mentioned in the body', () => {
    good(rule, doc({ body: ['抄送单位应及时反馈意见'] }));
  });
});
