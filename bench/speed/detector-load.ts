// The detector's data load in a fresh process (run by bench/speed/run.mjs,
// bundled like the server): the word lexicon with its confusion sets, the 公文
// character model, the learned pairs and the reduced candidate sets
// (prepareStage), the general context model, then a first detect(). Prints
// one JSON object: each step's milliseconds and the RSS growth.

import { getLexicon } from '../../server/src/engine/detector/lexicon';
import { getContextModel } from '../../server/src/engine/detector/context';
import { detect, prepareStage } from '../../server/src/engine/detector/detect';

const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const lex = getLexicon();
const t1 = performance.now();
prepareStage(lex);
const t2 = performance.now();
getContextModel();
const t3 = performance.now();
detect('发展大数局产业。');
const t4 = performance.now();
process.stdout.write(
  JSON.stringify({
    lexiconMs: t1 - t0,
    stageMs: t2 - t1,
    contextMs: t3 - t2,
    firstDetectMs: t4 - t3,
    totalMs: t4 - t0,
    rssGrowthMB: (process.memoryUsage().rss - rss0) / 2 ** 20,
  }),
);
