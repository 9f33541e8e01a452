// docx/layout.ts: the title of a received .docx from its layout, as the
// engine's lineDepths hints.
import { strict as assert } from 'node:assert';
import { readDocx } from '../../../server/src/docx/read';
import { layoutDepths, layoutHints, layoutRoles, isRed } from '../../../server/src/docx/layout';
import { buildTextModel } from '../../../server/src/engine/textModel';
import { recogniseStructure } from '../../../server/src/engine/structure';
import { buildDocx, p, r, wrapStyles } from '../../helpers/docx';

const CENTER = '<w:jc w:val="center"/>';
const big = (text: string, extra = '') => r(text, `<w:sz w:val="44"/>${extra}`);
const body = (text: string) => p(r(text, '<w:sz w:val="32"/>'), '<w:ind w:firstLineChars="200"/>');

async function depths(spec: Parameters<typeof buildDocx>[0]): Promise<Array<number | undefined>> {
  return layoutDepths(await readDocx(await buildDocx(spec)));
}

/** Indexes with depth 1. */
const ones = (d: Array<number | undefined>) => d.flatMap((x, i) => (x === 1 ? [i] : []));

describe('docx layout: title depth from layout', () => {
  it('a centred large paragraph under a red 发文机关标志 and a 文号 is the title', async () => {
    const d = await depths({
      body:
        p(big('XX市人民政府文件', '<w:color w:val="FF0000"/>'), CENTER) +
        p(r('X政发〔2024〕12号'), CENTER) +
        p(big('2024年春季安全生产工作安排'), CENTER) +
        p(r('各区县人民政府：')) +
        body('现将春季安全生产工作安排如下。'),
    });
    assert.deepEqual(d, [undefined, undefined, 1, undefined, undefined]);
  });

  it('a red paragraph is never the title (R ≥ C0, G and B ≤ 60)', async () => {
    assert.equal(isRed('FF0000'), true);
    assert.equal(isRed('C00000'), true);
    assert.equal(isRed('E60012'), true);
    assert.equal(isRed('B00000'), false);
    assert.equal(isRed('FF8080'), false);
    assert.equal(isRed(undefined), false);
    const d = await depths({ body: p(big('春季安全生产工作安排', '<w:color w:val="C00000"/>'), CENTER) + body('现将有关事项安排如下。') });
    assert.deepEqual(ones(d), []);
  });

  it('a 发文机关标志 by its text is skipped even when not red', async () => {
    const d = await depths({
      body: p(big('XX市人民政府文件'), CENTER) + p(r('X政发〔2024〕12号'), CENTER) + p(big('春季安全生产工作安排'), CENTER) + body('现将有关事项安排如下。'),
    });
    assert.deepEqual(ones(d), [2]);
  });

  it('by style name: Title, 标题, Heading 1, 标题 1 (case-insensitive)', async () => {
    for (const name of ['Title', 'title', '标题', 'Heading 1', 'heading 1', '标题 1']) {
      const styles = wrapStyles(`<w:style w:type="paragraph" w:styleId="T1"><w:name w:val="${name}"/></w:style>`);
      const d = await depths({ styles, body: body('（此件公开发布）') + p(r('春季安全生产工作安排'), '<w:pStyle w:val="T1"/>') + body('现将有关事项安排如下。') });
      assert.deepEqual(ones(d), [1], name);
    }
  });

  it('bold alone, or size ≥ 18 pt alone, marks the title; a plain paragraph does not', async () => {
    assert.deepEqual(ones(await depths({ body: p(r('春季安全生产工作安排', '<w:b/>')) + body('现将有关事项安排如下。') })), [0]);
    assert.deepEqual(ones(await depths({ body: p(r('春季安全生产工作安排', '<w:sz w:val="36"/>')) + body('现将有关事项安排如下。') })), [0]);
    assert.deepEqual(ones(await depths({ body: p(r('春季安全生产工作安排', '<w:sz w:val="34"/>')) + body('现将有关事项安排如下。') })), []);
  });

  it('text that cannot be a title is passed over: sentences, a recipient, a heading, a date, a 文号', async () => {
    const d = await depths({
      body:
        p(r('现将有关事项通知如下。'), CENTER) +
        p(r('各区县人民政府：'), CENTER) +
        p(r('一、总体要求', '<w:b/>')) +
        p(r('2024年3月1日'), CENTER) +
        p(r('X政发〔2024〕12号'), CENTER) +
        p(big('春季安全生产工作安排'), CENTER),
    });
    assert.deepEqual(ones(d), [5]);
  });

  it('the next paragraphs with the same look continue the title (empty ones skipped), up to four', async () => {
    const d = await depths({
      body: p(big('XX市人民政府办公室关于'), CENTER) + p('') + p(big('2024年春季安全生产'), CENTER) + p(big('工作安排'), CENTER) + p(r('各区县人民政府：')) + body('现将有关事项安排如下。'),
    });
    assert.deepEqual(ones(d), [0, 2, 3]);
    const five = await depths({ body: ['甲', '乙', '丙', '丁', '戊'].map((x) => p(big(`标题第${x}行`), CENTER)).join('') + body('正文。') });
    assert.deepEqual(ones(five), [0, 1, 2, 3]);
  });

  it('a paragraph with another look ends the title', async () => {
    const d = await depths({ body: p(big('春季安全生产工作安排'), CENTER) + p(r('（2024年3月1日XX会议通过）'), CENTER) + body('现将有关事项安排如下。') });
    assert.deepEqual(ones(d), [0]);
  });

  it('only the first ten non-empty body paragraphs are looked at; table paragraphs never', async () => {
    const plain = Array.from({ length: 10 }, (_, k) => body(`第${k + 1}段正文内容。`)).join('');
    assert.deepEqual(ones(await depths({ body: plain + p(big('春季安全生产工作安排'), CENTER) })), []);
    const table = `<w:tbl><w:tr><w:tc>${p(big('表格标题'), CENTER)}</w:tc></w:tr></w:tbl>`;
    assert.deepEqual(ones(await depths({ body: table + body('现将有关事项安排如下。') })), []);
  });

  it('one entry per paragraph, and none for an empty document', async () => {
    const draft = await readDocx(await buildDocx({ body: p(big('标题'), CENTER) + body('正文。') + body('再一段。') }));
    assert.equal(layoutDepths(draft).length, draft.paragraphs.length);
    assert.deepEqual(await depths({ body: '' }), []);
  });
});

