// The typing path must not keep every version of a draft alive: what the
// caches keep across checks (chunk keys, block keys, block texts, line facts)
// must not be slices of the draft, which would hold on to the whole string.
// Measured as heap growth over edits of a large draft (no timing).

import { strict as assert } from 'node:assert';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { check, BlockCache } from '../../../server/src/engine/index';
import type { DocFormat } from '../../../server/src/engine/types';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

function draft(chars: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const p = `第${i}段：各单位要按照第${i % 97}号文件的要求，认真做好第${i % 13}季度的安全生产检查工作，确保责任落实到人。`;
    out.push(p);
    n += p.length + 2;
  }
  return out.join('\n\n');
}

describe('typing path: memory', function () {
  this.timeout(0);
  for (const format of ['markdown', 'plaintext'] as const) {
    it(`keeps no old version of a draft alive (${format})`, () => {
      // 400k characters: 800 KB a version; 40 edits that each kept their version would hold 32 MB
      let text = draft(400_000);
      if (format === 'plaintext') text = text.replace(/\n\n/g, '\n');
      const cache = new BlockCache();
      check(text, { format: format as DocFormat, cache });
      for (let k = 0; k < 5; k++) {
        const at = Math.floor(((k * 7919) % 1000) / 1000 * text.length);
        text = text.slice(0, at) + '的' + text.slice(at);
        check(text, { format: format as DocFormat, cache });
      }
      const before = heapMB();
      for (let k = 0; k < 40; k++) {
        const at = Math.floor((((k + 5) * 7919) % 1000) / 1000 * text.length);
        text = text.slice(0, at) + '的' + text.slice(at);
        check(text, { format: format as DocFormat, cache });
      }
      const grown = heapMB() - before;
      assert.ok(grown < 12, `heap grew by ${grown.toFixed(1)} MB over 40 edits`);
    });
  }
});
