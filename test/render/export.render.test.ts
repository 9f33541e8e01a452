// Render test of the .docx export: LibreOffice converts exported drafts to PDF
// (with Debian's CJK fonts standing in for 仿宋 and 小标宋, see fonts.conf),
// and the PDF's text layout is checked against GB/T 9704-2012: a full page of
// body text holds 22 lines of 28 characters, the title is centred, page numbers
// alternate sides. The first page of the sample is saved as
// test-artifacts/export-page1.png for a person to look at.
//
// Needs: libreoffice-writer, poppler-utils, fonts-noto-cjk, fonts-arphic-uming,
// fonts-arphic-ukai, fonts-liberation (scripts/render-deps.sh installs them).

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportFile } from '../../server/src/export';
import { charCount, pdfLayout, printedLines, type PdfPage } from './pdfLayout';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples/export/通知.md');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const FONTS_CONF = path.join(__dirname, 'fonts.conf');

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const TYPE_AREA = { left: 28 * MM, right: (210 - 26) * MM, top: 37 * MM, bottom: (297 - 35) * MM };

// Han characters without punctuation, so that no line-breaking rule moves a character.
const HAN =
  '国务院办公厅关于进一步加强安全生产工作推进高质量发展建设现代化经济体系深化改革开放完善治理能力提高服务水平落实责任制度保障人民群众生命财产' +
  '坚持以人民为中心的发展思想统筹发展和安全把握新发展阶段贯彻新发展理念构建新发展格局着力防范化解重大风险持续改善民生福祉';

function fullPageDraft(): string {
  let text = '';
  while (text.length < 28 * 22 * 3) text += HAN;
  return `# 临江市人民政府关于测试版面的通知\n\n${text}。\n`;
}

