/**
 * A stable id for this workstation ("where" in every audit event), created on first start in
 * `<dataDir>/audit/workstation-id`. Independent of enrolment: a workstation not yet enrolled
 * with the registry still audits.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads the workstation id, creating it the first time. */
export function loadWorkstationId(dataDir: string): string {
  const file = path.join(dataDir, 'audit', 'workstation-id');
  try {
    const id = readFileSync(file, 'utf8').trim();
    if (UUID.test(id)) return id;
  } catch {
    // first start (or unreadable): make a new one below
  }
  const id = randomUUID();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${id}\n`, { mode: 0o600 });
  return id;
}
