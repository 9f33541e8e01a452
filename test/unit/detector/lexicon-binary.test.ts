// The precompiled tries file is an optimisation only: the detector must find
// exactly the same with it, without it, and with a stale or corrupt copy.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findDataDir, hasCurrentTries, loadLexicon, type Lexicon } from '../../../server/src/engine/detector/lexicon';
import { TRIES_FILE } from '../../../server/src/engine/detector/lexicon-binary';
import { lexiconTries } from '../../../server/src/engine/detector/trie';

/** The correction-target trie the detector walks: same edges, same fills. */
function sameWild(a: Lexicon, b: Lexicon): void {
  const ta = lexiconTries(a);
  const tb = lexiconTries(b);
  const ea = ta.wild.edges();
  const eb = tb.wild.edges();
  assert.equal(ea.parent.length, eb.parent.length);
  assert.ok(Buffer.from(ea.parent.buffer).equals(Buffer.from(eb.parent.buffer)), 'wild trie edges differ');
  assert.ok(Buffer.from(ea.code.buffer).equals(Buffer.from(eb.code.buffer)), 'wild trie codes differ');
  assert.equal(ta.fills, tb.fills);
}

describe('detector lexicon: precompiled tries', function () {
  this.timeout(60000);
  const dir = findDataDir();

  it('the shipped tries file is current for the shipped word list', () => {
    assert.ok(hasCurrentTries(dir), `${TRIES_FILE} is stale: run npx tsx scripts/lexicon/build-tries.ts`);
  });

  it('loading with the file and from the text gives the same correction targets', () => {
    sameWild(loadLexicon(dir), loadLexicon(dir, { text: true }));
  });

  it('a corrupt or missing tries file falls back to the text form', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-lex-'));
    for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(copy, f));
    fs.writeFileSync(path.join(copy, TRIES_FILE), Buffer.from('not a tries file'));
    assert.equal(hasCurrentTries(copy), false);
    const reference = loadLexicon(dir, { text: true });
    sameWild(loadLexicon(copy), reference);
    fs.unlinkSync(path.join(copy, TRIES_FILE));
    sameWild(loadLexicon(copy), reference);
  });
});
