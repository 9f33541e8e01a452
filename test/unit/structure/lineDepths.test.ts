// recogniseStructure's `lineDepths`: heading depths a host knows from the
// layout (a Word document's title paragraph), used where a Markdown heading's
// depth is used.
import { strict as assert } from 'node:assert';
import { buildTextModel } from '../../../server/src/engine/textModel';
import { recogniseStructure } from '../../../server/src/engine/structure';
import { check } from '../../../server/src/engine/index';
import type { DocStructure, ElementKind, TextModel } from '../../../server/src/engine/types';

function recognise(source: string, lineDepths?: Array<number | undefined>, format: 'markdown' | 'plaintext' = 'plaintext'): { model: TextModel; s: DocStructure } {
  const model = buildTextModel(source, format);
  return { model, s: recogniseStructure(model, lineDepths) };
}

function linesOf(model: TextModel, s: DocStructure, kind: ElementKind): string[] {
  return s.lineKinds.flatMap((k, i) => (k === kind ? [model.lines[i].text.trim()] : []));
}

// A title that does not end with a 文种: not a title by its content alone.
const NO_DOCTYPE = ['2024年春季安全生产工作安排', '各区县人民政府：', '现将春季安全生产工作安排如下，请认真贯彻执行。', 'XX市人民政府', '2024年3月1日'].join('\n');

// A first line that the content takes for the title, above the real one.
const DECOY = ['关于印发工作要点的通知', '市安全生产委员会办公室', '2024年安全生产工作要点', '各区县安委会：', '现印发工作要点，请认真贯彻执行。'].join('\n');

describe('structure: lineDepths (layout hints)', () => {
  it('a depth-1 hint makes a line the title where the content alone finds none', () => {
    const plain = recognise(NO_DOCTYPE);
    assert.deepEqual(linesOf(plain.model, plain.s, 'title'), []);
    const { model, s } = recognise(NO_DOCTYPE, [1]);
    assert.deepEqual(linesOf(model, s, 'title'), ['2024年春季安全生产工作安排']);
    assert.equal(s.titleText, '2024年春季安全生产工作安排');
    assert.deepEqual(linesOf(model, s, 'recipient'), ['各区县人民政府：']);
  });

  it('the hinted title wins over a line the content would take for the title', () => {
    const plain = recognise(DECOY);
    assert.deepEqual(linesOf(plain.model, plain.s, 'title'), ['关于印发工作要点的通知']);
    const { model, s } = recognise(DECOY, [undefined, undefined, 1]);
    assert.deepEqual(linesOf(model, s, 'title'), ['2024年安全生产工作要点']);
    assert.deepEqual(linesOf(model, s, 'recipient'), ['各区县安委会：']);
  });

  it('consecutive depth-1 hints are one title over several lines', () => {
    const src = ['XX市人民政府办公室', '2024年春季安全生产', '工作安排', '各区县人民政府：', '现将有关事项安排如下。'].join('\n');
    const { model, s } = recognise(src, [undefined, 1, 1]);
    assert.deepEqual(linesOf(model, s, 'title'), ['2024年春季安全生产', '工作安排']);
    assert.equal(s.titleText, '2024年春季安全生产工作安排');
    assert.deepEqual(linesOf(model, s, 'recipient'), ['各区县人民政府：']);
  });

  it('without hints (none, empty, all undefined) nothing changes', () => {
    for (const src of [NO_DOCTYPE, DECOY]) {
      const model = buildTextModel(src, 'plaintext');
      const base = recogniseStructure(model);
      assert.deepEqual(recogniseStructure(model, []), base);
      assert.deepEqual(recogniseStructure(model, [undefined, undefined, undefined]), base);
    }
  });

  it('a Markdown heading keeps its own depth; hints apply to the other lines only', () => {
    const md = ['# 关于开展安全检查的通知', '', '各区县人民政府：', '', '现将有关事项通知如下。'].join('\n');
    const plain = recognise(md, undefined, 'markdown');
    const hinted = recognise(md, [2, undefined, 1, undefined, 1], 'markdown');
    assert.deepEqual(linesOf(hinted.model, hinted.s, 'title'), linesOf(plain.model, plain.s, 'title'));
    assert.equal(hinted.s.titleText, '关于开展安全检查的通知');
  });

  it('check() passes CheckOptions.lineDepths to the recogniser', () => {
    const without = check(NO_DOCTYPE, { format: 'plaintext' });
    const withHint = check(NO_DOCTYPE, { format: 'plaintext', lineDepths: [1] });
    assert.equal(without.structure.titleText, undefined);
    assert.equal(withHint.structure.titleText, '2024年春季安全生产工作安排');
  });
});
