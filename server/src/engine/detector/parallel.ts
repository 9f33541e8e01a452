// Optional second thread for the detector on large inputs (the CLI checking a
// long document or many files): a worker thread with its own copy of the
// lexicon checks every other chunk of blocks while the calling thread checks
// the rest. The engine's check() stays synchronous: the caller collects a
// chunk's results with receiveMessageOnPort, sleeping on Atomics.wait until
// the worker signals that it has posted them.
//
// Off unless a host calls enableParallelDetection() with the path of a
// script that runs runDetectorWorker() (the CLI bundle does). The language
// server does not: it checks edited paragraphs, and a second copy of the
// lexicon would double its memory.

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { detect, type Detection } from './detect';
import { findDataDir, getLexicon } from './lexicon';

/** Marker in workerData that tells a bundle's entry point to run the detector worker. */
export const WORKER_FLAG = 'gongwenDetectorWorker';

/** Below this many characters of prose in one check the second thread is not used. */
export const PARALLEL_MIN_CHARS = 100_000;

/** A chunk sent to the worker holds blocks of about this many characters. */
const CHUNK_CHARS = 8_000;

/** Longest wait for one chunk before the caller checks it itself. */
const CHUNK_TIMEOUT_MS = 30_000;

/**
 * Longest wait for the worker to start running (it sets signal[1]); a script
 * that fails before that is given up on sooner than a slow chunk. The
 * worker's error and exit events cannot arrive while the caller waits
 * synchronously.
 */
const START_TIMEOUT_MS = 5_000;

interface Request {
  id: number;
  texts: string[];
  accepted: string[];
}

interface Reply {
  id: number;
  results?: Detection[][];
  error?: string;
}

interface Pool {
  worker: Worker;
  port: MessagePort;
  /** [0]: number of replies posted by the worker (it notifies on it); [1]: 1 once the worker runs. */
  signal: Int32Array;
  startedAt: number;
  nextId: number;
  replies: Map<number, Reply>;
  broken: boolean;
}

let pool: Pool | undefined;

/**
 * Start the worker now (its lexicon loads while the caller does other work).
 * `script` is a file whose entry point calls runDetectorWorker() when
 * workerData[WORKER_FLAG] is set. Returns false (and stays single-threaded)
 * when the worker cannot be started.
 */
export function enableParallelDetection(script: string): boolean {
  if (pool) return true;
  try {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(8));
    let dataDir: string | undefined;
    try {
      dataDir = findDataDir();
    } catch {
      return false; // no lexicon: the detector reports that itself
    }
    const worker = new Worker(script, {
      workerData: { [WORKER_FLAG]: true, port: port2, signal, dataDir },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    const p: Pool = { worker, port: port1, signal, startedAt: Date.now(), nextId: 0, replies: new Map(), broken: false };
    worker.on('error', () => (p.broken = true));
    worker.on('exit', () => (p.broken = true));
    // Never keep the process alive for the worker.
    worker.unref();
    port1.unref();
    pool = p;
    return true;
  } catch {
    return false;
  }
}

/** Stop the worker (tests, long-lived hosts). */
export function disableParallelDetection(): void {
  const p = pool;
  pool = undefined;
  if (p) {
    p.port.close();
    void p.worker.terminate();
  }
}

export function parallelDetectionEnabled(): boolean {
  return !!pool && !pool.broken;
}

/** The worker's side: answer requests until the port closes. */
export function runDetectorWorker(data: { port: MessagePort; signal: Int32Array; dataDir?: string }): void {
  const { port, signal, dataDir } = data;
  Atomics.store(signal, 1, 1);
  if (dataDir) process.env.GONGWEN_LEXICON_DIR = dataDir;
  let loadError: string | undefined;
  try {
    getLexicon();
  } catch (e) {
    loadError = String((e as Error)?.message ?? e);
  }
  port.on('message', (req: Request) => {
    let reply: Reply;
    if (loadError) reply = { id: req.id, error: loadError };
    else {
      try {
        const acceptedWords = new Set(req.accepted);
        reply = { id: req.id, results: req.texts.map((t) => detect(t, { acceptedWords })) };
      } catch (e) {
        reply = { id: req.id, error: String((e as Error)?.message ?? e) };
      }
    }
    port.postMessage(reply);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}

/** A batch of texts handed to the worker; result() waits for it synchronously. */
export interface RemoteBatch {
  /** The detections per text, or undefined when the worker failed (check locally). */
  result(): Detection[][] | undefined;
}

function send(texts: string[], accepted: string[]): RemoteBatch | undefined {
  const p = pool;
  if (!p || p.broken) return undefined;
  const id = p.nextId++;
  try {
    p.port.postMessage({ id, texts, accepted } satisfies Request);
  } catch {
    return undefined;
  }
  let done: Detection[][] | undefined;
  let settled = false;
  return {
    result() {
      if (settled) return done;
      settled = true;
      const deadline = Date.now() + CHUNK_TIMEOUT_MS;
      for (;;) {
        // Read the counter before draining: a reply posted after the drain
        // changes it, so the wait below returns at once.
        const seen = Atomics.load(p.signal, 0);
        for (let m = receiveMessageOnPort(p.port); m; m = receiveMessageOnPort(p.port)) {
          const r = m.message as Reply;
          p.replies.set(r.id, r);
        }
        const r = p.replies.get(id);
        if (r) {
          p.replies.delete(id);
          if (r.error !== undefined) p.broken = true;
          done = r.results;
          return done;
        }
        const now = Date.now();
        const left = deadline - now;
        if (p.broken || left <= 0 || (Atomics.load(p.signal, 1) === 0 && now - p.startedAt > START_TIMEOUT_MS)) {
          p.broken = true;
          return undefined;
        }
        Atomics.wait(p.signal, 0, seen, Math.min(left, 100));
      }
    },
  };
}

/**
 * Plan the detection of a document's blocks over two threads: every other
 * chunk of about CHUNK_CHARS characters goes to the worker at once; the
 * caller checks the others. Returns undefined when the worker is off or the
 * document is small. `remote(i)` gives block i's detections when its chunk
 * was sent (waiting for it if need be), undefined otherwise (check locally).
 */
export function planParallel(texts: readonly string[], accepted: ReadonlySet<string>): ((i: number) => Detection[] | undefined) | undefined {
  if (!parallelDetectionEnabled()) return undefined;
  let total = 0;
  for (const t of texts) total += t.length;
  if (total < PARALLEL_MIN_CHARS) return undefined;
  const acc = [...accepted];
  const batchOf = new Int32Array(texts.length).fill(-1);
  const posOf = new Int32Array(texts.length);
  const batches: Array<RemoteBatch | undefined> = [];
  let chunk: number[] = [];
  let chunkChars = 0;
  let k = 0;
  const flush = () => {
    if (chunk.length && k++ % 2 === 1) {
      const b = send(
        chunk.map((i) => texts[i]),
        acc,
      );
      if (b) {
        chunk.forEach((i, pos) => {
          batchOf[i] = batches.length;
          posOf[i] = pos;
        });
        batches.push(b);
      }
    }
    chunk = [];
    chunkChars = 0;
  };
  for (let i = 0; i < texts.length; i++) {
    chunk.push(i);
    chunkChars += texts[i].length;
    if (chunkChars >= CHUNK_CHARS) flush();
  }
  flush();
  return (i: number) => {
    const b = batchOf[i];
    if (b < 0) return undefined;
    return batches[b]?.result()?.[posOf[i]];
  };
}
