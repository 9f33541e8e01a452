// `gongwen check` and `review` of a .docx use its layout (docx/layout.ts →
// CheckOptions.lineDepths): a title recognised only by its look is the title,
// as in the Markdown import (which writes it as `# `), and the findings of the
// .docx equal those of its import. The real bundled command (npm run build first).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { readDocx } from '../../server/src/docx/read';
import { LAYOUT_TITLE, ROLES_DATE, ROLES_TITLE, layoutRolesDocx, layoutTitleDocx } from '../helpers/layoutDraft';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/gongwen.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Diag {
  code: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function diagnostics(stdout: string): Diag[] {
  const report = JSON.parse(stdout) as Array<{ diagnostics: Diag[] }>;
  assert.equal(report.length, 1);
  return report[0].diagnostics;
}

/** rule, message and the text it covers (the same draft as .docx and as Markdown has other line numbers). */
function keyed(diags: Diag[], text: string): string[] {
  const lines = text.split('\n');
  return diags
    .map((d) => {
      const { start, end } = d.range;
      const covered = start.line === end.line ? lines[start.line].slice(start.character, end.character) : `${lines[start.line].slice(start.character)}…`;
      return `${d.code} | ${d.message} | ${covered}`;
    })
    .sort();
}

describe('CLI: the layout of a .docx (title by its look)', function () {
  this.timeout(60000);
  let dir: string;
  let docx: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-layout-'));
    docx = path.join(dir, '通知.docx');
    fs.writeFileSync(docx, await layoutTitleDocx());
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check: the centred 二号 paragraph is the title (structure/title fires), not so for the same text as plain text', async () => {
    const res = run(['check', '--format', 'json', docx], dir);
    assert.ok(res.code === 0 || res.code === 1, res.stderr);
    const diags = diagnostics(res.stdout);
    const title = diags.filter((d) => d.code === 'structure/title');
    assert.equal(title.length, 1, res.stdout);
    assert.deepEqual(title[0].range.start, { line: 2, character: 0 });
    assert.match(title[0].message, /标题未以法定文种结尾/);

    // the same paragraphs without layout: nothing is said of the title
    const txt = path.join(dir, '通知.txt');
    fs.writeFileSync(txt, (await readDocx(fs.readFileSync(docx))).text);
    const plain = diagnostics(run(['check', '--format', 'json', txt], dir).stdout);
    assert.equal(plain.filter((d) => d.code === 'structure/title').length, 0);
  });

  it('the findings of the .docx equal those of its Markdown import (the title written as `# `)', async () => {
    const md = path.join(dir, '通知.md');
    const imp = run(['import', docx, '-o', md], dir);
    assert.equal(imp.code, 0, imp.stderr);
    const mdText = fs.readFileSync(md, 'utf8');
    assert.ok(mdText.includes(`# ${LAYOUT_TITLE}\n`), mdText);

    const docxText = (await readDocx(fs.readFileSync(docx))).text;
    const fromDocx = keyed(diagnostics(run(['check', '--format', 'json', docx], dir).stdout), docxText);
    const fromMd = keyed(diagnostics(run(['check', '--format', 'json', md], dir).stdout), mdText);
    assert.ok(fromDocx.some((k) => k.startsWith('structure/title | ')), fromDocx.join('\n'));
    assert.deepEqual(fromDocx, fromMd);
  });

  it('review: the comment on the title is written', async () => {
    const out = path.join(dir, '通知-审校.docx');
    const res = run(['review', docx, '-o', out], dir);
    assert.ok(res.code === 0 || res.code === 1, res.stderr);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const comments = await zip.file('word/comments.xml')!.async('string');
    assert.match(comments, /标题未以法定文种结尾/);
  });
});

describe('CLI: the layout of a .docx (发文机关标志 and 成文日期 by their look)', function () {
  this.timeout(60000);
  let dir: string;
  let docx: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-roles-'));
    docx = path.join(dir, '通知.docx');
    fs.writeFileSync(docx, await layoutRolesDocx());
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check: the right-aligned date is the 成文日期 (structure/date-format fires), not so for the same text as plain text', async () => {
    const res = run(['check', '--format', 'json', docx], dir);
    assert.ok(res.code === 0 || res.code === 1, res.stderr);
    const dates = diagnostics(res.stdout).filter((d) => d.code === 'structure/date-format');
    assert.equal(dates.length, 1, res.stdout);
    assert.deepEqual(dates[0].range.start, { line: 4, character: 0 });
    assert.match(dates[0].message, /2024年3月1日/);

    const txt = path.join(dir, '通知.txt');
    fs.writeFileSync(txt, (await readDocx(fs.readFileSync(docx))).text);
    const plain = diagnostics(run(['check', '--format', 'json', txt], dir).stdout);
    assert.equal(plain.filter((d) => d.code === 'structure/date-format').length, 0);
  });

  it('review writes that comment too', async () => {
    const out = path.join(dir, '通知-审校.docx');
    const res = run(['review', docx, '-o', out], dir);
    assert.ok(res.code === 0 || res.code === 1, res.stderr);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    assert.match(await zip.file('word/comments.xml')!.async('string'), /成文日期应使用阿拉伯数字/);
  });

  it('import: the `# ` title is the title without the red mark; the findings agree but for the date, which Markdown cannot mark', async () => {
    const md = path.join(dir, '通知.md');
    const imp = run(['import', docx, '-o', md], dir);
    assert.equal(imp.code, 0, imp.stderr);
    const mdText = fs.readFileSync(md, 'utf8');
    assert.ok(mdText.includes(`# ${ROLES_TITLE}\n`), mdText);
    assert.ok(mdText.startsWith('XX市人民政府\n'), mdText);

    const docxText = (await readDocx(fs.readFileSync(docx))).text;
    const fromDocx = keyed(diagnostics(run(['check', '--format', 'json', docx], dir).stdout), docxText);
    const fromMd = keyed(diagnostics(run(['check', '--format', 'json', md], dir).stdout), mdText);
    // the layout-only difference: a Markdown paragraph has no alignment to say it is the 成文日期
    const dateFinding = (k: string) => k.startsWith('structure/date-format | ') && k.endsWith(`| ${ROLES_DATE}`);
    assert.equal(fromDocx.filter(dateFinding).length, 1, fromDocx.join('\n'));
    assert.deepEqual(fromDocx.filter((k) => !dateFinding(k)), fromMd);
  });
});
