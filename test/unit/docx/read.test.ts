// The .docx reader (server/src/docx/read.ts) on minimal OOXML packages built
// by hand: one test per construct, each checking the text and the character
// map (every mapped character is the character of its node at its offset).

import { strict as assert } from 'node:assert';
import { readDocx, locate, nodeText } from '../../../server/src/docx/read';
import type { DocxDraft } from '../../../server/src/docx/types';
import { buildDocx, p, r, t, np, wrapNumbering, wrapStyles, gongwenAbstract, lvl } from '../../helpers/docx';

/** Asserts the character map of every paragraph; returns the generated (node −1) characters per paragraph. */
export function checkMap(draft: DocxDraft): string[] {
  const generated: string[] = [];
  draft.paragraphs.forEach((para, n) => {
    assert.equal(para.node.length, para.text.length, `paragraph ${n}: node map length`);
    assert.equal(para.offset.length, para.text.length, `paragraph ${n}: offset map length`);
    assert.equal(draft.text.slice(draft.paragraphStarts[n], draft.paragraphStarts[n] + para.text.length), para.text);
    let gen = '';
    for (let i = 0; i < para.text.length; i++) {
      if (para.node[i] === -1) {
        assert.equal(para.offset[i], -1);
        gen += para.text[i];
        continue;
      }
      const el = draft.pkg.nodes[para.node[i]];
      assert.ok(el, `paragraph ${n} char ${i}: node ${para.node[i]} exists`);
      const s = nodeText(el);
      const ch = el.localName === 't' ? el.textContent![para.offset[i]] : s[para.offset[i]];
      assert.equal(ch, para.text[i], `paragraph ${n} char ${i} (${JSON.stringify(para.text)})`);
    }
    generated.push(gen);
  });
  return generated;
}

const read = async (body: string, more: Parameters<typeof buildDocx>[0] = {}) => {
  const draft = await readDocx(await buildDocx({ body, ...more }));
  checkMap(draft);
  return draft;
};
const lines = (d: DocxDraft) => d.text.split('\n');

describe('docx read: paragraphs and runs', () => {
  it('paragraphs in order, one line each; paragraphStarts and locate', async () => {
    const d = await read(p(r('关于开展检查的通知')) + p(r('各单位：')) + p(''));
    assert.deepEqual(lines(d), ['关于开展检查的通知', '各单位：', '']);
    assert.deepEqual(d.paragraphStarts, [0, 10, 15]);
    assert.deepEqual(locate(d, 0), { paragraph: 0, column: 0 });
    assert.deepEqual(locate(d, 12), { paragraph: 1, column: 2 });
    assert.deepEqual(locate(d, 9), { paragraph: 0, column: 9 }); // the end of line 0
    assert.deepEqual(locate(d, 15), { paragraph: 2, column: 0 });
    assert.equal(d.paragraphs[0].container, 'body');
    assert.ok(d.pkg.parts.get('word/document.xml'));
    assert.equal(d.pkg.macroEnabled, false);
  });

  it('a word split across runs mid-word (rsid, proofErr, bookmarks) joins seamlessly', async () => {
    const d = await read(
      p(
        '<w:r w:rsidR="00A1"><w:t>各有关</w:t></w:r><w:proofErr w:type="spellStart"/>' +
          '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r w:rsidRPr="00B2"><w:rPr><w:b/></w:rPr><w:t>单</w:t></w:r>' +
          '<w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:r><w:t>位</w:t></w:r>',
      ),
    );
    assert.equal(d.text, '各有关单位');
    const para = d.paragraphs[0];
    assert.deepEqual(Array.from(para.node), [0, 0, 0, 1, 2]);
    assert.deepEqual(Array.from(para.offset), [0, 1, 2, 0, 0]);
    assert.equal(d.pkg.nodes.length, 3);
  });

  it('smart tags and custom XML wrappers are read through', async () => {
    const d = await read(
      p(
        r('二〇二四年') +
          '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date">' +
          r('三月') +
          '</w:smartTag><w:customXml w:element="x">' +
          r('一日') +
          '</w:customXml>',
      ),
    );
    assert.equal(d.text, '二〇二四年三月一日');
  });

  it('leading/trailing spaces of a w:t count only with xml:space="preserve"', async () => {
    const d = await read(p('<w:r><w:t>  甲 </w:t></w:r><w:r><w:t xml:space="preserve"> 乙 </w:t></w:r>'));
    assert.equal(d.text, '甲 乙 ');
    assert.deepEqual(Array.from(d.paragraphs[0].offset), [2, 0, 1, 2]);
  });

  it('hidden text (w:vanish) is not read', async () => {
    const d = await read(p(r('看得见') + r('看不见', '<w:vanish/>') + r('的')));
    assert.equal(d.text, '看得见的');
  });
});

describe('docx read: tables', () => {
  it('cell by cell, row by row, container table', async () => {
    const cell = (s: string) => `<w:tc><w:tcPr/>${p(r(s))}</w:tc>`;
    const d = await read(
      p(r('前')) +
        `<w:tbl><w:tblPr/><w:tblGrid/><w:tr>${cell('A1')}${cell('B1')}</w:tr><w:tr>${cell('A2')}${cell('B2')}</w:tr></w:tbl>` +
        p(r('后')),
    );
    assert.deepEqual(lines(d), ['前', 'A1', 'B1', 'A2', 'B2', '后']);
    assert.deepEqual(
      d.paragraphs.map((x) => x.container),
      ['body', 'table', 'table', 'table', 'table', 'body'],
    );
  });

  it('nested tables in reading order; several paragraphs in one cell', async () => {
    const inner = `<w:tbl><w:tr><w:tc>${p(r('内1'))}</w:tc><w:tc>${p(r('内2'))}</w:tc></w:tr></w:tbl>`;
    const d = await read(
      `<w:tbl><w:tr><w:tc>${p(r('外1'))}${inner}${p(r('外1尾'))}</w:tc><w:tc>${p(r('外2'))}${p(r('外2下'))}</w:tc></w:tr></w:tbl>`,
    );
    assert.deepEqual(lines(d), ['外1', '内1', '内2', '外1尾', '外2', '外2下']);
    assert.ok(d.paragraphs.every((x) => x.container === 'table'));
  });

  it('a row whose deletion is tracked is skipped', async () => {
    const d = await read(
      `<w:tbl><w:tr><w:tc>${p(r('留'))}</w:tc></w:tr><w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr><w:tc>${p(r('删'))}</w:tc></w:tr></w:tbl>`,
    );
    assert.deepEqual(lines(d), ['留']);
  });
});
