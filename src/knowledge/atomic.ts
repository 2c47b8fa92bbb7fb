/**
 * Writes a file so that a reader (or a crash) sees either the old content or the new, never
 * half of it: write a temp file beside the target, flush it, then rename (or link) into place.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

export interface AtomicWriteOptions {
  /** Refuse to replace an existing file (EEXIST), even against a writer racing us. */
  exclusive?: boolean;
}

export function writeFileAtomic(
  path: string,
  data: string,
  options: AtomicWriteOptions = {},
): void {
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const fd = openSync(temp, "wx");
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // link() fails if the target exists, which rename() would silently overwrite.
    if (options.exclusive) linkSync(temp, path);
    else renameSync(temp, path);
  } finally {
    if (options.exclusive) unlinkSync(temp);
    else {
      try {
        unlinkSync(temp);
      } catch {
        // Renamed away: nothing left to clean.
      }
    }
  }
}
