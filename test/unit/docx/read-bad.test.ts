// Bad input to the .docx reader: each refused with a DocxError of one
// Chinese line, before anything large is inflated.

import { strict as assert } from 'node:assert';
import JSZip from 'jszip';
import { readDocx } from '../../../server/src/docx/read';
import { DocxError, DOCX_LIMITS } from '../../../server/src/docx/types';
import { buildDocx, oleFile, p, r, wrapDocument } from '../../helpers/docx';

async function refused(bytes: Uint8Array, pattern: RegExp, limits = DOCX_LIMITS): Promise<string> {
  try {
    await readDocx(bytes, limits);
  } catch (e) {
    assert.ok(e instanceof DocxError, `a DocxError, not ${String(e)}`);
    assert.match(e.message, pattern);
    assert.ok(!e.message.includes('\n'), 'one line');
    return e.message;
  }
  assert.fail('not refused');
}

/** Offsets of the central directory headers of a zip. */
function centralHeaders(bytes: Uint8Array): number[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) if (dv.getUint32(i, true) === 0x02014b50) out.push(i);
  return out;
}

describe('docx read: bad input', () => {
  const enc = new TextEncoder();

  it('not a zip: plain text, empty file', async () => {
    await refused(enc.encode('这不是 Word 文档'), /^不是 Word 文档（\.docx）：文件不是 ZIP 格式$/);
    await refused(new Uint8Array(0), /文件不是 ZIP 格式/);
  });

  it('RTF saved as .docx', async () => {
    await refused(enc.encode('{\\rtf1\\ansi hello}'), /RTF/);
  });

  it('OLE compound file with EncryptionInfo: an encrypted document', async () => {
    const m = await refused(oleFile(['EncryptionInfo', 'EncryptedPackage']), /加密/);
    assert.match(m, /密码/);
  });

  it('OLE compound file without EncryptionInfo: an old binary .doc', async () => {
    const m = await refused(oleFile(['WordDocument', '1Table']), /\.doc/);
    assert.match(m, /另存为 \.docx/);
    assert.doesNotMatch(m, /加密/);
    // Just the magic and garbage: still an old binary file, not a crash.
    const bare = new Uint8Array(64);
    bare.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await refused(bare, /旧版二进制/);
  });

  it('a zip without word/document.xml or [Content_Types].xml', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    await refused(await zip.generateAsync({ type: 'uint8array' }), /没有 word\/document\.xml/);
    await refused(await buildDocx({ body: p(r('甲')), omit: ['word/document.xml'] }), /没有 word\/document\.xml/);
    await refused(await buildDocx({ body: p(r('甲')), omit: ['[Content_Types].xml'] }), /没有 \[Content_Types\]\.xml/);
  });

  it('zip bomb: more entries than the limit, refused before reading', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 30; i++) zip.file(`word/media/x${i}.bin`, 'x');
    zip.file('word/document.xml', wrapDocument(p(r('甲'))));
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await refused(bytes, /压缩炸弹.*\d+ 个条目，超过上限 20/, { maxEntries: 20, maxInflatedBytes: 2 ** 20 });
    // Within the limit it reads.
    const d = await readDocx(bytes, { maxEntries: 40, maxInflatedBytes: 2 ** 20 });
    assert.equal(d.text, '甲');
  });

  it('zip bomb: a declared uncompressed size above the limit, refused from the central directory', async () => {
    const bytes = await buildDocx({ body: p(r('甲')) });
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const [first] = centralHeaders(bytes);
    dv.setUint32(first + 24, 0xfffffff0, true); // ~4 GB declared
    await refused(bytes, /压缩炸弹.*声明大小/);
  });

  it('zip bomb: an entry that inflates beyond the limit while declaring little, stopped while inflating', async () => {
    const big = wrapDocument(p(r('甲')) + '<!--' + ' '.repeat(3 * 2 ** 20) + '-->');
    const bytes = await buildDocx({ document: big });
    assert.ok(bytes.length < 100_000);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const dec = new TextDecoder();
    const doc = centralHeaders(bytes).find(
      (at) => dec.decode(bytes.subarray(at + 46, at + 46 + dv.getUint16(at + 28, true))) === 'word/document.xml',
    )!;
    dv.setUint32(doc + 24, 1000, true); // lie in the central directory
    await refused(bytes, /压缩炸弹.*解压后超过上限 1 MB/, { maxEntries: 100, maxInflatedBytes: 2 ** 20 });
  });

  it('malformed XML in word/document.xml: mismatched tags, unbound prefix, not XML', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    await refused(
      await buildDocx({ document: `<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t>甲</w:t></w:p></w:body></w:document>` }),
      /^Word 文档已损坏：word\/document\.xml 不是格式正确的 XML/,
    );
    await refused(
      await buildDocx({ document: `<?xml version="1.0"?><w:document ${W}><w:body><x:p/></w:body></w:document>` }),
      /不是格式正确的 XML/,
    );
    await refused(await buildDocx({ document: '这不是 XML' }), /不是格式正确的 XML/);
    await refused(await buildDocx({ document: `<?xml version="1.0"?><w:document ${W}><w:body>` }), /不是格式正确的 XML/);
  });

  it('a DOCTYPE (entity expansion) is refused', async () => {
    const doc = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';
    await refused(await buildDocx({ document: doc }), /DOCTYPE/);
  });

  it('malformed XML in styles.xml or numbering.xml is refused too', async () => {
    await refused(await buildDocx({ body: p(r('甲')), styles: '<w:styles>' }), /word\/styles\.xml 不是格式正确的 XML/);
  });

  it('a .docm is read as text, macroEnabled set, nothing runs', async () => {
    const d = await readDocx(
      await buildDocx({ body: p(r('宏文档正文')), macroEnabled: true, extra: { 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) } }),
    );
    assert.equal(d.text, '宏文档正文');
    assert.equal(d.pkg.macroEnabled, true);
  });
});
