import { strict as assert } from 'node:assert';
import { check } from '../../../../server/src/engine/index';
import { rule } from '../../../../server/src/rules/structure/placeholder';
import type { DocFormat } from '../../../../server/src/engine/types';

function run(text: string, format: DocFormat = 'markdown') {
  return check(text, { format, rules: [rule] }).findings.map((f) => ({
    text: text.slice(f.start, f.end),
    message: f.message,
    severity: f.severity,
    fixes: f.fixes.length,
  }));
}

describe('structure/placeholder', () => {
  const flagged: Array<[string, string]> = [
    ['××市人民政府办公室', '××'],
    ['关于××××的通知', '××××'],
    ['联系人：×××', '×××'],
    ['XX市交通运输局', 'XX'],
    ['请于xx月xx日前报送', 'xx'],
    ['浙政办发〔 〕12号', '〔 〕'],
    ['浙政办发〔〕12号', '〔〕'],
    ['浙政办发〔××××〕12号', '〔××××〕'],
    ['会议时间：待定。', '待定'],
    ['会议地点：待定', '待定'],
    ['参会人员（待定）', '待定'],
    ['联系电话：待核实', '待核实'],
    ['经费来源：待补充。', '待补充'],
    ['{{发文机关}}', '{{发文机关}}'],
    ['签发人：${2:签发人}', '${2:签发人}'],
  ];
  for (const [text, at] of flagged) {
    it(`flags ${text}`, () => {
      const f = run(text);
      assert.ok(f.length >= 1, JSON.stringify(f));
      assert.equal(f[0].text, at);
      assert.equal(f[0].severity, 'warning');
      assert.equal(f[0].fixes, 0, 'no fix: only the drafter knows the value');
    });
  }

  it('reports each placeholder once, with a message that says what to do', () => {
    const f = run('××发〔××××〕××号');
    assert.deepEqual(
      f.map((x) => x.text),
      ['××', '〔××××〕', '××'],
    );
    assert.equal(f[0].message, '“××”是未填写的占位内容，请填写实际内容');
    assert.match(f[1].message, /发文年份/);
    assert.equal(run('{{发文机关}}文件')[0].message, '模板占位符“{{发文机关}}”尚未替换，请填写实际内容');
    assert.equal(run('时间：待定')[0].message, '“待定”是尚未确定的内容，定稿前请填写实际内容');
  });

  it('works in plain text and table cells', () => {
    assert.equal(run('主送：××区人民政府\n', 'plaintext').length, 1);
    assert.equal(run('| 项目 | 负责人 |\n| --- | --- |\n| 道路改造 | 待定 |\n').length, 1);
  });

  const clean = [
    '杭州市人民政府办公厅',
    '浙政办发〔2025〕12号',
    '有关事项待定后另行通知。',
    '具体时间待定后，由办公室另行通知。',
    '对待定级别的事故，先按较大事故处置。',
    '按照“×××人民政府”字样制作标牌。',
    '尺寸为3×4厘米。',
    '服装尺码为XXL的报名人员请注明。',
    'Windows XX 系统',
    '$1亿美元',
    '`{{name}}` 是模板语法。',
    '张某某、李某某等人',
  ];
  for (const text of clean) {
    it(`leaves alone: ${text}`, () => assert.deepEqual(run(text), []));
  }
});
