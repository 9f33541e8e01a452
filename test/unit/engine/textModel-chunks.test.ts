// Parsing a Markdown draft in chunks (the typing path's incremental parse)
// must give exactly the model that parsing it whole gives.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { buildTextModel, ModelCache, setMinChunkForTests } from '../../../server/src/engine/textModel';
import type { TextModel } from '../../../server/src/engine/types';

function plain(m: TextModel) {
  return {
    blocks: m.blocks.map((b) => ({ ...b, offsets: Array.from(b.offsets) })),
    lines: m.lines.map((l) => ({ ...l, offsets: Array.from(l.offsets) })),
    comments: m.comments,
    frontMatter: m.frontMatter,
    frontMatterError: m.frontMatterError,
  };
}

function assertSameModel(src: string, cache?: ModelCache): void {
  const whole = buildTextModel(src, 'markdown', undefined, { whole: true });
  const chunked = buildTextModel(src, 'markdown', cache);
  assert.deepEqual(plain(chunked), plain(whole), JSON.stringify(src));
}

const LINES = [
  '关于做好安全生产工作的通知',
  '# 关于印发《实施办法》的通知',
  '## 一、总体要求',
  '各区人民政府：',
  '现将有关事项通知如下。',
  '（一）加强**组织**领导。各单位要*认真*落实。',
  '1. 第一项内容',
  '2. 第二项内容',
  '   续行内容',
  '- 无序项',
  '> 引用内容',
  '>',
  '    缩进代码',
  '\t制表符缩进',
  '>     引用中的缩进代码',
  '1. 列表项\n\n       列表项中的缩进代码',
  '| 项目 | 金额 |',
  '| --- | --- |',
  '| 经费 | 100 |',
  '<!-- gongwen-disable-next-line punctuation -->',
  '<!-- gongwen-disable typo -->',
  '<!-- gongwen-enable -->',
  '详见 https://www.gov.cn/zhengce 网站。',
  '联系邮箱 a@b.cn，电话 12345。',
  '第一行末尾两个空格  ',
  '使用 `code` 和 \\*转义\\* 以及 &amp; 实体。',
  '---',
  '***',
  '===',
  '<div>',
  '</div>',
  '',
  '',
  '',
  '  ',
];

describe('text model: Markdown in chunks', function () {
  this.timeout(0); // property tests: no time limit
  before(() => setMinChunkForTests(0));
  after(() => setMinChunkForTests(1024));
  it('gives the same model as a whole parse on generated drafts', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.oneof({ arbitrary: fc.constantFrom(...LINES), weight: 2 }, { arbitrary: fc.constant(''), weight: 1 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        (frontMatter, lines, eol) => {
          const body = lines.join(eol);
          const src = (frontMatter ? ['---', '文种: 通知', '', '发文机关: 某某局', '---', ''].join(eol) : '') + body;
          assertSameModel(src);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same model after edits, re-using cached chunks', () => {
    const cache = new ModelCache();
    let src = Array.from({ length: 30 }, (_, i) => `${i + 1}. 第${i + 1}段内容，要*认真*落实。\n\n段落${i}的正文。`).join('\n\n');
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const inserts = ['的', '\n', '\n\n', '# ', '1. ', '> ', '*', '---\n'];
    for (let k = 0; k < 60; k++) {
      cache.begin();
      const at = rnd(src.length + 1);
      src = src.slice(0, at) + inserts[rnd(inserts.length)] + src.slice(at);
      assertSameModel(src, cache);
      cache.end();
    }
    assert.ok(cache.size > 0);
  });

  it('parses whole what could carry on across a blank line', () => {
    for (const src of [
      '正文一\n\n```\n代码\n\n不是正文\n```\n\n正文二',
      '正文一\n\n<!-- 跨行\n\n注释 -->\n\n正文二',
      '[链接][参考]\n\n[参考]: https://example.com\n\n正文',
      '<pre>\n\n预排\n</pre>\n\n正文',
      '---\n文种: 通知\n\n发文机关: 某某局\n---\n\n正文',
      '正文\n\n---\n文种: 通知\n---\n\n正文',
      '1. 列表项\n\n    续段内容\n\n正文',
      '- 列表项\n\n  续段\n\n> 引用\n\n正文',
      '    缩进代码\n\n2. 第二项内容',
    ])
      assertSameModel(src);
  });
});
