// typo/confusable: the statistical confusable-character detector. Flags a
// character whose replacement by a same-sound or similar-shape character turns
// single characters or a rare word into an established word and makes the
// sentence clearly more probable. Never error-level; fixes are never safe.

import { detect, type Detection } from '../../engine/detector/detect';
import { planParallel } from '../../engine/detector/parallel';
import { spanRange } from '../../engine/text';
import type { BlockContext, Rule, Severity, TextBlock, TextModel } from '../../engine/types';

/** Per-block cache: the detector is deterministic for a text and accepted-word set. */
const cache = new Map<string, Detection[]>();
const CACHE_MAX = 2000;
let failed = false;

/** The cache-key prefix of an accepted-word set (built once per set, not once per block). */
const acceptedKeys = new WeakMap<ReadonlySet<string>, { size: number; prefix: string }>();

function cachedDetect(text: string, accepted: ReadonlySet<string>): Detection[] {
  let prefix = '';
  if (accepted.size) {
    const known = acceptedKeys.get(accepted);
    if (known && known.size === accepted.size) prefix = known.prefix;
    else {
      prefix = `${[...accepted].sort().join('\u0001')}\u0002`;
      acceptedKeys.set(accepted, { size: accepted.size, prefix });
    }
  }
  const key = prefix + text;
  let hit = cache.get(key);
  if (!hit) {
    hit = detect(text, { acceptedWords: accepted });
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(key, hit);
  }
  return hit;
}

/**
 * Per text model: when the detector's second thread is on and the document is
 * large, every other chunk of blocks is checked by the worker (see
 * engine/detector/parallel.ts); null when not.
 */
const plans = new WeakMap<TextModel, { index: Map<TextBlock, number>; remote: (i: number) => Detection[] | undefined } | null>();

function remoteDetections(block: TextBlock, ctx: BlockContext): Detection[] | undefined {
  let plan = plans.get(ctx.model);
  if (plan === undefined) {
    const blocks = ctx.model.blocks;
    const remote = planParallel(
      blocks.map((b) => b.text),
      ctx.options.acceptedWords,
    );
    plan = remote ? { index: new Map(blocks.map((b, i) => [b, i])), remote } : null;
    plans.set(ctx.model, plan);
  }
  if (!plan) return undefined;
  const i = plan.index.get(block);
  return i === undefined ? undefined : plan.remote(i);
}

export function confusableMessage(d: Detection): string {
  return `疑似错字：“${d.original}”可能应为“${d.corrected}”（${kindText(d)}），请核对`;
}

function kindText(d: Detection): string {
  if (d.swap) return `“${d.wrongChar}”二字顺序颠倒`;
  const how = d.wrongChar.length > 1 ? '读音或字形相近' : d.kind === 3 ? '字形相近' : '读音相同或相近';
  return `“${d.wrongChar}”与“${d.rightChar}”${how}`;
}

/** Report a block's detections: high confidence as warning, medium as info, low not at all. */
export function reportDetections(block: TextBlock, ctx: BlockContext, detections: readonly Detection[]): void {
  for (const d of detections) {
    if (d.confidence === 'low') continue;
    const severity: Severity = d.confidence === 'high' ? 'warning' : 'info';
    const word = spanRange(block, d.from, d.to);
    const ch = spanRange(block, d.index, d.index + d.wrongChar.length);
    ctx.report({
      start: word.start,
      end: word.end,
      message: confusableMessage(d),
      severity,
      safe: false,
      // 开除党籍处分 in every article of a regulation is the writer's term, whatever the models prefer.
      deliberateIfRepeated: true,
      fixes: [{ title: `改为“${d.corrected}”`, edits: [{ start: ch.start, end: ch.end, newText: d.rightChar }] }],
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'typo/confusable',
    category: 'typo',
    severity: 'warning',
    safeFix: false,
    description: '疑似音近、形近错字（统计检测）',
    clause: '《党政机关公文处理工作条例》第十九条（表述准确，文字精炼）；《通用规范汉字表》',
    details:
      '按统计判断：把某个字（或相邻两个字）换成同音、近音或形近字，或把相邻两字对调后，' +
      '按公文语料训练的字五元语言模型，改后的文字明显更像规范公文的写法，且通用词表和词语搭配模型不反对时提示。' +
      '同一写法在文中出现三次及以上的，视为有意使用，不提示。' +
      '置信度高的提示为 warning，中等的为 info，低的不显示；改法需人工确认，不参与一键修正。' +
      '引号和书名号内的文字、紧邻字母数字的字以及 acceptedWords 中的词不检查；疑似人名、地名、机构名中的字须有更强的证据才提示。' +
      '可在设置中关闭检测器（detector: false）。',
    examples: [
      { bad: '发展大数局产业', good: '发展大数据产业' },
      { bad: '国务院堂务会议', good: '国务院常务会议' },
    ],
  },
  block(block, ctx) {
    if (ctx.options.detector === false || failed) return;
    let detections: Detection[];
    try {
      detections = remoteDetections(block, ctx) ?? cachedDetect(block.text, ctx.options.acceptedWords);
    } catch (err) {
      // Missing or broken data: report the error once (the runner records
      // rule errors), then stay silent instead of failing on every block.
      failed = true;
      throw err;
    }
    reportDetections(block, ctx, detections);
  },
};
