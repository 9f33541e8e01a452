// Public API of the confusable-character detector.

export { detect, confidenceOf, MEDIUM_SCORE, HIGH_SCORE, type Detection, type DetectOptions, type Confidence } from './detect';
export { getLexicon, isLexiconLoaded, setLexiconDir, ConfusionKind, type Lexicon } from './lexicon';
export { cut, segment } from './segment';

import { getLexicon } from './lexicon';
import { getContextModel } from './context';
import { prepareStage } from './detect';

/**
 * Load the detector's data now (word lexicon, 公文 character model, learned
 * pairs and context model),
 * e.g. when the language server is idle after start-up, so that the first
 * check on the typing path does not pay for it. Errors (missing data) are returned, not thrown.
 */
export function preloadDetector(): Error | undefined {
  try {
    prepareStage(getLexicon());
    getContextModel();
    return undefined;
  } catch (err) {
    return err as Error;
  }
}
