// recogniseStructure's `lineRoles`: the element a host knows a line to be from
// the layout (a Word document's red 发文机关标志, its right-aligned 成文日期).
// A hint decides only what the content leaves open.
import { strict as assert } from 'node:assert';
import { buildTextModel } from '../../../server/src/engine/textModel';
import { recogniseStructure } from '../../../server/src/engine/structure';
import { check } from '../../../server/src/engine/index';
import type { DocStructure, ElementKind, LineRole, TextModel } from '../../../server/src/engine/types';

function recognise(source: string, roles?: Array<LineRole | undefined>, depths?: Array<number | undefined>): { model: TextModel; s: DocStructure } {
  const model = buildTextModel(source, 'plaintext');
  return { model, s: recogniseStructure(model, depths, roles) };
}

function linesOf(model: TextModel, s: DocStructure, kind: ElementKind): string[] {
  return s.lineKinds.flatMap((k, i) => (k === kind ? [model.lines[i].text.trim()] : []));
}

// An organisation name without 文件 (the content joins it to the title) and a
// date under a last line that does not end the text (the content finds no 成文日期).
const OPEN = ['XX市人民政府', '关于做好春季安全生产工作的通知', '各区县人民政府：', '现将有关事项通知如下，请认真贯彻执行', '二〇二四年三月一日'].join('\n');

describe('structure: lineRoles (layout hints)', () => {
  it('content alone: the organisation name is joined to the title, the date is body', () => {
    const { model, s } = recognise(OPEN);
    assert.deepEqual(linesOf(model, s, 'title'), ['XX市人民政府', '关于做好春季安全生产工作的通知']);
    assert.deepEqual(linesOf(model, s, 'issuerMark'), []);
    assert.deepEqual(linesOf(model, s, 'date'), []);
  });

  it('an issuerMark hint makes the line the 发文机关标志 and leaves the title to the next line', () => {
    const { model, s } = recognise(OPEN, ['issuerMark']);
    assert.deepEqual(linesOf(model, s, 'issuerMark'), ['XX市人民政府']);
    assert.equal(s.titleText, '关于做好春季安全生产工作的通知');
    assert.deepEqual(linesOf(model, s, 'recipient'), ['各区县人民政府：']);
  });

  it('an issuerMark hint above a hinted (depth-1) title: the line passed over as body is the mark', () => {
    const src = ['XX市人民政府', '2024年春季安全生产工作安排', '各区县人民政府：', '现将有关事项安排如下。'].join('\n');
    const depthsOnly = recognise(src, undefined, [undefined, 1]);
    assert.deepEqual(linesOf(depthsOnly.model, depthsOnly.s, 'body')[0], 'XX市人民政府');
    const { model, s } = recognise(src, ['issuerMark'], [undefined, 1]);
    assert.deepEqual(linesOf(model, s, 'issuerMark'), ['XX市人民政府']);
    assert.equal(s.titleText, '2024年春季安全生产工作安排');
  });

  it('a date hint makes a date line the 成文日期 where the content finds none', () => {
    const { model, s } = recognise(OPEN, [undefined, undefined, undefined, undefined, 'date']);
    assert.deepEqual(linesOf(model, s, 'date'), ['二〇二四年三月一日']);
  });

  it('never overrides the content, never makes a malformed element', () => {
    // a 文号 and a one-line title stay what their text says
    const header = recognise(['X政发〔2024〕12号', '关于做好春季安全生产工作的通知', '现将有关事项通知如下。'].join('\n'), ['issuerMark', 'issuerMark']);
    assert.deepEqual(linesOf(header.model, header.s, 'docNumber'), ['X政发〔2024〕12号']);
    assert.deepEqual(linesOf(header.model, header.s, 'title'), ['关于做好春季安全生产工作的通知']);
    assert.deepEqual(linesOf(header.model, header.s, 'issuerMark'), []);
    // text that cannot be a mark (punctuation), or a hint below the title
    const punct = recognise(['各单位：请注意', '关于做好春季安全生产工作的通知', 'XX市人民政府', '现将有关事项通知如下。'].join('\n'), ['issuerMark', undefined, 'issuerMark']);
    assert.deepEqual(linesOf(punct.model, punct.s, 'issuerMark'), []);
    // a date hint on a line that is no date
    const notDate = recognise(OPEN, [undefined, undefined, undefined, 'date']);
    assert.deepEqual(linesOf(notDate.model, notDate.s, 'date'), []);
    // the content's 成文日期 is kept over a hinted one
    const src = ['关于做好春季安全生产工作的通知', '各区县人民政府：', '2024年2月1日', '请认真贯彻执行。', 'XX市人民政府', '2024年3月1日'].join('\n');
    const plain = recognise(src);
    assert.deepEqual(linesOf(plain.model, plain.s, 'date'), ['2024年3月1日']);
    const hinted = recognise(src, [undefined, undefined, 'date']);
    assert.deepEqual(hinted.s.lineKinds, plain.s.lineKinds);
  });

  it('without hints (none, empty, all undefined) nothing changes', () => {
    for (const src of [OPEN, ['XX市人民政府文件', 'X政发〔2024〕12号', '关于做好春季安全生产工作的通知', '请认真贯彻执行。', 'XX市人民政府', '2024年3月1日'].join('\n')]) {
      const model = buildTextModel(src, 'plaintext');
      const base = recogniseStructure(model);
      assert.deepEqual(recogniseStructure(model, undefined, []), base);
      assert.deepEqual(recogniseStructure(model, [], new Array(8).fill(undefined)), base);
    }
  });

  it('check() passes CheckOptions.lineRoles to the recogniser (structure/date-format on the hinted date)', () => {
    const rule = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.ruleId === 'structure/date-format');
    assert.equal(rule(check(OPEN, { format: 'plaintext' })).length, 0);
    const withHint = rule(check(OPEN, { format: 'plaintext', lineRoles: [undefined, undefined, undefined, undefined, 'date'] }));
    assert.equal(withHint.length, 1);
    assert.match(withHint[0].message, /2024年3月1日/);
  });
});
