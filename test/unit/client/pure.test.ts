// The client's pure helpers (no vscode import): word-list merging and
// finding counts for the status bar.

import { strict as assert } from 'node:assert';
import { mergeWords } from '../../../client/src/words';
import { countFindings } from '../../../client/src/counts';

describe('client helpers', () => {
  it('mergeWords keeps every existing word, adds new ones once, in order', () => {
    assert.deepEqual(mergeWords(['张三', '某某局'], ['某某局', '李四']), ['张三', '某某局', '李四']);
    assert.deepEqual(mergeWords(undefined, ['  甲 ', '', '甲', 3, null], ['乙']), ['甲', '乙']);
    assert.deepEqual(mergeWords(), []);
  });

  it('countFindings counts only the checker’s diagnostics, by severity', () => {
    const c = countFindings([
      { source: 'gongwen', severity: 0 },
      { source: 'gongwen', severity: 1 },
      { source: 'gongwen', severity: 1 },
      { source: 'gongwen', severity: 2 },
      { source: 'gongwen', severity: 3 },
      { source: 'markdownlint', severity: 0 },
      { severity: 1 },
    ]);
    assert.deepEqual(c, { errors: 1, warnings: 2, infos: 2, total: 5 });
    assert.deepEqual(countFindings([]), { errors: 0, warnings: 0, infos: 0, total: 0 });
  });
});
