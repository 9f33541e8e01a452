// The extension manifest and its localisation: every user-facing string of
// package.json has an English (package.nls.json) and a Chinese
// (package.nls.zh-cn.json) entry; every runtime string of the client
// (`vscode.l10n.t`) has a Chinese translation in l10n/; commands, menus,
// snippets, walkthrough media and the icon are all there.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
const pkg = readJson('package.json');
const nlsEn: Record<string, string> = readJson('package.nls.json');
const nlsZh: Record<string, string> = readJson('package.nls.zh-cn.json');
const HAN = /[\u4e00-\u9fff]/;

/** Every `%key%` placeholder in the manifest, with where it is. */
function nlsKeys(value: unknown, where = ''): Array<{ key: string; where: string }> {
  if (typeof value === 'string') {
    const m = /^%([^%]+)%$/.exec(value);
    return m ? [{ key: m[1], where }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => nlsKeys(v, `${where}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nlsKeys(v, `${where}.${k}`));
  return [];
}

function clientSources(): Array<{ file: string; text: string }> {
  const dir = path.join(ROOT, 'client/src');
  const out: Array<{ file: string; text: string }> = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name)) out.push({ file: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/** The string literals passed to `l10n.t(…)` in the client, unescaped. */
function l10nStrings(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { file, text } of clientSources()) {
    const call = /l10n\.t\(\s*/g;
    let m: RegExpExecArray | null;
    while ((m = call.exec(text))) {
      const rest = text.slice(m.index + m[0].length);
      const lit = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1/.exec(rest);
      assert.ok(lit, `${file}: l10n.t must be called with a string literal: ${rest.slice(0, 40)}`);
      const value = lit[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      found.set(value, file);
    }
  }
  return found;
}

const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');
const codicons = (s: string) => (s.match(/\$\([a-z-]+\)/g) ?? []).join(',');

describe('manifest', () => {
  it('every %key% in package.json has an English and a Chinese entry', () => {
    const keys = nlsKeys(pkg);
    assert.ok(keys.length > 20, 'the manifest is localised');
    const missingEn = keys.filter((k) => !(k.key in nlsEn)).map((k) => `${k.key} (${k.where})`);
    const missingZh = keys.filter((k) => !(k.key in nlsZh)).map((k) => `${k.key} (${k.where})`);
    assert.deepEqual(missingEn, [], 'missing in package.nls.json');
    assert.deepEqual(missingZh, [], 'missing in package.nls.zh-cn.json');
  });

  it('package.nls.json and package.nls.zh-cn.json have the same keys, none unused, and the Chinese ones are Chinese', () => {
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort());
    const used = new Set(nlsKeys(pkg).map((k) => k.key));
    assert.deepEqual(Object.keys(nlsEn).filter((k) => !used.has(k)), [], 'unused nls keys');
    for (const [k, v] of Object.entries(nlsZh)) {
      if (k.endsWith('.media')) continue; // a path to localised walkthrough media
      assert.ok(HAN.test(v), `package.nls.zh-cn.json ${k} is not Chinese: ${v}`);
      assert.equal(placeholders(v), placeholders(nlsEn[k]), `placeholders of ${k}`);
      // command links in walkthrough text keep their targets
      assert.deepEqual(v.match(/\(command:[^)]+\)/g) ?? [], nlsEn[k].match(/\(command:[^)]+\)/g) ?? [], `command links of ${k}`);
    }
    for (const [k, v] of Object.entries(nlsEn)) assert.ok(v.trim().length > 0, `empty English text for ${k}`);
  });

  it('every command and setting is titled through nls, commands under the 公文助手 category', () => {
    const commands: Array<{ command: string; title: string; category?: string }> = pkg.contributes.commands;
    for (const c of commands) {
      assert.match(c.title, /^%.+%$/, `${c.command} title`);
      assert.equal(c.category, '%command.category%', `${c.command} category`);
    }
    assert.equal(nlsZh['command.category'], '公文助手');
    for (const [id, p] of Object.entries<Record<string, unknown>>(pkg.contributes.configuration.properties)) {
      const d = (p.markdownDescription ?? p.description) as string | undefined;
      assert.ok(d && /^%.+%$/.test(d), `${id} description`);
    }
  });

  it('the commands the client registers and the manifest contributes are the same', () => {
    const registered = new Set<string>();
    for (const { text } of clientSources()) for (const m of text.matchAll(/registerCommand\(\s*'([^']+)'/g)) registered.add(m[1]);
    const contributed = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
    assert.deepEqual([...registered].sort(), [...contributed].sort());
    for (const id of ['gongwen.insertTemplate', 'gongwen.newDocument', 'gongwen.fixAll', 'gongwen.exportDocx', 'gongwen.acceptWord'])
      assert.ok(contributed.has(id), id);
  });

  it('menus name contributed commands and submenus', () => {
    const contributed = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const submenus = new Set<string>((pkg.contributes.submenus ?? []).map((s: { id: string }) => s.id));
    for (const [menu, items] of Object.entries<Array<{ command?: string; submenu?: string }>>(pkg.contributes.menus)) {
      if (menu.startsWith('gongwen.')) assert.ok(submenus.has(menu), `menu ${menu} is a declared submenu`);
      for (const it of items) {
        if (it.command) assert.ok(contributed.has(it.command), `${menu}: ${it.command}`);
        if (it.submenu) assert.ok(submenus.has(it.submenu), `${menu}: ${it.submenu}`);
      }
    }
  });

  it('every l10n.t string of the client has a Chinese translation in l10n/bundle.l10n.zh-cn.json', () => {
    assert.equal(pkg.l10n, './l10n');
    const strings = l10nStrings();
    assert.ok(strings.size >= 10, `found ${strings.size} runtime strings`);
    const zh: Record<string, string> = readJson('l10n/bundle.l10n.zh-cn.json');
    const missing = [...strings.keys()].filter((s) => !(s in zh));
    assert.deepEqual(missing, [], 'untranslated runtime strings');
    const stale = Object.keys(zh).filter((s) => !strings.has(s));
    assert.deepEqual(stale, [], 'translations of strings no longer in the code');
    for (const [en, cn] of Object.entries(zh)) {
      assert.ok(HAN.test(cn), `not Chinese: ${cn}`);
      assert.equal(placeholders(cn), placeholders(en), `placeholders of "${en}"`);
      assert.equal(codicons(cn), codicons(en), `icons of "${en}"`);
    }
    // the default bundle lists the same strings
    const en: Record<string, string> = readJson('l10n/bundle.l10n.json');
    assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort(), 'l10n/bundle.l10n.json and the zh-cn bundle differ');
    // runtime strings in code are English: the Chinese lives in the bundle
    for (const s of strings.keys()) assert.ok(!HAN.test(s), `Chinese source string in code: ${s}`);
  });

  it('snippets are valid, described, and available in Markdown and plain text', () => {
    const entries: Array<{ language: string; path: string }> = pkg.contributes.snippets;
    assert.deepEqual(entries.map((e) => e.language).sort(), ['markdown', 'plaintext']);
    for (const e of entries) {
      const snippets: Record<string, { prefix: string | string[]; body: string | string[]; description: string }> = readJson(e.path);
      const names = Object.keys(snippets);
      for (const required of ['发文字号', '签发人', '主送机关', '附件说明（一个附件）', '附件说明（多个附件）', '抄送', '印发机关和印发日期', '请示结束语', '特此通知', '成文日期', '附注', '一级标题', '二级标题'])
        assert.ok(names.includes(required), `snippet ${required}`);
      for (const [name, s] of Object.entries(snippets)) {
        const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
        assert.ok(prefixes.length && prefixes.every((p) => p.length > 0), `${name} prefix`);
        assert.ok(HAN.test(s.description), `${name} description`);
        const body = (Array.isArray(s.body) ? s.body : [s.body]).join('\n');
        let depth = 0;
        for (let i = 0; i < body.length; i++) {
          if (body[i] === '\\') i++;
          else if (body[i] === '$' && body[i + 1] === '{') depth++;
          else if (body[i] === '}' && depth > 0) depth--;
        }
        assert.equal(depth, 0, `${name}: unbalanced \${…}`);
      }
    }
  });

  it('the walkthrough steps have their media, the icon is a 128×128 PNG', () => {
    for (const w of pkg.contributes.walkthroughs) {
      assert.ok(w.steps.length >= 5);
      for (const s of w.steps) {
        // media paths are localised: English and Chinese files, the Chinese ones in Chinese
        const key = /^%(.+)%$/.exec(s.media.markdown)?.[1];
        assert.ok(key, `${s.id}: media path through nls`);
        for (const [nls, chinese] of [[nlsEn, false], [nlsZh, true]] as const) {
          const file = path.join(ROOT, nls[key]);
          assert.ok(fs.existsSync(file), `${s.id}: ${nls[key]}`);
          const text = fs.readFileSync(file, 'utf8');
          assert.ok(/^# /.test(text), `${nls[key]} starts with a heading`);
          if (chinese) assert.ok(HAN.test(text.split('\n')[0]), `${nls[key]} heading is Chinese`);
          else assert.ok(!HAN.test(text.split('\n')[0]), `${nls[key]} heading is English`);
        }
        assert.ok(s.completionEvents?.length, `${s.id} completes on an event`);
      }
      const ids = w.steps.map((s: { id: string }) => s.id);
      assert.ok(ids.some((id: string) => /newDocument/.test(id)) && ids.some((id: string) => /export/.test(id)));
    }
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });

  it('a .docx is reviewed from the Explorer, and its text view has the button that writes the reviewed copy', () => {
    const menus = pkg.contributes.menus as Record<string, Array<{ command?: string; when?: string }>>;
    assert.ok(menus['explorer/context'].some((m) => m.command === 'gongwen.reviewDocx' && /resourceExtname == \.docx/.test(m.when ?? '')));
    assert.ok(menus['editor/title'].some((m) => m.command === 'gongwen.writeReviewedDocx' && m.when === 'resourceScheme == gongwen-docx'));
    // runnable from the palette (with a file picker) anywhere; the writer only on a text view
    assert.ok(!menus.commandPalette.some((m) => m.command === 'gongwen.reviewDocx'));
    assert.ok(menus.commandPalette.some((m) => m.command === 'gongwen.writeReviewedDocx' && m.when === 'resourceScheme == gongwen-docx'));
    assert.equal(nlsZh['command.reviewDocx'], '审校 Word 文档');
    assert.equal(nlsZh['command.writeReviewedDocx'], '生成审校稿（批注和修订）');
  });

  it('every bundle scripts/build.mjs writes for the client ships in the .vsix', () => {
    const build = fs.readFileSync(path.join(ROOT, 'scripts/build.mjs'), 'utf8');
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    const bundles = [...build.matchAll(/outfile: '(dist\/client[^']*\.js)'/g)].map((m) => m[1]);
    assert.ok(bundles.includes('dist/client-docx.js'), `client bundles: ${bundles.join(', ')}`);
    for (const b of bundles) assert.ok(ignore.includes(`!${b}`), `.vscodeignore does not include ${b}`);
  });
});
