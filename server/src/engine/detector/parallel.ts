// Optional second thread for the detector on large inputs (the CLI checking a
// long document): a worker thread with its own copy of the lexicon takes
// chunks of blocks from the end of the document while the calling thread
// takes them from the start, until they meet (each chunk is claimed by one
// thread with a compare-and-exchange on shared memory, so the split adapts to
// whichever thread is slower, e.g. still loading its lexicon). The engine's
// check() stays synchronous: the caller collects a chunk's results with
// receiveMessageOnPort, sleeping on Atomics.wait until the worker signals
// that it has posted them.
//
// Off unless a host calls enableParallelDetection() with the path of a
// script that runs runDetectorWorker() (the CLI bundle does). The language
// server does not: it checks edited paragraphs, and a second copy of the
// lexicon would double its memory.

import { MessageChannel, parentPort, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { detect, type Detection } from './detect';
import { adoptLexicon, findDataDir, getLexicon, isLexiconLoaded, setLexiconProvider, shareLexicon, type Lexicon, type LexiconSnapshot } from './lexicon';

/** Marker in workerData that tells a bundle's entry point to run the detector worker. */
export const WORKER_FLAG = 'gongwenDetectorWorker';

/** Below this many characters of prose in one check the second thread is not used. */
export const PARALLEL_MIN_CHARS = 100_000;

/** A chunk sent to the worker holds blocks of about this many characters. */
const CHUNK_CHARS = 8_000;

/** Longest wait for one chunk the worker claimed before the caller checks it itself. */
const CHUNK_TIMEOUT_MS = 30_000;

/** Chunk states in the shared claim array. */
const UNCLAIMED = 0;
const CALLER = 1;
const WORKER = 2;

interface Request {
  id: number;
  /** The texts of each chunk. */
  chunks: string[][];
  accepted: string[];
  /** One Int32 per chunk: UNCLAIMED, CALLER or WORKER. */
  claims: Int32Array;
}

interface Reply {
  kind: 'chunk';
  id: number;
  chunk: number;
  results?: Detection[][];
  error?: string;
}

/** The worker's lexicon, in shared memory, posted once it is loaded. */
interface LexiconMessage {
  kind: 'lexicon';
  snapshot?: LexiconSnapshot;
  error?: string;
}

/** Longest wait for the worker's lexicon before the caller loads its own. */
const LEXICON_TIMEOUT_MS = 30_000;

/**
 * Longest wait for the worker to start running (it sets signal[2]): a worker
 * whose script fails at once cannot tell the caller, whose synchronous wait
 * keeps the worker's error and exit events from arriving.
 */
const START_TIMEOUT_MS = 3_000;

interface Pool {
  worker: Worker;
  port: MessagePort;
  /** [0]: number of chunk replies posted by the worker; [1]: 1 once it has posted its lexicon (it notifies on each); [2]: 1 once it runs. */
  signal: Int32Array;
  startedAt: number;
  /** The worker's lexicon message, once received. */
  lexicon?: LexiconMessage;
  nextId: number;
  /** Replies received, by `${id}:${chunk}`. */
  replies: Map<string, Reply>;
  broken: boolean;
  /** Settles true once the worker has loaded its lexicon, false when it cannot. */
  ready: Promise<boolean>;
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
    const signal = new Int32Array(new SharedArrayBuffer(12));
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
    let settle: (ok: boolean) => void = () => undefined;
    const ready = new Promise<boolean>((resolve) => (settle = resolve));
    const p: Pool = { worker, port: port1, signal, startedAt: Date.now(), nextId: 0, replies: new Map(), broken: false, ready };
    worker.on('message', (m) => settle(m === 'ready'));
    const fail = () => {
      p.broken = true;
      settle(false);
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    // Never keep the process alive for the worker.
    worker.unref();
    port1.unref();
    pool = p;
    // The worker loads the lexicon anyway: when this thread has not loaded
    // it yet, it adopts the worker's (shared, not copied) instead of loading
    // a second one.
    if (!isLexiconLoaded()) setLexiconProvider(() => lexiconFromWorker(p));
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
    setLexiconProvider(undefined);
    p.port.close();
    void p.worker.terminate();
  }
}

/** Move the messages waiting on the port into the pool. */
function drain(p: Pool): void {
  for (let m = receiveMessageOnPort(p.port); m; m = receiveMessageOnPort(p.port)) {
    const r = m.message as Reply | LexiconMessage;
    if (r.kind === 'lexicon') p.lexicon = r;
    else p.replies.set(`${r.id}:${r.chunk}`, r);
  }
}

/** Wait (synchronously) for the worker's lexicon; undefined when it failed or took too long. */
function lexiconFromWorker(p: Pool): Lexicon | undefined {
  const deadline = Date.now() + LEXICON_TIMEOUT_MS;
  for (;;) {
    drain(p);
    if (p.lexicon) {
      const snap = p.lexicon.snapshot;
      if (!snap) return undefined;
      try {
        return adoptLexicon(snap);
      } catch {
        return undefined;
      }
    }
    const now = Date.now();
    const left = deadline - now;
    if (p.broken || left <= 0 || (Atomics.load(p.signal, 2) === 0 && now - p.startedAt > START_TIMEOUT_MS)) return undefined;
    // signal[1] turns 1 after the message is posted: once it is 1 the next drain finds it.
    Atomics.wait(p.signal, 1, 0, Math.min(left, 100));
  }
}

export function parallelDetectionEnabled(): boolean {
  return !!pool && !pool.broken;
}

/** Chunks the worker has answered so far (tests). */
export function parallelRepliesPosted(): number {
  return pool ? Atomics.load(pool.signal, 0) : 0;
}

/** Resolves true once the worker is ready to take chunks (tests, benchmarks), false when it is off or failed. */
export function parallelDetectionReady(): Promise<boolean> {
  return pool ? pool.ready : Promise.resolve(false);
}

/** The worker's side: answer requests until the port closes. */
export function runDetectorWorker(data: { port: MessagePort; signal: Int32Array; dataDir?: string }): void {
  const { port, signal, dataDir } = data;
  Atomics.store(signal, 2, 1);
  if (dataDir) process.env.GONGWEN_LEXICON_DIR = dataDir;
  let loadError: string | undefined;
  let snapshot: LexiconSnapshot | undefined;
  try {
    getLexicon();
    snapshot = shareLexicon();
  } catch (e) {
    loadError = String((e as Error)?.message ?? e);
  }
  port.postMessage({ kind: 'lexicon', snapshot, error: loadError } satisfies LexiconMessage);
  Atomics.store(signal, 1, 1);
  Atomics.notify(signal, 1);
  parentPort?.postMessage(loadError ? 'failed' : 'ready');
  const post = (reply: Reply) => {
    port.postMessage(reply);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  port.on('message', (req: Request) => {
    // A worker without data claims nothing: the caller checks every chunk.
    if (loadError) return;
    const acceptedWords = new Set(req.accepted);
    // From the end, until a chunk the caller has already claimed.
    for (let c = req.chunks.length - 1; c >= 0; c--) {
      if (Atomics.compareExchange(req.claims, c, UNCLAIMED, WORKER) !== UNCLAIMED) break;
      try {
        post({ kind: 'chunk', id: req.id, chunk: c, results: req.chunks[c].map((t) => detect(t, { acceptedWords })) });
      } catch (e) {
        post({ kind: 'chunk', id: req.id, chunk: c, error: String((e as Error)?.message ?? e) });
      }
    }
  });
}

/**
 * Plan the detection of a document's blocks over two threads: the texts go to
 * the worker in chunks of about CHUNK_CHARS characters; it claims chunks from
 * the end, the caller from the start. Returns undefined when the worker is off
 * or the document is small. `remote(i)` gives block i's detections when the
 * worker claimed its chunk (waiting for them if need be), undefined when the
 * caller is to check the block itself. Call it for blocks in increasing order.
 */
export function planParallel(texts: readonly string[], accepted: ReadonlySet<string>): ((i: number) => Detection[] | undefined) | undefined {
  const p = pool;
  if (!p || p.broken) return undefined;
  let total = 0;
  for (const t of texts) total += t.length;
  if (total < PARALLEL_MIN_CHARS) return undefined;
  const chunkOf = new Int32Array(texts.length);
  const posOf = new Int32Array(texts.length);
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let chunkChars = 0;
  for (let i = 0; i < texts.length; i++) {
    chunkOf[i] = chunks.length;
    posOf[i] = chunk.length;
    chunk.push(texts[i]);
    chunkChars += texts[i].length;
    if (chunkChars >= CHUNK_CHARS || i === texts.length - 1) {
      chunks.push(chunk);
      chunk = [];
      chunkChars = 0;
    }
  }
  const claims = new Int32Array(new SharedArrayBuffer(4 * chunks.length));
  const id = p.nextId++;
  try {
    p.port.postMessage({ id, chunks, accepted: [...accepted], claims } satisfies Request);
  } catch {
    return undefined;
  }
  let current = -1;
  let currentResults: Detection[][] | undefined;
  return (i: number) => {
    const c = chunkOf[i];
    if (c !== current) {
      current = c;
      const prev = Atomics.compareExchange(claims, c, UNCLAIMED, CALLER);
      currentResults = prev === WORKER ? waitFor(p, id, c) : undefined;
    }
    return currentResults?.[posOf[i]];
  };
}

/** The worker's results for chunk `c` of request `id`; undefined when it failed or took too long. */
function waitFor(p: Pool, id: number, c: number): Detection[][] | undefined {
  const key = `${id}:${c}`;
  const deadline = Date.now() + CHUNK_TIMEOUT_MS;
  for (;;) {
    // Read the counter before draining: a reply posted after the drain
    // changes it, so the wait below returns at once.
    const seen = Atomics.load(p.signal, 0);
    drain(p);
    const r = p.replies.get(key);
    if (r) {
      p.replies.delete(key);
      if (r.error !== undefined) p.broken = true;
      return r.results;
    }
    const left = deadline - Date.now();
    if (p.broken || left <= 0) {
      p.broken = true;
      return undefined;
    }
    Atomics.wait(p.signal, 0, seen, Math.min(left, 100));
  }
}
