import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  getMatcher,
  loadDictionary,
  mergeDictionaries,
  parseDictionary,
  validateDictionary,
} from '../../../server/src/engine/dictionary';

describe('dictionary loader', () => {
  it('reads a valid file with defaults', () => {
    const { entries, problems } = parseDictionary(
      JSON.stringify({ source: 'mine', entries: [{ wrong: '甲乙', right: ['丙丁', '戊己'], level: 'warning' }] }),
      'a.json',
    );
    assert.deepEqual(problems, []);
    assert.equal(entries[0].source, 'mine');
    assert.deepEqual(entries[0].right, ['丙丁', '戊己']);
    assert.equal(entries[0].file, 'a.json');
  });

  it('accepts a bare array', () => {
    const { entries, problems } = parseDictionary('[{"wrong":"甲","right":"乙","level":"info"}]', 'b.json');
    assert.deepEqual(problems, []);
    assert.equal(entries.length, 1);
  });

  it('reports bad JSON without throwing', () => {
    const { entries, problems } = parseDictionary('{ "entries": [ ', '/x/bad.json');
    assert.equal(entries.length, 0);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, '/x/bad.json');
    assert.match(problems[0].message, /JSON/);
  });

  it('reports a missing file without throwing', () => {
    const { problems } = loadDictionary(path.join(os.tmpdir(), 'gongwen-no-such-dictionary.json'));
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /无法读取/);
  });

  it('names the entry for missing fields, bad levels and bad conditions, and keeps the good entries', () => {
    const { entries, problems } = validateDictionary(
      {
        entries: [
          { wrong: '甲', right: '乙', level: 'error' },
          { right: '乙', level: 'error' },
          { wrong: '丙', level: 'error' },
          { wrong: '丁', right: '戊', level: 'fatal' },
          { wrong: '己', right: '庚', level: 'info', followedBy: '辛' },
          { wrong: '壬', right: '癸', level: 'info', precededBy: ['[z-a]'] },
          { wrong: '子', right: '丑', level: 'info', colour: 'red' },
          { wrong: '寅', right: '寅', level: 'info' },
          'nonsense',
        ],
      },
      'c.json',
    );
    assert.deepEqual(entries.map((e) => e.wrong), ['甲']);
    assert.equal(problems.length, 8);
    assert.ok(problems.every((p) => p.file === 'c.json'));
    assert.match(problems[0].message, /第 2 条.*wrong/);
    assert.match(problems[1].message, /第 3 条（“丙”）.*right/);
    assert.match(problems[2].message, /第 4 条（“丁”）.*level/);
    assert.match(problems[3].message, /followedBy/);
    assert.match(problems[4].message, /范围/);
    assert.match(problems[5].message, /colour/);
    assert.match(problems[6].message, /相同/);
    assert.match(problems[7].message, /第 9 条不是对象/);
  });

  it('rejects a top level that is not a dictionary', () => {
    const { problems } = validateDictionary({ words: [] }, 'd.json');
    assert.equal(problems.length, 1);
  });

  it('merges: later dictionaries replace entries with the same wrong form, off removes', () => {
    const a = validateDictionary([{ wrong: '甲', right: '乙', level: 'error' }, { wrong: '丙', right: '丁', level: 'error' }], 'a').entries;
    const b = validateDictionary([{ wrong: '甲', right: '戊', level: 'info' }, { wrong: '丙', right: '丁', level: 'off' }], 'b').entries;
    const merged = mergeDictionaries([a, b]);
    assert.deepEqual(merged.map((e) => `${e.wrong}${e.right[0]}${e.level}`), ['甲戊info']);
  });

  it('loads extra dictionaries from disk, caches them by mtime and reports their problems', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-dict-'));
    const file = path.join(dir, 'user.json');
    fs.writeFileSync(file, JSON.stringify([{ wrong: '蓝天白去', right: '蓝天白云', level: 'error' }, { wrong: 1 }]));
    const first = getMatcher([file]);
    assert.equal(first.problems.length, 1);
    assert.equal(first.matcher.match('蓝天白去').length, 1);
    assert.ok(first.matcher.match('认真布署').length === 1, 'built-in entries are kept');
    assert.equal(getMatcher([file]).matcher, first.matcher, 'cached');
    fs.writeFileSync(file, JSON.stringify([{ wrong: '布署', right: '部署', level: 'off' }]));
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    const second = getMatcher([file]);
    assert.notEqual(second.matcher, first.matcher);
    assert.equal(second.problems.length, 0);
    assert.equal(second.matcher.match('认真布署').length, 0);
    assert.equal(second.matcher.match('蓝天白去').length, 0);
    fs.rmSync(dir, { recursive: true });
  });
});
