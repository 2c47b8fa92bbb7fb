/**
 * Reading a snapshot's shard files on a second thread (issue 9): at 100,000 articles the main
 * thread spent 0.3 s reading 950 MB of shard files and 0.47 s comparing their checksums, while
 * the other core waited. A thread (prefetch-worker.cjs) reads them in order into a few shared
 * slots, a file or two ahead, and checks each; the main thread decodes from the slot, then
 * frees it. Nothing is copied between threads and no memory is allocated per file (a new buffer
 * per file was external memory V8 answers with full collections: store.ts readInto).
 *
 * The thread is a shortcut, never a dependency: a file it could not deliver checked, or a
 * thread that is slow to start, stopped or failed, means the main thread reads that file (and
 * every later one, once the thread is given up on) as it does without it.
 */
import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";

/** Below this many bytes of shard files, starting a thread costs more than it saves. */
const MIN_BYTES = 64 * 1024 * 1024;
/** Slots: the file being decoded, the next one read, one more read ahead. */
const SLOTS = 3;
/** Waited this long for one file with no word from the thread, the main thread reads the rest itself. */
const GIVE_UP_MS = 5_000;
const STOP = 0;
const FILLED = 1;
const EMPTY = 0;
const OK = 0;

export interface PrefetchOptions {
  /** Use a thread only when the files hold at least this many bytes (default 64 MB; tests use 0). */
  minBytes?: number;
}

export class ShardPrefetch {
  private readonly ctrl: Int32Array;
  private readonly info: Float64Array;
  private given = false;
  private failed = false;

  private constructor(
    private readonly worker: Worker,
    private readonly slots: SharedArrayBuffer[],
    control: SharedArrayBuffer,
    meta: SharedArrayBuffer,
  ) {
    this.ctrl = new Int32Array(control);
    this.info = new Float64Array(meta);
    // Seen between shards, when the load takes a turn of the event loop.
    worker.on("error", () => {
      this.failed = true;
    });
    worker.on("exit", () => {
      this.failed = true;
    });
    worker.unref();
  }

  /**
   * Starts reading `paths` (in the order the caller will take them), or returns null when they
   * are too few bytes for a thread to be worth starting.
   */
  static start(
    paths: readonly string[],
    { minBytes = MIN_BYTES }: PrefetchOptions = {},
  ): ShardPrefetch | null {
    let total = 0;
    let largest = 0;
    for (const path of paths) {
      let size = 0;
      try {
        size = statSync(path).size;
      } catch {
        // Missing or unreadable: the thread says so, and the main thread reports why.
      }
      total += size;
      largest = Math.max(largest, size);
    }
    if (paths.length === 0 || total < minBytes) return null;
    // One byte of room, so that a file found full-sized has grown since (prefetch-worker.cjs).
    const slots = Array.from({ length: SLOTS }, () => new SharedArrayBuffer(largest + 1));
    const control = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (1 + 2 * SLOTS));
    const meta = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * 3 * SLOTS);
    const worker = new Worker(new URL("./prefetch-worker.cjs", import.meta.url), {
      workerData: { paths, slots, control, meta },
    });
    return new ShardPrefetch(worker, slots, control, meta);
  }

  /**
   * File `k`'s bytes, its checksum compared, and its inode; null when the caller must read it
   * itself. The bytes are valid until `release(k)`, which follows every `take(k)` whatever it
   * returned; files are taken in order, each released before the next is taken.
   */
  take(k: number): { bytes: Buffer; ino: number } | null {
    if (this.given) return null;
    const s = k % SLOTS;
    const state = 1 + 2 * s;
    let waited = 0;
    while (Atomics.load(this.ctrl, state) !== FILLED) {
      if (this.failed || waited >= GIVE_UP_MS) {
        this.close();
        return null;
      }
      const t = performance.now();
      Atomics.wait(this.ctrl, state, EMPTY, 50);
      waited += performance.now() - t;
    }
    const base = 3 * s;
    if (this.info[base] !== k) {
      // Out of step with the caller: not expected, and not worth guessing about.
      this.close();
      return null;
    }
    if (Atomics.load(this.ctrl, state + 1) !== OK) return null;
    const slot = this.slots[s] as SharedArrayBuffer;
    return {
      bytes: Buffer.from(slot, 0, this.info[base + 1] as number),
      ino: this.info[base + 2] as number,
    };
  }

  /** Frees file `k`'s slot for the thread to read a later file into. */
  release(k: number): void {
    if (this.given) return;
    const state = 1 + 2 * (k % SLOTS);
    Atomics.store(this.ctrl, state, EMPTY);
    Atomics.notify(this.ctrl, state);
  }

  /** Stops the thread; the main thread reads whatever is left itself. */
  close(): void {
    if (this.given) return;
    this.given = true;
    Atomics.store(this.ctrl, STOP, 1);
    for (let s = 0; s < SLOTS; s++) Atomics.notify(this.ctrl, 1 + 2 * s);
    void this.worker.terminate();
  }
}
