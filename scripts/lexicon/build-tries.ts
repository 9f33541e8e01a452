// Precompile the detector's wild (correction-target) trie into server/data/lexicon/tries.bin.gz
// (run after scripts/lexicon/build-lexicon.mjs, whenever words.txt.gz or
// gongwen.txt change; the loader ignores a stale file and builds from text):
//
//   npx tsx scripts/lexicon/build-tries.ts [dir]
//
// Then checks that the loader, reading the file, yields exactly the tries it
// builds from the text form (every array, every edge, every value bit).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileTries, hasCurrentTries, loadLexicon } from '../../server/src/engine/detector/lexicon';
import { TRIES_FILE } from '../../server/src/engine/detector/lexicon-binary';
import { lexiconTries, type LexiconTries } from '../../server/src/engine/detector/trie';

const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '../../server/data/lexicon'));
const gz = compileTries(dir);
const file = path.join(dir, TRIES_FILE);
fs.writeFileSync(file, gz);
console.log(`wrote ${file} (${gz.length} bytes)`);

function fail(msg: string): never {
  fs.unlinkSync(file);
  console.error(`MISMATCH: ${msg}; removed ${file}`);
  process.exit(1);
}

if (!hasCurrentTries(dir)) fail('the loader does not accept the file');
const fromText = loadLexicon(dir, { text: true });
const fromBin = loadLexicon(dir);
const a: LexiconTries = lexiconTries(fromText);
const b: LexiconTries = lexiconTries(fromBin);
if (fromText.total !== fromBin.total) fail('total');
if (fromText.maxLen !== fromBin.maxLen) fail('maxLen');
if (!Object.is(fromText.unknownLogp, fromBin.unknownLogp)) fail('unknownLogp');
function sameArray(name: string, x: ArrayLike<number>, y: ArrayLike<number>): void {
  if (x.length !== y.length) fail(`${name} length ${x.length} vs ${y.length}`);
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) fail(`${name}[${i}] ${x[i]} vs ${y[i]}`);
}
sameArray('logpValue', a.logpValue, b.logpValue);
sameArray('nameOf', a.nameOf, b.nameOf);
sameArray('fillFrom', a.fillFrom, b.fillFrom);
sameArray('fillTo', a.fillTo, b.fillTo);
sameArray('starChild', a.starChild, b.starChild);
sameArray('confStart', a.confStart, b.confStart);
sameArray('confCodes', a.confCodes, b.confCodes);
sameArray('confKinds', a.confKinds, b.confKinds);
if (a.fills !== b.fills) fail('fills');
for (const key of ['logp', 'wild'] as const) {
  if (a[key].nodes !== b[key].nodes) fail(`${key}.nodes`);
  const ea = a[key].edges();
  const eb = b[key].edges();
  sameArray(`${key}.parent`, ea.parent, eb.parent);
  sameArray(`${key}.code`, ea.code, eb.code);
  // Every edge found by lookup, and absent edges absent.
  for (let node = 1; node < ea.parent.length; node++) {
    if (b[key].child(ea.parent[node], ea.code[node]) !== node) fail(`${key} edge to ${node}`);
    if (b[key].child(node, 0x4e00) !== a[key].child(node, 0x4e00)) fail(`${key} probe at ${node}`);
  }
}
console.log(`verified: ${a.logp.nodes} logp nodes, ${a.wild.nodes} wild nodes identical`);
