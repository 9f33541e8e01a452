import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../../server/src/engine/index';
import type { Finding } from '../../../server/src/engine/types';
import { fieldsOf, findTemplate, formatDate, listTemplates, newDocument, renderTemplate } from '../../../server/src/templates/index';
import { FILLED, TODAY } from './filled-values';

const TYPES = ['通知', '请示', '报告', '商洽函', '复函', '批复', '意见', '通报', '通告', '决定', '纪要'];
const ROOT = path.join(__dirname, '../../..');

function show(findings: Finding[], text: string): string {
  return findings.map((f) => `${f.severity} ${f.ruleId} “${text.slice(f.start, f.end)}” ${f.message}`).join('\n');
}

describe('templates', () => {
  it('lists every document type with a one-line Chinese note on when to use it', () => {
    const list = listTemplates();
    assert.deepEqual(list.map((t) => t.type), TYPES);
    for (const t of list) {
      assert.match(t.when, /[\u4e00-\u9fff]/, t.type);
      assert.ok(!/\n/.test(t.when), t.type);
      assert.match(t.clause, /条例/, t.type);
      assert.ok(fs.existsSync(path.join(ROOT, 'templates', t.file)), t.file);
    }
    // every file in templates/ is bundled
    const files = fs.readdirSync(path.join(ROOT, 'templates')).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(files, list.map((t) => t.file).sort());
  });

  it('finds a template by alias', () => {
    assert.equal(findTemplate('函')?.type, '商洽函');
    assert.equal(findTemplate('会议纪要')?.type, '纪要');
    assert.equal(findTemplate('复函')?.docType, '函');
    assert.equal(findTemplate('命令'), undefined);
  });

  it('newDocument reports an unknown type in Chinese, listing the types', () => {
    const r = newDocument('命令');
    assert.ok('error' in r);
    assert.match((r as { error: string }).error, /没有“命令”的模板，可用：通知、请示/);
    assert.ok('error' in newDocument(''));
  });

  for (const type of TYPES) {
    describe(type, () => {
      it('renders with defaults: visible placeholders reported as warnings, no error', () => {
        const r = newDocument(type, { today: TODAY });
        assert.ok('text' in r);
        const text = (r as { text: string }).text;
        assert.ok(!/\{\{|\}\}/.test(text), 'no template marker left');
        assert.ok(!/^---/.test(text), 'no template front matter');
        assert.ok(text.includes('××'), 'visible placeholders');
        const result = check(text, { format: 'markdown' });
        assert.deepEqual(result.ruleErrors, []);
        const errors = result.findings.filter((f) => f.severity === 'error');
        assert.equal(errors.length, 0, show(errors, text));
        const placeholders = result.findings.filter((f) => f.ruleId === 'structure/placeholder');
        assert.ok(placeholders.length >= 3, 'placeholders are reported');
        assert.ok(placeholders.every((f) => f.severity === 'warning'));
        const others = result.findings.filter((f) => f.ruleId !== 'structure/placeholder' && f.severity === 'warning');
        assert.equal(others.length, 0, show(others, text));
        // the structure is recognised
        assert.equal(result.structure.docType, findTemplate(type)!.docType);
        assert.match(result.structure.titleText ?? '', /^关于.*(通知|请示|报告|函|复函|批复|意见|通报|通告|决定|纪要)$/);
        // 成文日期 / 印发日期 are today
        assert.ok(text.includes('2025年3月18日'), 'dated today');
      });

      it('checks clean when filled in with realistic values', () => {
        const values = FILLED[type];
        assert.ok(values, `filled values for ${type}`);
        const missing = fieldsOf(type, TODAY).filter((f) => !(f.name in values)).map((f) => f.name);
        assert.deepEqual(missing, [], 'every field has a value');
        const text = renderTemplate(type, values, { today: TODAY });
        assert.ok(!text.replace(/<!--[\s\S]*?-->/g, '').includes('××'), 'no placeholder left');
        const result = check(text, { format: 'markdown' });
        assert.deepEqual(result.ruleErrors, []);
        const bad = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.equal(bad.length, 0, show(bad, text));
      });

      it('renders as a VS Code snippet with linked tab stops', () => {
        const snippet = renderTemplate(type, { 发文机关: '杭州市人民政府' }, { mode: 'snippet', today: TODAY });
        assert.ok(!/\{\{/.test(snippet));
        assert.match(snippet, /\$\{1:/);
        if (type !== '纪要') {
          // the organisation from the setting is the default of its tab stop, linked wherever it is used
          const m = /\$\{(\d+):杭州市人民政府\}/.exec(snippet);
          assert.ok(m, 'organisation tab stop');
          const uses = snippet.split(`\${${m![1]}:杭州市人民政府}`).length - 1;
          assert.ok(uses >= 2, 'linked');
        }
        assert.ok(snippet.includes('2025年3月18日'));
      });
    });
  }

  it('escapes snippet syntax in literal text and values', () => {
    const s = renderTemplate('通知', { 事由: '调整$费用}标准' }, { mode: 'snippet', today: TODAY });
    assert.ok(s.includes('调整\\$费用\\}标准'));
  });

  it('can leave the guidance comments out', () => {
    const withNotes = renderTemplate('请示', {}, { today: TODAY });
    const without = renderTemplate('请示', {}, { today: TODAY, guidance: false });
    assert.ok(withNotes.includes('<!--'));
    assert.ok(!without.includes('<!--'));
    assert.ok(!/\n{3,}/.test(without));
    assert.ok(without.includes('妥否，请批示。'));
  });

  it('formats dates without zero padding', () => {
    assert.equal(formatDate(new Date(2025, 0, 5)), '2025年1月5日');
    assert.equal(formatDate(new Date(2025, 11, 31)), '2025年12月31日');
  });

  it('uses the closing each type needs', () => {
    const closing: Record<string, string> = {
      通知: '特此通知。',
      请示: '妥否，请批示。',
      报告: '特此报告。',
      商洽函: '特此函商，请予函复。',
      复函: '特此函复。',
      批复: '此复。',
      通报: '特此通报。',
      通告: '特此通告。',
    };
    for (const [type, text] of Object.entries(closing)) assert.ok(renderTemplate(type).includes(`\n${text}\n`), type);
    assert.ok(!renderTemplate('报告', {}, { guidance: false }).includes('请批示'));
    assert.match(renderTemplate('请示'), /签发人：/);
    assert.match(renderTemplate('报告'), /签发人：/);
    assert.match(renderTemplate('纪要'), /\n出席：.*\n\n请假：.*\n\n列席：/);
  });
});

describe('templates for plain text', () => {
  for (const type of TYPES) {
    it(`${type}: no Markdown markup, one line per element, recognised the same`, () => {
      const text = renderTemplate(type, FILLED[type], { today: TODAY, format: 'plaintext' });
      assert.ok(!/^#/m.test(text));
      assert.ok(!text.includes('<!--'));
      assert.ok(!/\n\n/.test(text));
      const md = check(renderTemplate(type, FILLED[type], { today: TODAY }), { format: 'markdown' });
      const plain = check(text, { format: 'plaintext' });
      assert.equal(plain.structure.docType, md.structure.docType);
      // In plain text the 纪要标志 (`××会议纪要`) is taken for the title: both end with 纪要.
      if (type !== '纪要') assert.equal(plain.structure.titleText, md.structure.titleText);
      const bad = plain.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.equal(bad.length, 0, show(bad, text));
    });
  }
});
