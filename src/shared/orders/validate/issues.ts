/**
 * Turns zod issues into `{ path, message }` with dotted paths (`restrained.height`) and
 * clerk-readable messages. Fields with their own message in the schema keep it; this map
 * covers the rest (missing objects, unknown keys, wrong types).
 */
import type { z } from 'zod';

/** One validation problem: dotted field path and a message saying what to fix. */
export type FieldError = { path: string; message: string };

const LABELS: Readonly<Record<string, string>> = {
  court: 'Court',
  restrained: 'Restrained person',
  protected: 'Protected persons',
  petitioner: 'Petitioner',
  terms: 'Conduct terms',
  service: 'Service',
  expiration: 'Expiration',
  name: 'Name',
  aliases: 'Aliases',
  height: 'Height',
  address: 'Address',
  licence: 'Licence',
  vehicle: 'Vehicle',
  coveredBy: 'Covered-by terms',
  animals: 'Animals',
  acts: 'Acts',
  places: 'Places',
  exceptions: 'Exceptions',
};

/** Dotted path: `['protected', 0, 'name']` → `protected.0.name`. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

function labelFor(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (typeof last === 'number') {
    const parent = path.at(-2);
    const label = typeof parent === 'string' ? (LABELS[parent] ?? parent) : 'Item';
    return `${label} item ${last + 1}`;
  }
  if (typeof last === 'string') return LABELS[last] ?? last;
  return 'The order';
}

type RawIssue = z.core.$ZodRawIssue;

/** Per-parse error map for the defaults the schemas do not word themselves. */
export function orderErrorMap(iss: RawIssue): string | undefined {
  const label = labelFor(iss.path ?? []);
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return `${label} is required.`;
      return `${label} must be ${iss.expected === 'array' ? 'a list' : iss.expected === 'object' ? 'a group of fields' : `a ${iss.expected}`}.`;
    case 'unrecognized_keys': {
      const keys = (iss.keys ?? []).map((k) => `"${k}"`).join(', ');
      return `${label} has unknown field${iss.keys.length > 1 ? 's' : ''} ${keys}: check the spelling or remove ${iss.keys.length > 1 ? 'them' : 'it'}.`;
    }
    case 'too_small':
      if (iss.origin === 'array') return `${label} needs at least ${String(iss.minimum)}.`;
      return `${label} is too small (at least ${String(iss.minimum)}).`;
    case 'too_big':
      if (iss.origin === 'array') return `${label} allows at most ${String(iss.maximum)}.`;
      return `${label} is too large (at most ${String(iss.maximum)}).`;
    case 'invalid_value':
      return `${label} must be one of: ${iss.values.map(String).join(', ')}.`;
    default:
      return undefined;
  }
}

/** Zod issues → field errors in schema order. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((i) => ({ path: dottedPath(i.path), message: i.message }));
}