describe('docx layout: 发文机关标志 and 成文日期 from layout (lineRoles)', () => {
  const RED = '<w:color w:val="FF0000"/>';
  const RIGHT = '<w:jc w:val="right"/>';
  // an organisation name without 文件: not a 发文机关标志 by its text alone
  const spec = {
    body:
      p(r('XX市人民政府', RED), CENTER) +
      p(big('2024年春季安全生产工作安排'), CENTER) +
      p(r('各区县人民政府：')) +
      body('现将春季安全生产工作安排如下，请认真贯彻执行') +
      p(r('2024年3月1日'), RIGHT),
  };

  it('a red centred paragraph above the title is the mark; a right-aligned date is the date', async () => {
    const draft = await readDocx(await buildDocx(spec));
    assert.deepEqual(layoutRoles(draft), ['issuerMark', undefined, undefined, undefined, 'date']);
    // and the engine takes them: neither is recognised by the text alone
    const model = buildTextModel(draft.text, 'plaintext');
    const plain = recogniseStructure(model, layoutDepths(draft));
    assert.deepEqual([plain.lineKinds[0], plain.lineKinds[4]], ['body', 'body']);
    const { lineDepths, lineRoles } = layoutHints(draft);
    const s = recogniseStructure(model, lineDepths, lineRoles);
    assert.deepEqual([s.lineKinds[0], s.lineKinds[1], s.lineKinds[4]], ['issuerMark', 'title', 'date']);
  });

  it('not red, not large or centred, below the title, not right-aligned, not a date: no role', async () => {
    const draft = await readDocx(
      await buildDocx({
        body:
          p(r('XX市人民政府'), CENTER) + // centred, not red (the title by layout)
          p(r('XX市发展和改革委员会', RED)) + // red, small, left-aligned
          p(big('XX市财政局', RED), CENTER) + // below the title
          body('现将有关事项通知如下。') +
          p(r('2024年3月1日')) + // not right-aligned
          p(r('XX市人民政府'), RIGHT), // right-aligned, not a date
      }),
    );
    assert.deepEqual(layoutRoles(draft), new Array(6).fill(undefined));
  });

  it('a red large paragraph (not centred) is the mark; a date in the top lines is not the 成文日期', async () => {
    const draft = await readDocx(await buildDocx({ body: p(big('XX市人民政府', RED)) + p(r('2024年3月1日'), RIGHT) + body('现将有关事项通知如下。') }));
    assert.deepEqual(layoutRoles(draft), ['issuerMark', undefined, undefined]);
  });
});
