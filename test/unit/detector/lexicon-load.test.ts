// The loader reads the word list and the confusion file straight into the
// detector's arrays (lexicon.ts buildWordTrie, confusionArrays), without the
// string maps: they must hold exactly what the tries built from those maps
// hold (trie.ts triesFromMaps), node for node.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { ConfusionKind, findDataDir, loadLexicon, PREFIX, wordLogp, DOMAIN_BOOST } from '../../../server/src/engine/detector/lexicon';
import { lexiconTries, triesFromMaps, type LexiconTries } from '../../../server/src/engine/detector/trie';

function bytes(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function sameTries(a: LexiconTries, b: LexiconTries): void {
  assert.equal(a.logp.nodes, b.logp.nodes);
  const ea = a.logp.edges();
  const eb = b.logp.edges();
  assert.ok(bytes(ea.parent).equals(bytes(eb.parent)), 'word trie edges differ');
  assert.ok(bytes(ea.code).equals(bytes(eb.code)), 'word trie codes differ');
  assert.ok(bytes(a.logpValue).equals(bytes(b.logpValue)), 'word values differ');
  assert.ok(bytes(a.nameOf).equals(bytes(b.nameOf)), 'name tags differ');
  assert.ok(bytes(a.confStart).equals(bytes(b.confStart)), 'confusion rows differ');
  assert.ok(bytes(a.confCodes).equals(bytes(b.confCodes)), 'confusion candidates differ');
  assert.ok(bytes(a.confKinds).equals(bytes(b.confKinds)), 'confusion kinds differ');
}

describe('detector lexicon: loading', function () {
  this.timeout(120000);

  it('reads the shipped files into the same tries as the string maps give', () => {
    const lex = loadLexicon(findDataDir());
    sameTries(lexiconTries(lex), triesFromMaps(lex));
  });

  it('reads edge cases of the formats as the string maps do', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-lex-'));
    try {
      // Repeated words (the last line counts), names, a 公文 word listed twice
      // and one not in the list, a word that is a prefix of another.
      const words = ['100\t\t发展 大数据 数据', '30\tns\t乌兰察布 大数', '7\tnr\t王明', '50\t\t数据 大数据产业', ''].join('\n');
      fs.writeFileSync(path.join(dir, 'words.txt.gz'), zlib.gzipSync(words));
      fs.writeFileSync(path.join(dir, 'gongwen.txt'), '大数据\n大数据\n统筹推进\n\n');
      // A character on two lines (the last counts), a candidate in several
      // columns, a candidate outside the BMP, a key of two characters, missing columns.
      const conf = ['局\t据\t举', '局\t据巨\t举据\t居\t菊巨', '数\t书\t𠀀树\t\t暑书', '大数\t打', '发', ''].join('\n');
      fs.writeFileSync(path.join(dir, 'confusion.txt'), conf);
      const lex = loadLexicon(dir);
      sameTries(lexiconTries(lex), triesFromMaps(lex));
      assert.equal(wordLogp(lex, '数据'), Math.log(50) - Math.log(lex.total));
      assert.equal(wordLogp(lex, '大数据'), Math.log(100) - Math.log(lex.total) + DOMAIN_BOOST);
      assert.equal(lex.logp.get('大数据产'), PREFIX);
      assert.equal(lex.names.get('乌兰察布'), 'ns');
      assert.equal(lex.maxLen, 5);
      assert.deepEqual([...lex.confusion.get('局')!], [
        ['菊', ConfusionKind.Fuzzy],
        ['巨', ConfusionKind.SameTone],
        ['居', ConfusionKind.Shape],
        ['举', ConfusionKind.OtherTone],
        ['据', ConfusionKind.SameTone],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