function which(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('export render (LibreOffice → PDF)', function () {
  this.timeout(240_000);
  let work: string;
  let sample: PdfPage[];
  let full: PdfPage[];
  let samplePdf: string;

  before(async () => {
    for (const cmd of ['soffice', 'pdftotext', 'pdftoppm']) {
      assert.ok(which(cmd), `${cmd} not found: run scripts/render-deps.sh`);
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-render-'));
    const sampleDocx = path.join(work, 'sample.docx');
    const fullDocx = path.join(work, 'fullpage.docx');
    await exportFile(SAMPLE, sampleDocx);
    const fullMd = path.join(work, 'fullpage.md');
    fs.writeFileSync(fullMd, fullPageDraft());
    await exportFile(fullMd, fullDocx);
    // One LibreOffice run for both documents, with a fresh profile.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, sampleDocx, fullDocx],
      { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF, HOME: work }, stdio: 'ignore', timeout: 200_000 },
    );
    samplePdf = path.join(work, 'sample.pdf');
    assert.ok(fs.existsSync(samplePdf), 'LibreOffice produced no PDF');
    sample = pdfLayout(samplePdf);
    full = pdfLayout(path.join(work, 'fullpage.pdf'));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', samplePdf, path.join(ARTIFACTS, 'export-page1')]);
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  const bodyLines = (page: PdfPage) => printedLines(page.lines).filter((l) => l.yMin < TYPE_AREA.bottom);
  const footerLines = (page: PdfPage) => printedLines(page.lines).filter((l) => l.yMin >= TYPE_AREA.bottom);

  it('pages are A4', () => {
    for (const p of [...sample, ...full]) {
      assert.ok(Math.abs(p.width - PAGE.width) < 1 && Math.abs(p.height - PAGE.height) < 1, `${p.width}×${p.height}`);
    }
  });

  it('a full page of body text holds 22 lines of 28 characters', () => {
    assert.ok(full.length >= 3, `expected at least 3 pages, got ${full.length}`);
    const page = full[1]; // page 2: body text only
    const lines = bodyLines(page);
    const counts = lines.map((l) => charCount(l.text));
    assert.equal(lines.length, 22, `lines on a full page: ${lines.length} (${counts.join(' ')})`);
    assert.deepEqual(counts, new Array(22).fill(28), `characters per line: ${counts.join(' ')}`);
    // The lines fill the type area: first line near its top, pitch 28.95 pt.
    const pitch = (lines[21].yMin - lines[0].yMin) / 21;
    assert.ok(Math.abs(pitch - 28.95) < 0.3, `line pitch ${pitch.toFixed(2)} pt`);
    assert.ok(lines[0].yMin >= TYPE_AREA.top - 2 && lines[0].yMin < TYPE_AREA.top + 14, `first line at ${lines[0].yMin}`);
    // …and stay inside the type area horizontally.
    for (const l of lines) assert.ok(l.xMin >= TYPE_AREA.left - 1 && l.xMax <= TYPE_AREA.right + 1, `line ${l.xMin}–${l.xMax}`);
  });

  it('the title is centred in the type area', () => {
    // 二号 (22 pt) lines: taller than body lines, smaller than the 发文机关标志
    const titleLines = printedLines(sample[0].lines).filter((l) => l.yMax - l.yMin > 25 && l.yMax - l.yMin < 40 && !/文件$/.test(l.text));
    assert.ok(titleLines.length >= 1, 'title not found on page 1');
    const centre = (TYPE_AREA.left + TYPE_AREA.right) / 2;
    for (const l of titleLines) {
      const mid = (l.xMin + l.xMax) / 2;
      assert.ok(Math.abs(mid - centre) < 4, `title line “${l.text}” centred at ${mid.toFixed(1)}, type area centre ${centre.toFixed(1)}`);
    }
  });

  it('the 发文机关标志 is centred about 35 mm below the top of the type area', () => {
    const mark = printedLines(sample[0].lines).find((l) => /文件$/.test(l.text));
    assert.ok(mark, 'issuer mark not found');
    const mid = (mark.xMin + mark.xMax) / 2;
    assert.ok(Math.abs(mid - (TYPE_AREA.left + TYPE_AREA.right) / 2) < 4, `mark centred at ${mid}`);
    const below = (mark.yMin - TYPE_AREA.top) / MM;
    assert.ok(below > 30 && below < 40, `mark top ${below.toFixed(1)} mm below the type area`);
  });

  it('the first page shows 主送 and the start of the body', () => {
    const texts = printedLines(sample[0].lines).map((l) => l.text);
    assert.ok(texts.some((t) => /^各区县人民政府/.test(t)), '主送 missing on page 1');
    assert.ok(texts.some((t) => /^为深入贯彻/.test(t)), 'body missing on page 1');
  });

  it('page numbers are — N — in 四号, odd pages right, even pages left', () => {
    assert.ok(sample.length >= 2, 'sample should run to two pages at least');
    sample.forEach((page, k) => {
      const foot = footerLines(page);
      assert.equal(foot.length, 1, `page ${k + 1}: footer lines ${foot.map((f) => f.text).join(' | ')}`);
      const f = foot[0];
      assert.match(f.text, new RegExp(`^—\\s*${k + 1}\\s*—$`));
      // 7 mm below the type area (the text box starts a little above the glyphs)
      const gap = (f.yMin - TYPE_AREA.bottom) / MM;
      assert.ok(gap > 3 && gap < 11, `page ${k + 1}: number ${gap.toFixed(1)} mm below the type area`);
      const oneChar = 14;
      if ((k + 1) % 2 === 1) assert.ok(Math.abs(f.xMax - (TYPE_AREA.right - oneChar)) < 6, `odd page ${k + 1}: right edge ${f.xMax}`);
      else assert.ok(Math.abs(f.xMin - (TYPE_AREA.left + oneChar)) < 6, `even page ${k + 1}: left edge ${f.xMin}`);
    });
  });

  it('the 版记 sits at the bottom of the type area of the last page', () => {
    const last = sample[sample.length - 1];
    const lines = bodyLines(last);
    const print = lines.find((l) => /印发$/.test(l.text));
    const cc = lines.find((l) => /^抄送/.test(l.text));
    assert.ok(print && cc, `版记 not found on the last page: ${lines.map((l) => l.text).join(' | ')}`);
    assert.ok(cc.yMin < print.yMin, '抄送 above 印发');
    assert.ok(TYPE_AREA.bottom - print.yMax < 20, `印发 line ends ${(TYPE_AREA.bottom - print.yMax).toFixed(1)} pt above the bottom of the type area`);
  });

  it('saved the first page as a picture', () => {
    const png = path.join(ARTIFACTS, 'export-page1.png');
    assert.ok(fs.existsSync(png) && fs.statSync(png).size > 10_000);
  });
});
