// Entry point of the detector's worker thread (bundled as dist/detector-worker.js;
// started by engine/detector/parallel.ts when a host enables it, e.g. the CLI).

import { workerData } from 'node:worker_threads';
import { runDetectorWorker, WORKER_FLAG } from './engine/detector/parallel';

if (workerData?.[WORKER_FLAG]) runDetectorWorker(workerData);
