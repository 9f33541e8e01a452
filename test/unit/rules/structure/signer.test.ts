import { strict as assert } from 'node:assert';
import { rule } from '../../../../server/src/rules/structure/signer';
import { bad, good, reportOnly, spans } from './_helpers';

const qingshi = (n: string) => `${n}\n\n关于申请拨付防汛专项经费的请示\n\n市人民政府：\n\n今年入汛以来降雨偏多。\n\n妥否，请批示。\n`;

describe('structure/signer', () => {
  it('ASCII colon after 签发人 → full-width', () => {
    const src = qingshi('X区政发〔2024〕3号　　签发人:张三');
    const found = bad(rule, src, qingshi('X区政发〔2024〕3号　　签发人：张三'));
    assert.deepEqual(spans(found, src), [':']);
  });

  it('missing colon → inserted', () => {
    bad(rule, qingshi('X区政发〔2024〕3号　　签发人张三'), qingshi('X区政发〔2024〕3号　　签发人：张三'));
    bad(rule, qingshi('X区政发〔2024〕3号　　签发人 张三'), qingshi('X区政发〔2024〕3号　　签发人：张三'));
  });

  it('签发人 written right after the 文号', () => {
    const src = qingshi('X区政发〔2024〕3号签发人:张三');
    bad(rule, src, qingshi('X区政发〔2024〕3号签发人：张三'));
  });

  it('签发人 on its own line', () => {
    const src = '关于申请经费的请示\n签发人:李四\n\n市人民政府：\n\n妥否，请批示。\n';
    bad(rule, src, src.replace('签发人:', '签发人：'));
  });

  it('a 请示 with 文号 but without 签发人', () => {
    const found = reportOnly(rule, qingshi('X区政发〔2024〕3号'));
    assert.match(found[0].message, /上行文.*签发人：姓名/);
  });

  it('accepts the correct form', () => {
    good(rule, qingshi('X区政发〔2024〕3号　　签发人：张三'));
  });

  it('false positives: internal 请示 without 版头, 下行文 without 签发人', () => {
    good(rule, '关于申请拨付防汛专项经费的请示\n\n市人民政府：\n\n妥否，请批示。\n');
    good(rule, '国办发〔2024〕12号\n\n关于做好春节期间工作的通知\n\n各区县人民政府：\n\n现将有关事项通知如下。\n');
  });
});
