/**
 * Writes a small file that only the workstation's OS user may read (mode 0600), atomically: a
 * temp file is written and fsynced, then renamed over the old one, so a crash leaves the old
 * content or the new, never half of either. Used for the device credential, the push state and
 * the kept court calendar.
 */
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/** Owner-only permissions for the file. */
export const privateFileMode = 0o600;

/** Replaces `file` with `text` (the folder must exist). */
export function writePrivateFileSync(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', privateFileMode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // The mode given to open() is filtered by the umask; set it exactly.
  chmodSync(tmp, privateFileMode);
  renameSync(tmp, file);
}
