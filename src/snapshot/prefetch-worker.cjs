/**
 * The reading side of prefetch.ts, on its own thread: reads the shard files in order into the
 * shared slots, each a file ahead of the main thread's decoding, and compares each file's
 * checksum (as format.ts's shardChecksumOk: CRC-32 of all but the last four bytes, stored in
 * them, little-endian). Plain JavaScript, not TypeScript: the thread needs no loader and starts
 * in about 60 ms, where one through tsx took about a second.
 *
 * Any file it cannot deliver whole and checked (missing, unreadable, grown past its slot,
 * damaged) it marks "read it yourself": the main thread then reads that file as it would
 * without this thread, and says exactly what is wrong with it.
 */
const { closeSync, fstatSync, openSync, readSync } = require("node:fs");
const { workerData } = require("node:worker_threads");
const { crc32 } = require("node:zlib");

const { paths, slots, control, meta } = workerData;
const ctrl = new Int32Array(control);
const info = new Float64Array(meta);
// The layout prefetch.ts shares: ctrl[0] stop; per slot s, ctrl[1 + 2s] its state and
// ctrl[2 + 2s] the status of what it holds; info[3s…3s + 2] the file's number, length and inode.
const STOP = 0;
const EMPTY = 0;
const FILLED = 1;
const OK = 0;
const READ_IT_YOURSELF = 1;

for (let k = 0; k < paths.length && Atomics.load(ctrl, STOP) === 0; k++) {
  const s = k % slots.length;
  const state = 1 + 2 * s;
  // Timed, so that a stop (or the thread's termination) is seen within 100 ms.
  while (Atomics.load(ctrl, state) !== EMPTY && Atomics.load(ctrl, STOP) === 0)
    Atomics.wait(ctrl, state, FILLED, 100);
  const bytes = new Uint8Array(slots[s]);
  let length = 0;
  let ino = 0;
  let status = READ_IT_YOURSELF;
  try {
    const fd = openSync(paths[k], "r");
    try {
      const stat = fstatSync(fd);
      ino = stat.ino;
      // One byte of room: a file that fills the slot may have grown since it was sized.
      if (stat.size < bytes.length) {
        for (let r = 1; r > 0 && length < bytes.length; length += r)
          r = readSync(fd, bytes, length, bytes.length - length, null);
        if (length < bytes.length && length >= 4) {
          const end = length - 4;
          const stored = new DataView(slots[s], end, 4).getUint32(0, true);
          if (crc32(bytes.subarray(0, end)) === stored) status = OK;
        }
      }
    } finally {
      closeSync(fd);
    }
  } catch {
    // Left to the main thread, which reads the file itself and reports why it failed.
  }
  info[3 * s] = k;
  info[3 * s + 1] = length;
  info[3 * s + 2] = ino;
  Atomics.store(ctrl, state + 1, status);
  Atomics.store(ctrl, state, FILLED);
  Atomics.notify(ctrl, state);
}
