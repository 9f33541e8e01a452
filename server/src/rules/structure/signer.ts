// structure/signer: 上行文 show the 签发人 on the 发文字号 line, as
// `签发人：姓名` with a full-width colon (GB/T 9704-2012 §7.2.6; 条例 第九条(六)).

import type { Rule } from '../../engine/types';
import { DOC_NUMBER_RE, SIGNER_RE } from '../../engine/structure-patterns';
import { linesOfKind, range, replaceFix } from './_util';

export const rule: Rule = {
  meta: {
    id: 'structure/signer',
    category: 'structure',
    severity: 'warning',
    safeFix: true,
    description: '上行文应在发文字号同一行标注“签发人：姓名”，冒号用全角',
    clause: 'GB/T 9704-2012 §7.2.6；党政机关公文处理工作条例 第九条（六）',
    details:
      '上行文（请示、报告）应当标注签发人姓名。签发人平行排列于发文字号右侧，由“签发人”三字加全角冒号和签发人姓名组成。',
    examples: [
      { bad: 'X政发〔2024〕3号　　签发人:张三', good: 'X政发〔2024〕3号　　签发人：张三' },
      { bad: 'X政发〔2024〕3号　　签发人张三', good: 'X政发〔2024〕3号　　签发人：张三' },
    ],
  },
  document(ctx) {
    const { model, structure } = ctx;
    let found = false;
    const candidates = [...linesOfKind(model, structure, 'docNumber'), ...linesOfKind(model, structure, 'signer')];
    for (const v of candidates) {
      const at = v.t.search(/签[ \u3000]*发[ \u3000]*人/);
      if (at < 0) continue;
      found = true;
      const part = v.t.slice(at);
      const m = SIGNER_RE.exec(part);
      if (!m) continue;
      const label = /^签[ \u3000]*发[ \u3000]*人/.exec(part)![0];
      const afterLabel = at + label.length;
      const colon = m[1];
      const name = (m[2] ?? '').trim();
      if (colon === ':') {
        const i = v.t.indexOf(':', afterLabel);
        ctx.report({ ...range(v, i, i + 1), message: '“签发人”后应使用全角冒号“：”', fixes: [replaceFix(v, i, i + 1, '：')] });
      } else if (!colon && name) {
        // `签发人张三` / `签发人 张三`: insert the colon, drop the spaces
        let j = afterLabel;
        while (j < v.t.length && /[ \u3000]/.test(v.t[j])) j++;
        ctx.report({
          ...range(v, at, afterLabel),
          message: '“签发人”后应加全角冒号“：”，写作“签发人：姓名”',
          fixes: [replaceFix(v, afterLabel, j, '：', '加全角冒号“：”')],
        });
      }
      if (!name) {
        ctx.report({ ...range(v, at, v.t.length), message: '“签发人：”后应写签发人姓名', fixes: [] });
      }
    }
    // A 请示 or 报告 with a 发文字号 (版头) but no 签发人.
    if (!found && (structure.docType === '请示' || structure.docType === '报告')) {
      const nums = linesOfKind(model, structure, 'docNumber').filter((v) => DOC_NUMBER_RE.test(v.t));
      if (nums.length) {
        const v = nums[0];
        ctx.report({
          ...range(v, 0, v.t.length),
          message: `${structure.docType}属上行文，应在发文字号同一行右侧标注“签发人：姓名”`,
          fixes: [],
        });
      }
    }
  },
};
