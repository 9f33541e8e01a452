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

import { suggestedDocxName } from '../../../client/src/fileNames';

describe('client helpers: export file names', () => {
  it('names an unsaved draft after its title', () => {
    assert.equal(suggestedDocxName('某某市人民政府文件\n\n# 关于开展检查的通知\n\n各单位：\n', '公文'), '关于开展检查的通知.docx');
    assert.equal(suggestedDocxName('某某局文件\n关于拨付经费的请示\n某某市人民政府：\n', '公文'), '关于拨付经费的请示.docx');
    assert.equal(suggestedDocxName('# 会议纪要：第3次/2024\n', '公文'), '会议纪要：第3次2024.docx');
    assert.equal(suggestedDocxName('各单位：\n请按时报送。\n', '公文'), '公文.docx');
    assert.equal(suggestedDocxName('#  \n', 'document'), 'document.docx');
  });
});
