// Realistic drafts with heading mistakes: every expected heading finding is
// found, nothing else in the heading category is reported, and fix-all
// leaves no fixable heading finding.

import { strict as assert } from 'node:assert';
import { check, fixAll } from '../../../../server/src/engine/index';
import type { DocFormat } from '../../../../server/src/engine/types';

const REPORT_MD = `杭州市交通运输局文件

杭交〔2025〕15号　　　　签发人：王明

# 关于2024年全市交通运输安全生产工作情况的报告

杭州市人民政府：

根据市政府工作部署，现将2024年全市交通运输安全生产工作情况报告如下：

一.基本情况

2024年，全市交通运输行业未发生较大以上安全生产事故，1、2月份事故起数同比下降12%。

二、主要做法和成效

(一)压实安全责任。逐级签订安全生产责任书，第1、2条规定的责任全部落实到岗位。

（二）、开展隐患排查。全年排查整治隐患2300余项，整改率达到98%。

1、道路运输领域。排查隐患1200余项。

2.水上交通领域。排查隐患600余项。

4.城市客运领域。排查隐患500余项。

四、存在的问题，

部分企业安全投入不足，从业人员安全意识有待提高。

五、下一步工作打算

第一、深化隐患排查治理。第二，加大执法检查力度。

特此报告。

杭州市交通运输局

2025年3月18日
`;

const NOTICE_TXT = `关于做好2025年春季森林防火工作的通知
各区、县（市）人民政府，市政府各部门：
当前已进入春季森林防火关键期，现将有关事项通知如下：
一、提高思想认识
各地各部门要充分认识森林防火工作的重要性和紧迫性。
二、突出工作重点
（一）加强火源管控；
严格落实野外用火审批制度。
（三）强化巡查值守
清明节前后实行全天候值班。
三、落实保障措施
各区、县（市）人民政府要落实防火经费，2024、2025年连续两年开展实战演练。
特此通知。
杭州市人民政府
2025年3月18日
`;

interface Draft {
  name: string;
  text: string;
  format: DocFormat;
  /** `ruleId text`: the source each finding covers. */
  expected: string[];
}

const DRAFTS: Draft[] = [
  {
    name: '报告 (Markdown)',
    text: REPORT_MD,
    format: 'markdown',
    expected: [
      'heading/ordinal-format 一.',
      'heading/ordinal-format (一)',
      'heading/ordinal-format （二）、',
      'heading/ordinal-format 1、',
      'heading/sequence 4.',
      'heading/sequence 四、',
      'heading/trailing-punct ，',
      'heading/ordinal-format 第一、',
    ],
  },
  {
    name: '通知 (plain text)',
    text: NOTICE_TXT,
    format: 'plaintext',
    expected: ['heading/trailing-punct ；', 'heading/sequence （三）'],
  },
];

describe('heading rules on realistic drafts', () => {
  let total = 0;
  let found = 0;
  let extra = 0;
  for (const d of DRAFTS) {
    it(`${d.name}: finds exactly the expected mistakes`, () => {
      const r = check(d.text, { format: d.format, only: ['heading'] });
      const got = r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${d.text.slice(f.start, f.end)}`);
      const missing = d.expected.filter((e) => !got.includes(e));
      const unexpected = got.filter((g) => !d.expected.includes(g));
      total += d.expected.length;
      found += d.expected.length - missing.length;
      extra += unexpected.length;
      assert.deepEqual({ missing, unexpected }, { missing: [], unexpected: [] });
    });

    it(`${d.name}: fix-all leaves no fixable heading finding and is stable`, () => {
      const once = fixAll(d.text, { format: d.format, only: ['heading'] });
      assert.ok(once.fixed > 0);
      assert.ok(once.remaining.every((f) => !f.safe), once.remaining.map((f) => f.message).join('\n'));
      const twice = fixAll(once.output, { format: d.format, only: ['heading'] });
      assert.equal(twice.output, once.output);
    });
  }

  after(() => {
    if (total) console.log(`      heading drafts: recall ${found}/${total}, false positives ${extra}`);
  });
});
