// The engine on hostile input: deep nesting, lone surrogates, NULs, long
// lines, mixed line endings, broken user dictionaries, failing rules, and
// workspace data that tries to be code.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, BlockCache, buildTextModel, type CheckResult } from '../../../server/src/engine/index';
import { defaultConfig, loadConfigFile, resolveConfigForFile } from '../../../server/src/engine/config';
import { parseDictionary } from '../../../server/src/engine/dictionary/index';
import { positionAt, markdownNestingDepth, maxParagraphMarkup } from '../../../server/src/engine/textModel';
import type { DocFormat, Rule } from '../../../server/src/engine/types';

const FORMATS: DocFormat[] = ['markdown', 'plaintext'];

function assertSound(src: string, r: CheckResult): void {
  assert.deepEqual(r.ruleErrors.map((e) => e.ruleId), []);
  for (const f of r.findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= src.length, `${f.ruleId} ${f.start}-${f.end}`);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= src.length);
  }
}

const typos = (r: CheckResult) => r.findings.filter((f) => f.ruleId === 'typo/dictionary').map((f) => f.start);

describe('hostile input: engine', function () {
  this.timeout(60000);

  describe('deeply nested Markdown', () => {
    const cases: Array<[string, string]> = [
      ['10,000 nested block quotes', '>'.repeat(10000) + ' 要布署工作。\n'],
      ['3,000 nested lists on one line', '- '.repeat(3000) + '要布署工作。\n'],
      ['nested quotes in a later paragraph', '# 关于工作的通知\n\n正文。\n\n' + '> '.repeat(8000) + '要布署工作。\n'],
    ];
    for (const [name, src] of cases)
      it(`${name}: no stack overflow; checked as plain text with a notice`, () => {
        const model = buildTextModel(src, 'markdown');
        assert.match(model.notice ?? '', /嵌套层次过深.*纯文本/);
        assert.ok(model.blocks.length > 0);
        const r = check(src, { format: 'markdown' });
        assertSound(src, r);
        const at = src.indexOf('布署');
        assert.deepEqual(typos(r), [at]);
        // the same with the editor's caches, twice
        const cache = new BlockCache();
        for (let i = 0; i < 2; i++) assert.deepEqual(typos(check(src, { format: 'markdown', cache })), [at]);
      });

    it('a paragraph dense with inline markup (the parser is quadratic in it): plain text with a notice, quickly', () => {
      for (const src of ['*'.repeat(20000) + '要布署工作。' + '*'.repeat(20000) + '\n', '[a]('.repeat(20000) + '要布署工作。\n', '**要**'.repeat(5000) + '布署。\n']) {
        const r = check(src, { format: 'markdown' });
        assert.match(r.model.notice ?? '', /标记过于密集.*纯文本/);
        assertSound(src, r);
        assert.deepEqual(typos(r), [src.indexOf('布署')]);
      }
    });

    it('nesting depth and markup density are measured per line and per paragraph', () => {
      assert.equal(markdownNestingDepth('> > - 1. x\n- a\n12) y\n-x\n'), 4);
      assert.equal(markdownNestingDepth('> - * + 1. 2) z'), 6);
      assert.equal(markdownNestingDepth('正文，1.5 倍。\n2024.3 数据\n'), 0);
      assert.equal(maxParagraphMarkup('**a** [b]\n_c_\n\n`d`\n'), 8);
      assert.equal(maxParagraphMarkup('**a**\n \t\n**b**'), 4);
    });

    it('moderate nesting parses as Markdown, without a notice', () => {
      const src = '> > > > 要布署工作。\n\n- 一\n  - 二\n    - 要布署。\n';
      const model = buildTextModel(src, 'markdown');
      assert.equal(model.notice, undefined);
      assert.equal(check(src, { format: 'markdown' }).findings.filter((f) => f.ruleId === 'typo/dictionary').length, 2);
    });
  });

  describe('characters and line endings', () => {
    it('lone surrogates are characters of their own: findings next to them are kept', () => {
      const src = '关于\uD800布署\uDC00的通知\n\uDFFF要布署。\uD83D';
      for (const format of FORMATS) {
        const r = check(src, { format });
        assertSound(src, r);
        assert.deepEqual(typos(r), [3, 12], format);
      }
    });

    it('a range that splits a surrogate pair is still dropped', () => {
      const rule: Rule = {
        meta: { id: 'test/split', category: 'punctuation', severity: 'error', description: '', clause: '', safeFix: false } as Rule['meta'],
        block(block, ctx) {
          ctx.report({ start: block.start + 1, end: block.start + 2, message: 'x' });
          ctx.report({ start: block.start, end: block.start + 2, message: 'whole pair' });
        },
      };
      const r = check('𠀀正文\n', { format: 'plaintext', rules: [rule] });
      assert.deepEqual(r.findings.map((f) => f.message), ['whole pair']);
    });

    it('NUL and other control characters', () => {
      const src = '\u0000\u0001PNG\u0000关于\u0000布署工作的通知\u0000\u0007\n\u0000\n';
      for (const format of FORMATS) {
        const r = check(src, { format });
        assertSound(src, r);
        assert.deepEqual(typos(r), [src.indexOf('布署')]);
      }
    });

    it('empty and whitespace-only drafts give nothing', () => {
      for (const src of ['', ' ', '\n\n\n', '\r\n\r\n', '\t\u3000 \n', '\uFEFF'])
        for (const format of FORMATS) assert.deepEqual(check(src, { format }).findings, [], JSON.stringify(src));
    });

    it('CRLF, lone CR and mixed endings: positions count every ending as one line break', () => {
      const src = '# 关于工作的通知\r\n\r\n要布署工作。\r\n\r\n再接再励。\r\r要布署。\n\n又布署。';
      for (const format of FORMATS) {
        const r = check(src, { format });
        assertSound(src, r);
        const at = r.findings.filter((f) => f.ruleId === 'typo/dictionary').map((f) => positionAt(r.model.lineStarts, f.start));
        assert.deepEqual(
          at,
          [
            { line: 2, character: 1 },
            { line: 4, character: 0 },
            { line: 6, character: 1 },
            { line: 8, character: 1 },
          ],
          format,
        );
        // no finding or edit starts or ends between \r and \n
        for (const f of r.findings)
          for (const o of [f.start, f.end, ...f.fixes.flatMap((x) => x.edits.flatMap((e) => [e.start, e.end]))])
            assert.ok(!(src[o - 1] === '\r' && src[o] === '\n'), `${f.ruleId} splits a CRLF`);
      }
    });

    it('a long single line (200,000 characters) checks without error', () => {
      const src = '要布署工作，' + '各地区各部门要认真贯彻落实党中央决策部署，切实做好安全生产工作。'.repeat(6500);
      assert.ok(src.length > 200_000);
      const r = check(src, { format: 'plaintext' });
      assertSound(src, r);
      assert.equal(typos(r)[0], 1);
    });

    it('broken front matter is noted on the model and the body is still checked', () => {
      const src = '---\ntitle: [未闭合\n---\n\n要布署工作。\n';
      const r = check(src, { format: 'markdown' });
      assert.match(r.model.frontMatterError ?? '', /前置元数据/);
      assert.deepEqual(typos(r), [src.indexOf('布署')]);
    });
  });

  describe('faults', () => {
    it('a rule that throws is recorded once; the other rules still report', () => {
      const boom: Rule = {
        meta: { id: 'test/boom', category: 'punctuation', severity: 'error', description: '', clause: '', safeFix: false } as Rule['meta'],
        block() {
          throw new Error('boom');
        },
      };
      const { listRules } = require('../../../server/src/engine/registry') as typeof import('../../../server/src/engine/registry');
      const src = '要布署工作。\n\n再接再励。\n';
      const r = check(src, { format: 'markdown', rules: [boom, ...listRules()] });
      assert.deepEqual(r.ruleErrors.map((e) => e.ruleId), ['test/boom']);
      assert.match(r.ruleErrors[0].message, /boom/);
      assert.equal(typos(r).length, 2);
    });
  });

  describe('broken user dictionaries surface in check().problems', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-dict-'));
    });
    const withDicts = (dicts: string[]) => ({ ...defaultConfig(), dictionaries: dicts });

    it('not JSON, missing, wrong shape, an invalid entry: each named; the built-in dictionary keeps working', () => {
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, '[{ "wrong": ');
      const shape = path.join(dir, 'shape.json');
      fs.writeFileSync(shape, '"words"');
      const entry = path.join(dir, 'entry.json');
      fs.writeFileSync(entry, JSON.stringify([{ wrong: '工做', right: '工作', level: 'error' }, { wrong: '甲', level: 'error' }]));
      const missing = path.join(dir, 'missing.json');
      const r = check('要布署工做。\n', { format: 'plaintext', config: withDicts([bad, shape, entry, missing]) });
      const files = r.problems.map((p) => p.file);
      assert.deepEqual(files, [bad, shape, entry, missing]);
      assert.match(r.problems[0].message, /JSON/);
      assert.match(r.problems[2].message, /第 2 条/);
      assert.match(r.problems[3].message, /无法读取/);
      assert.deepEqual(
        r.findings.filter((f) => f.ruleId === 'typo/dictionary').map((f) => f.start),
        [1, 3],
        'the built-in entry and the valid user entry both apply',
      );
    });

    it('a good dictionary gives no problem', () => {
      const good = path.join(dir, 'good.json');
      fs.writeFileSync(good, JSON.stringify([{ wrong: '工做', right: '工作', level: 'error' }]));
      assert.deepEqual(check('工做。\n', { format: 'plaintext', config: withDicts([good]) }).problems, []);
    });

    it('config problems and dictionary problems come together', () => {
      fs.writeFileSync(path.join(dir, '.gongwenrc.json'), JSON.stringify({ dictionaries: ['nope.json'], colour: 'red' }));
      const config = resolveConfigForFile(path.join(dir, 'a.md'));
      const r = check('正文。\n', { format: 'markdown', config });
      assert.deepEqual(
        r.problems.map((p) => path.basename(p.file)),
        ['.gongwenrc.json', 'nope.json'],
      );
    });
  });

  describe('workspace files are data, never code', () => {
    it('__proto__ and constructor keys in a dictionary or config pollute nothing', () => {
      const dict = parseDictionary(
        '{"__proto__": {"polluted": true}, "entries": [{"wrong": "工做", "right": "工作", "level": "error", "__proto__": {"polluted": true}}, {"wrong": "constructor", "right": "x", "level": "error"}]}',
        'evil.json',
      );
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.ok(dict.entries.length >= 1);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-evil-'));
      const rc = path.join(dir, '.gongwenrc.json');
      fs.writeFileSync(rc, '{"__proto__": {"polluted": true}, "rules": {"__proto__": {"polluted": true}}, "dictionaries": ["require(\'child_process\').exec(\'touch pwned\')"]}');
      const loaded = loadConfigFile(rc);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.deepEqual(Object.keys(loaded.config.rules ?? {}), [], 'a __proto__ key is no rule setting');
      assert.equal((loaded.config as Record<string, unknown>).polluted, undefined);
      // a dictionary path that looks like code is only a (missing) file name
      const r = check('正文。\n', { format: 'plaintext', config: { ...defaultConfig(), dictionaries: loaded.config.dictionaries ?? [] } });
      assert.match(r.problems.map((p) => p.message).join(), /无法读取/);
      assert.ok(!fs.existsSync(path.join(dir, 'pwned')) && !fs.existsSync('pwned'));
    });

    it('the server and client sources hold no eval, Function, vm, child process or computed require/import', () => {
      // The detector's optional second thread (engine/detector/parallel.ts) starts a worker on
      // dist/detector-worker.js, a path fixed next to the bundle (the CLI's __dirname).
      const WORKER_FILES = ['server/src/engine/detector/parallel.ts', 'server/src/detector-worker.ts'];
      const roots = ['server/src', 'client/src'].map((d) => path.resolve(__dirname, '../../..', d));
      const offenders: string[] = [];
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, e.name);
          if (e.isDirectory()) walk(full);
          else if (/\.ts$/.test(e.name)) {
            const code = fs
              .readFileSync(full, 'utf8')
              .replace(/\/\*[\s\S]*?\*\//g, '')
              .replace(/^\s*\/\/.*$/gm, '');
            const rel = path.relative(path.resolve(__dirname, '../../..'), full);
            const bad = [
              /\beval\s*\(/,
              /\bnew\s+Function\s*\(/,
              // worker_threads only for the detector's second thread (checked below)
              WORKER_FILES.includes(rel) ? /['"](node:)?(vm|child_process)['"]/ : /['"](node:)?(vm|child_process|worker_threads)['"]/,
              /\bimport\s*\(/,
              /\brequire\s*\(\s*[^'"\s]/,
            ].filter((re) => re.test(code));
            // A worker runs only the bundled script beside the code, never a path from a workspace or setting.
            for (const m of code.matchAll(/\bnew\s+Worker\s*\(([^,)]*)/g)) if (rel !== 'server/src/engine/detector/parallel.ts' || m[1].trim() !== 'script') bad.push(/new Worker/);
            for (const m of code.matchAll(/\benableParallelDetection\s*\(([^)]*)\)/g)) {
              const arg = m[1].trim();
              const fixed = arg === 'script' && /const script = path\.join\(__dirname, 'detector-worker\.js'\);/.test(code);
              if (arg && !(rel === 'server/src/engine/detector/parallel.ts' && arg.startsWith('script:')) && !fixed) bad.push(/enableParallelDetection/);
            }
            if (bad.length) offenders.push(`${rel}: ${bad.join(' ')}`);
          }
        }
      };
      roots.forEach(walk);
      assert.deepEqual(offenders, []);
    });
  });
});
