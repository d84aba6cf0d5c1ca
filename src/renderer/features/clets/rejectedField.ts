/**
 * Which order field a CLETS refusal is about, read from the relay's clerk message (it names
 * the field by the clerk's label, see src/registry/relay/fieldMap.ts), and the edits a
 * correction makes to that field. DATA table plus pure functions.
 */

/** The relay's clerk labels → order record paths (the fields a clerk can correct here). */
export const LABEL_PATHS: Readonly<Record<string, string>> = {
  "restrained person's name": 'restrained.name',
  "restrained person's sex": 'restrained.sex',
  "restrained person's race": 'restrained.race',
  "restrained person's date of birth": 'restrained.dob',
  "restrained person's height": 'restrained.height',
  "restrained person's weight": 'restrained.weight',
  "restrained person's eye colour": 'restrained.eye',
  "restrained person's hair colour": 'restrained.hair',
  "restrained person's driver licence number": 'restrained.licence.number',
  "restrained person's driver licence state": 'restrained.licence.state',
  'case number': 'caseNumber',
  'agency case number': 'agencyCaseNumber',
};

/** The field the message names (longest label wins), or null when it names none. */
export function rejectedFieldOf(message: string): { path: string; label: string } | null {
  const labels = Object.keys(LABEL_PATHS).sort((a, b) => b.length - a.length);
  const label = labels.find((l) => message.includes(l));
  return label ? { path: LABEL_PATHS[label] as string, label } : null;
}

/** The value at a dotted path, or undefined. */
export function valueAt(record: unknown, path: string): unknown {
  let v: unknown = record;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The editable text parts of a field: one per string member of an object, or the value itself. */
export function editableParts(value: unknown): Record<string, string> {
  if (typeof value === 'string') return { '': value };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
    return out;
  }
  return { '': '' };
}

/** A copy of the order with the field at `path` set from the edited parts (the rest untouched). */
export function withCorrection(
  order: Record<string, unknown>,
  path: string,
  parts: Record<string, string>,
): Record<string, unknown> {
  const keys = path.split('.');
  const copy = structuredClone(order);
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node[key] = typeof next === 'object' && next !== null ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] as string;
  const current = node[last];
  if ('' in parts && Object.keys(parts).length === 1) {
    node[last] = parts[''];
  } else {
    const base = typeof current === 'object' && current !== null ? current : {};
    node[last] = { ...(base as Record<string, unknown>), ...parts };
  }
  return copy;
}
