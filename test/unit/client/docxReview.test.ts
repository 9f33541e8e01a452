// The pure parts of reviewing a .docx in VS Code (client/src/docxReview.ts):
// the text view's address, the reviewed copy's name, and the review items
// built from the server's diagnostics.

import { strict as assert } from 'node:assert';
import { commentText, DOCX_SCHEME, planReview, reviewedPath, sourceOfView, viewUriParts, type DiagnosticLike } from '../../../client/src/docxReview';

const file = (path: string) => ({ scheme: 'file', authority: '', path, query: '' });

/** Offsets of a text by line/character. */
function offsetAtIn(text: string) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (p: { line: number; character: number }) => starts[p.line] + p.character;
}
const pos = (line: number, character: number) => ({ line, character });
const range = (l: number, a: number, b: number) => ({ start: pos(l, a), end: pos(l, b) });

describe('client: reviewing a .docx (pure parts)', () => {
  it('the text view of a local .docx is its path plus .txt under the gongwen-docx scheme, and back', () => {
    const v = viewUriParts(file('/w/来文/通知.docx'), 'file:///w/来文/通知.docx');
    assert.deepEqual(v, { scheme: DOCX_SCHEME, authority: '', path: '/w/来文/通知.docx.txt', query: '' });
    assert.deepEqual(sourceOfView(v), { file: { authority: '', path: '/w/来文/通知.docx' } });
    const remote = viewUriParts({ scheme: 'vscode-vfs', authority: 'github', path: '/o/r/a.docx', query: '' }, 'vscode-vfs://github/o/r/a.docx');
    assert.equal(remote.path, '/o/r/a.docx.txt');
    assert.deepEqual(sourceOfView(remote), { uri: 'vscode-vfs://github/o/r/a.docx' });
  });

  it('the reviewed copy is FILE-审校.docx beside the original, then -2, -3…', () => {
    assert.equal(reviewedPath('/w/通知.docx'), '/w/通知-审校.docx');
    assert.equal(reviewedPath('/w/通知.docx', 2), '/w/通知-审校-2.docx');
    assert.equal(reviewedPath('/w/a.b.docm', 3), '/w/a.b-审校-3.docm');
    assert.equal(reviewedPath('/w/x', 1), '/w/x-审校.docx');
  });

  it('a comment says what is wrong, what to write instead and which clause says so', () => {
    assert.equal(commentText('疑似错别字“布署”。', ['改为“部署”'], 'GB/T 9704-2012 第 5 条'), '疑似错别字“布署”。建议改为“部署”。依据：GB/T 9704-2012 第 5 条。');
    assert.equal(commentText('a', ['改为“b”', '删去“c”'], undefined), 'a。建议改为“b”或删去“c”。');
  });

  it('one item per finding; the first fix of a safe finding becomes a tracked change, unless it overlaps, crosses a paragraph or touches generated text', () => {
    const text = '一、关于布署工作,请遵照执行\n第二段';
    const at = offsetAtIn(text);
    const d = (r: ReturnType<typeof range>, code: string | undefined, safe: boolean, edits: Array<{ range: ReturnType<typeof range>; newText: string }>): DiagnosticLike => ({
      range: r,
      message: `问题 ${code}`,
      source: 'gongwen',
      code,
      data: { safe, clause: '某条', fixes: edits.length ? [{ title: '改为“x”', edits }] : [] },
    });
    const diagnostics: DiagnosticLike[] = [
      d(range(0, 10, 11), 'punctuation/fullwidth', true, [{ range: range(0, 10, 11), newText: '，' }]),
      d(range(0, 4, 6), 'typo/dictionary', false, [{ range: range(0, 4, 6), newText: '部署' }]),
      d(range(0, 10, 11), 'punctuation/other', true, [{ range: range(0, 10, 11), newText: '；' }]), // overlaps the first
      d(range(0, 0, 2), 'heading/ordinal', true, [{ range: range(0, 0, 2), newText: '（一）' }]), // generated ordinal
      d(range(0, 14, 14), 'x/cross', true, [{ range: { start: pos(0, 13), end: pos(1, 1) }, newText: '' }]), // crosses a paragraph
      { range: range(1, 0, 3), message: '只检查了前 … 个字符', source: 'gongwen' }, // a notice: no rule id
      { range: range(1, 0, 3), message: 'other tool', source: 'markdownlint', code: 'MD001' },
    ];
    const plan = planReview(diagnostics, at, (s) => s >= 2, text);
    assert.deepEqual(
      plan.items.map((i) => [i.start, i.end, i.edits?.map((e) => `${e.start}-${e.end}:${e.newText}`).join(' ') ?? '']),
      [
        [0, 2, ''],
        [4, 6, ''],
        [10, 11, '10-11:，'],
        [10, 11, ''],
        [14, 14, ''],
      ],
    );
    assert.equal(plan.changes, 1);
    assert.equal(plan.items[1].comment, '问题 typo/dictionary。建议改为“x”。依据：某条。');
  });
});
