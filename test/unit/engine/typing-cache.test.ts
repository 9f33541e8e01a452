// The typing path: check() through one BlockCache after edits (re-used
// chunks, placed blocks and lines, block results found by origin) must give
// exactly what a fresh check() gives, and must never change a result it
// handed out before.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { check, BlockCache, type CheckResult } from '../../../server/src/engine/index';
import { setMinChunkForTests } from '../../../server/src/engine/textModel';
import type { DocFormat } from '../../../server/src/engine/types';

function plain(r: CheckResult) {
  const m = r.model;
  return {
    findings: r.findings,
    blocks: m.blocks.map((b) => ({ ...b, offsets: Array.from(b.offsets) })),
    lines: m.lines.map((l) => ({ ...l, offsets: Array.from(l.offsets) })),
    comments: m.comments,
    frontMatter: m.frontMatter,
    notice: m.notice,
    structure: r.structure,
  };
}

const PARAGRAPHS = [
  '关于做好安全生产工作的通知',
  '# 关于印发《实施办法》的通知',
  '各区人民政府：',
  '现将有关事项通知如下。',
  '一、总体要求',
  '（一）加强**组织**领导。各单位要*认真*落实,确保实效。',
  '1. 第一项内容',
  '- 无序项',
  '> 引用内容',
  '| 项目 | 金额 |\n| --- | --- |\n| 经费 | 100 |',
  '<!-- gongwen-disable-next-line punctuation -->',
  '详见 https://www.gov.cn/zhengce 网站。',
  '使用 `code` 和 \\*转义\\* 以及 &amp; 实体。',
  '特此通知。',
  '某某市人民政府',
  '2024年3月1日',
  '附件：1. 实施方案',
];
const INSERTS = ['的', '，', ',', '。', '\n', '\n\n', '# ', '1. ', '> ', '*', '`', '- ', '附件：', '一、', '<!-- gongwen-disable -->'];

function assertTypingPath(format: DocFormat, paragraphs: string[], edits: Array<[number, number]>): void {
  let src = paragraphs.join(format === 'markdown' ? '\n\n' : '\n');
  const cache = new BlockCache();
  const first = check(src, { format, cache });
  const firstPlain = plain(first);
  for (const [at, pick] of edits) {
    const offset = Math.floor(at * (src.length + 1));
    const c = src.charCodeAt(offset);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    src = src.slice(0, offset) + INSERTS[pick % INSERTS.length] + src.slice(offset);
    const viaCache = check(src, { format, cache });
    assert.deepEqual(plain(viaCache), plain(check(src, { format })), JSON.stringify(src));
  }
  // results handed out earlier are left as they were
  assert.deepEqual(plain(first), firstPlain);
}

describe('typing path: check() with a BlockCache after edits', function () {
  this.timeout(0); // property tests: no time limit
  for (const minChunk of [0, 1024]) {
    describe(`chunks of at least ${minChunk} code units`, () => {
      before(() => setMinChunkForTests(minChunk));
      after(() => setMinChunkForTests(1024));
      for (const format of ['markdown', 'plaintext'] as const) {
        it(`gives what a fresh check gives (${format})`, () => {
          fc.assert(
            fc.property(
              fc.array(fc.constantFrom(...PARAGRAPHS), { minLength: 1, maxLength: 60 }),
              fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat()), { minLength: 1, maxLength: 8 }),
              (paragraphs, edits) => assertTypingPath(format, paragraphs, edits),
            ),
            { numRuns: 60 },
          );
        });
      }
    });
  }

  it('gives what a fresh check gives on a long draft edited in many places', () => {
    const paragraphs: string[] = [];
    for (let i = 0; i < 150; i++) paragraphs.push(PARAGRAPHS[(i * 7) % PARAGRAPHS.length]);
    const edits: Array<[number, number]> = [];
    let s = 11;
    for (let k = 0; k < 15; k++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      edits.push([(s % 10007) / 10007, s]);
    }
    assertTypingPath('markdown', paragraphs, edits);
    assertTypingPath('plaintext', paragraphs, edits);
  });
});
