/**
 * Shard files read, and their checksums computed, on a worker thread a few files ahead of the
 * thread decoding them: at 100,000 articles, reading 881 MB and its CRC-32s took 0.7 s of a
 * restart's main thread (issue 9). Each file is read into shared memory that goes back and
 * forth between the two threads, so neither copies it and the memory is not made anew per file
 * (a new buffer per file was external memory that made V8 mark the whole heap: store.ts).
 */
import { Worker } from "node:worker_threads";

/** A file read ahead, or why not (`code` as fs gives it). */
export type ReadAhead =
  | { bytes: Buffer; ino: number; checksumOk: boolean }
  | { error: { code?: string; message: string } };

/**
 * The worker's loop as plain JavaScript for an eval'd worker (the app's TypeScript loader costs a
 * worker 0.3 s to start). Each piece of memory (a slot) is made once, as large as the largest
 * file, and crosses to the other thread once, with the first file read into it: every
 * SharedArrayBuffer received is a new object that V8 counts as that much external memory, and
 * sending the memory with every file doubled the collector's time in a restart (issue 9). A file
 * that grew since gets a slot of its own size. The checksum is the shard format's: a CRC-32 of
 * all but the last four bytes, which hold it (format.ts).
 */
const READ_WORKER = `
const { closeSync, fstatSync, openSync, readSync, statSync } = require("node:fs");
const { crc32 } = require("node:zlib");
const { parentPort, workerData } = require("node:worker_threads");
const slots = [];
let largest;
function sizeOf(path) {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
parentPort.on("message", ({ path, slot }) => {
  let fd;
  let made;
  try {
    fd = openSync(path, "r");
    const { size, ino } = fstatSync(fd);
    if (!(slots[slot]?.byteLength > size)) {
      largest ??= Math.max(...workerData.paths.map(sizeOf));
      made = slots[slot] = new SharedArrayBuffer(Math.max(size, largest) + 1);
    }
    let n = 0;
    for (;;) {
      const memory = slots[slot];
      if (n === memory.byteLength) {
        made = slots[slot] = new SharedArrayBuffer(2 * memory.byteLength);
        new Uint8Array(made).set(new Uint8Array(memory));
        continue;
      }
      const r = readSync(fd, new Uint8Array(memory), n, memory.byteLength - n, null);
      if (r === 0) break;
      n += r;
    }
    const bytes = new Uint8Array(slots[slot], 0, n);
    const checksumOk = n >= 4 && crc32(bytes.subarray(0, n - 4)) === new DataView(slots[slot]).getUint32(n - 4, true);
    parentPort.postMessage({ slot, made, length: n, ino, checksumOk });
  } catch (e) {
    parentPort.postMessage({ slot, made, error: { code: e.code, message: e.message } });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;

interface Reply {
  slot: number;
  /** The slot's memory, when the worker made it for this file. */
  made?: SharedArrayBuffer;
  length?: number;
  ino?: number;
  checksumOk?: boolean;
  error?: { code?: string; message: string };
}

/**
 * Reads `paths` in order, `ahead` files ahead of `next` (two: the worker reads and checks a
 * shard file in a fifth of the time this thread takes to decode it). After the worker fails (or
 * cannot start), `next` gives null for every file it had not read: the caller reads those
 * itself. `close` must follow, whatever happened.
 */
export class ShardReadAhead {
  private readonly worker: Worker | null;
  private sent = 0;
  private failed = false;
  private readonly arrived: Reply[] = [];
  private readonly waiting: ((reply: Reply | null) => void)[] = [];
  /** Each slot's memory, as this thread received it. */
  private readonly slots: SharedArrayBuffer[] = [];
  /** The slot of the file `next` gave last, handed back to the worker at the following call. */
  private lent = -1;

  constructor(
    private readonly paths: readonly string[],
    ahead = 2,
  ) {
    let worker: Worker | null = null;
    try {
      worker = new Worker(READ_WORKER, { eval: true, workerData: { paths } });
    } catch {
      this.failed = true;
    }
    this.worker = worker;
    if (!worker) return;
    worker.on("message", (reply: Reply) => {
      if (reply.made) this.slots[reply.slot] = reply.made;
      const wait = this.waiting.shift();
      if (wait) wait(reply);
      else this.arrived.push(reply);
    });
    const fail = () => {
      this.failed = true;
      for (const wait of this.waiting.splice(0)) wait(null);
    };
    worker.once("error", fail);
    worker.once("exit", fail);
    for (let slot = 0; slot < ahead; slot++) this.send(slot);
  }

  /**
   * The next file in order, or null when this thread must read it. Its bytes are valid until the
   * following call, which hands their slot back to the worker.
   */
  async next(): Promise<ReadAhead | null> {
    if (this.lent >= 0) this.send(this.lent);
    this.lent = -1;
    const reply =
      this.arrived.shift() ??
      (this.failed ? null : await new Promise<Reply | null>((r) => this.waiting.push(r)));
    if (!reply) return null;
    this.lent = reply.slot;
    if (reply.error) return { error: reply.error };
    return {
      bytes: Buffer.from(this.slots[reply.slot] as SharedArrayBuffer, 0, reply.length),
      ino: reply.ino as number,
      checksumOk: reply.checksumOk === true,
    };
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }

  private send(slot: number): void {
    if (this.failed || this.sent >= this.paths.length) return;
    this.worker?.postMessage({ path: this.paths[this.sent++], slot });
  }
}
