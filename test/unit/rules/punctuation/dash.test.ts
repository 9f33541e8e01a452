import assert from 'node:assert/strict';
import { rule } from '../../../../server/src/rules/punctuation/dash';
import { bad, good, reportOnly, run, stable } from './helpers';

describe('punctuation/dash', () => {
  it('replaces imitation dashes in Chinese text', () => {
    bad(rule, '我们的目标--建设现代化强国', '我们的目标——建设现代化强国');
    bad(rule, '一项基础工程－－社会信用体系', '一项基础工程——社会信用体系');
    bad(rule, '一项基础工程──社会信用体系', '一项基础工程——社会信用体系');
    bad(rule, '一项基础工程---社会信用体系', '一项基础工程——社会信用体系');
    const [f] = run(rule, '目标--建设');
    assert.equal(f.message, '破折号应写作“——”，不用“--”');
  });

  it('reports a single dash next to a point mark, without a safe fix', () => {
    reportOnly(rule, '总的要求是，—加快发展');
    reportOnly(rule, '加快发展—。');
  });

  it('leaves the range connector and correct dashes alone', () => {
    good(rule, '2023—2025年');
    good(rule, '北京—上海特别旅客快车');
    good(rule, '我们的目标——建设现代化强国');
    good(rule, '2023--2025'); // between digits: not a dash
  });

  it('leaves English text, rules and list marks alone', () => {
    good(rule, 'a -- b');
    good(rule, '-----以下无正文-----');
    good(rule, '--加强领导');
    good(rule, '使用--help参数查看');
  });

  it('works on Markdown', () => {
    bad(rule, '目标--建设\n', '目标——建设\n', 'markdown');
    good(rule, '标题\n\n---\n\n正文\n', 'markdown');
  });

  it('is stable under fix-all', () => {
    stable(rule, '目标--建设，基础工程－－信用体系');
  });
});
