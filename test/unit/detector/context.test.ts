import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { findDataDir } from '../../../server/src/engine/detector/lexicon';
import {
  CONTEXT_FILE,
  contextGain,
  CONTEXT_RADIUS,
  decodeContextModel,
  getContextModel,
  loadContextModel,
  textCost,
  wordId,
} from '../../../server/src/engine/detector/context';

describe('detector: context model', () => {
  before(function () {
    this.timeout(60000);
    getContextModel();
  });

  it('loads once, with words and bigrams', () => {
    const m = getContextModel();
    assert.equal(getContextModel(), m);
    assert.ok(m.size > 50000, `${m.size} words`);
    assert.ok(m.w2Of.length > 100000, `${m.w2Of.length} bigrams`);
    assert.ok(wordId(m, '贯彻') >= 0 && wordId(m, '落实') >= 0 && wordId(m, '贯彻落') < 0);
    // Every word is found under its own id.
    // (the vocabulary as the file holds it: after the 20-byte header, words joined by '\n')
    const raw = zlib.gunzipSync(fs.readFileSync(path.join(findDataDir(), CONTEXT_FILE)));
    const words = raw.toString('utf8', 20, 20 + raw.readUInt32LE(16)).split('\n');
    assert.equal(words.length, m.size);
    for (let id = 0; id < m.size; id += 97) {
      const w = words[id];
      assert.equal(wordId(m, w), id, w);
    }
    // Bigram lists are sorted (binary search relies on it).
    for (let w1 = 0; w1 < 2000; w1++) {
      for (let k = m.start[w1] + 1; k < m.start[w1 + 1]; k++) assert.ok(m.w2Of[k - 1] < m.w2Of[k]);
    }
  });

  it('prefers text in its usual word order', () => {
    const m = getContextModel();
    assert.ok(textCost(m, '我们要认真贯彻落实') < textCost(m, '落实贯彻认真要我们'));
    assert.equal(textCost(m, ''), 0);
    // A character the model has no word for costs, but does not break the search.
    assert.ok(Number.isFinite(textCost(m, '㐀㐁贯彻')));
  });

  it('gains when a slip is corrected and loses when a correct text is "corrected"', () => {
    const m = getContextModel();
    const slip = '发展大数局产业';
    assert.ok(contextGain(m, slip, 4, '据') > 5);
    const right = '发展大数据产业';
    assert.ok(contextGain(m, right, 4, '局') < -5);
  });

  it('looks no further than the Han run and CONTEXT_RADIUS characters', () => {
    const m = getContextModel();
    const core = '严格执发';
    const g = contextGain(m, core, 3, '法');
    // Text beyond punctuation or Latin letters does not change the judgement.
    assert.equal(contextGain(m, `会议纪要。${core}`, 8, '法'), g);
    assert.equal(contextGain(m, `ABC${core}，其他内容`, 6, '法'), g);
    const far = '各'.repeat(CONTEXT_RADIUS + 5);
    const pad = '部门单位'.repeat(5);
    const text = `${far}${core}${pad}`;
    const idx = far.length + 3;
    const cut = text.slice(idx - CONTEXT_RADIUS, idx + CONTEXT_RADIUS + 1);
    assert.equal(contextGain(m, text, idx, '法'), contextGain(m, cut, CONTEXT_RADIUS, '法'));
  });

  it('rejects a file that is not a model with a clear error', () => {
    assert.throws(() => decodeContextModel(Buffer.from('not gzip')), /incorrect header check|unexpected end|invalid/i);
    assert.throws(() => decodeContextModel(zlib.gzipSync(Buffer.from('GWLX\u0001\u0000\u0000\u0000'.padEnd(40, '\u0000')))), /not a Gongwen context model/);
    const head = Buffer.alloc(20);
    head.write('GWLM', 0, 'latin1');
    head.writeUInt32LE(1, 4);
    head.writeUInt32LE(3, 8);
    head.writeUInt32LE(5, 12);
    head.writeUInt32LE(3, 16);
    assert.throws(() => decodeContextModel(zlib.gzipSync(Buffer.concat([head, Buffer.from('a\nb')]))), /truncated/);
  });

  it('reads a small model byte by byte: UTF-8 words, signed costs, varints', () => {
    // Three words (one outside the BMP), one bigram 数据 → 𠀀.
    const vocab = Buffer.from('数据\n𠀀\nA股');
    const head = Buffer.alloc(20);
    head.write('GWLM', 0, 'latin1');
    head.writeUInt32LE(1, 4);
    head.writeUInt32LE(3, 8);
    head.writeUInt32LE(1, 12);
    head.writeUInt32LE(vocab.length, 16);
    const costs = Buffer.alloc(12);
    [1500, 65535, 7].forEach((c, i) => costs.writeUInt16LE(c, i * 2));
    [-250, 300, -32768].forEach((c, i) => costs.writeInt16LE(c, 6 + i * 2));
    const varints = Buffer.from([1, 1, 0, 0]); // 数据: one bigram, w2 = 1; the others none
    const m = decodeContextModel(zlib.gzipSync(Buffer.concat([head, vocab, costs, varints, Buffer.from([12])])));
    assert.deepEqual(['数据', '𠀀', 'A股', '数'].map((w) => wordId(m, w)), [0, 1, 2, -1]);
    assert.deepEqual([...m.uniCost], [1.5, 65.535, 0.007].map(Math.fround));
    assert.deepEqual([...m.boCost], [-0.25, 0.3, -32.768].map(Math.fround));
    assert.deepEqual([...m.start], [0, 1, 1, 1]);
    assert.deepEqual([...m.w2Of], [1]);
    assert.deepEqual([...m.biCost8], [12]);
    // Varints that run into the costs: an error, not an endless read.
    const endless = Buffer.from([1, 0x80, 0x80, 0x80]);
    assert.throws(() => decodeContextModel(zlib.gzipSync(Buffer.concat([head, vocab, costs, endless, Buffer.from([0x80])]))), /corrupt/);
  });

  it('names the file when it is missing or broken', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-context-'));
    try {
      assert.throws(() => loadContextModel(path.join(dir, 'context.bin.gz')), /context model .*context\.bin\.gz could not be loaded: file not found/);
      fs.writeFileSync(path.join(dir, 'broken.bin.gz'), zlib.gzipSync(Buffer.from('GWLM')));
      assert.throws(() => loadContextModel(path.join(dir, 'broken.bin.gz')), /broken\.bin\.gz could not be loaded: not a Gongwen context model/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
