import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/punctuation/fullwidth';
import { bad, good, run, stable } from './helpers';

describe('punctuation/fullwidth', () => {
  it('converts ASCII , ; : ? ! after Chinese text', () => {
    bad(rule, '各地区,各部门:', '各地区，各部门：');
    bad(rule, '加强领导;落实责任;', '加强领导；落实责任；');
    bad(rule, '是否可行?请批示!', '是否可行？请批示！');
    bad(rule, '如下 : 一是', '如下 ： 一是');
  });

  it('names the full-width form in the message, as an error with a safe fix', () => {
    const [f] = run(rule, '各部门:');
    assert.equal(f.message, '中文语句中应使用全角冒号“：”');
    assert.equal(f.severity, 'error');
    assert.equal(f.safe, true);
    assert.equal(f.clause, 'GB/T 15834-2011 §5.1');
  });

  it('converts a mark after an ASCII token embedded in Chinese', () => {
    bad(rule, '达到100%,其中', '达到100%，其中');
    bad(rule, '使用Python,提高效率', '使用Python，提高效率');
    bad(rule, '上午9:30,召开会议', '上午9:30，召开会议');
  });

  it('converts a mark after closing quotes in Chinese', () => {
    bad(rule, '“十三五”以来,党中央', '“十三五”以来，党中央');
    bad(rule, '印发“通知”,要求', '印发“通知”，要求');
  });

  it('converts a sentence-final full stop after Chinese', () => {
    bad(rule, '本通知自发布之日起施行.', '本通知自发布之日起施行。');
    bad(rule, '整改率达到95%.各地要', '整改率达到95%。各地要');
    bad(rule, '推进“放管服”.各地要', '推进“放管服”。各地要');
  });

  it('converts parentheses in pairs', () => {
    bad(rule, '细颗粒物(PM2.5)浓度', '细颗粒物（PM2.5）浓度');
    bad(rule, '法定代表人(负责人)', '法定代表人（负责人）');
    bad(rule, '(1)加强组织领导', '（1）加强组织领导');
    bad(rule, '见附件(国家发展改革委牵头)。', '见附件（国家发展改革委牵头）。');
    const found = run(rule, '煤层气(煤矿瓦斯)开发');
    assert.equal(found.length, 1);
    assert.equal(found[0].fixes[0].edits.length, 2, 'one fix converts both parentheses');
  });

  it('converts the ASCII half of a mixed pair', () => {
    bad(rule, '县（市、区)', '县（市、区）');
    bad(rule, '(国家发展改革委）', '（国家发展改革委）');
  });

  it('keeps nested parentheses balanced', () => {
    bad(rule, '文件(含附件(二))', '文件（含附件（二））');
    stable(rule, '文件(含附件(二))(另发)');
  });

  it('leaves decimals, times, ratios, ordinals and numbers alone', () => {
    good(rule, '增长1.5倍');
    good(rule, '时间为04:00');
    good(rule, '师生比不低于1:200的比例');
    good(rule, '1.总体要求');
    good(rule, '3,4-亚甲基二氧苯基');
    good(rule, '共计1,000万元');
    good(rule, '第1,2条');
    good(rule, '按照3:1,2:1执行');
  });

  it('leaves English phrases and code-like text alone', () => {
    good(rule, 'Hello, world: how are you?');
    good(rule, '英文名称为Belt and Road (BRI)');
    good(rule, '调用f(x)函数');
    good(rule, 'the “Belt and Road”, or BRI');
    good(rule, '中文 the Belt and Road, and more');
  });

  it('leaves the colon of a template placeholder alone', () => {
    good(rule, '一、{{标题一:基本情况}}');
    good(rule, '{{开头:为××××，根据××××}}', 'markdown');
    bad(rule, '{{开头:为××××,根据}}', '{{开头:为××××，根据}}');
  });

  it('leaves URLs alone', () => {
    good(rule, '网址：https://www.gov.cn/zhengce/a,b;c:d?x=1!');
    good(rule, '详见http://www.gov.cn。');
  });

  it('leaves a full stop that is not sentence-final alone', () => {
    good(rule, '诺尔曼.白求恩');
    good(rule, '附件.docx');
    good(rule, '等等...');
    good(rule, '版本号为V1.0.各地'); // not after a sentence-ending mark
    good(rule, '比例为5%.5'); 
  });

  it('works on Markdown, ignoring inline code and markup', () => {
    bad(rule, '各地区,**各部门**:\n', '各地区，**各部门**：\n', 'markdown');
    good(rule, '运行 `a,b;c:d` 命令\n', 'markdown');
    good(rule, '```\n代码,注释:\n```\n', 'markdown');
    good(rule, '见[链接](http://example.com)说明\n', 'markdown');
    bad(rule, '# 标题(草稿)\n', '# 标题（草稿）\n', 'markdown');
  });

  it('is stable under fix-all', () => {
    stable(rule, '一、总体要求:(一)加强领导,落实责任;是否可行?(见附件)。');
  });
});

describe('punctuation/fullwidth: Markdown escapes', () => {
  it('drops the backslash of an escaped mark it converts', () => {
    bad(rule, '细颗粒物\\(PM2.5\\)浓度\n', '细颗粒物（PM2.5）浓度\n', 'markdown');
    bad(rule, '施行\\!\n', '施行！\n', 'markdown');
  });
});
