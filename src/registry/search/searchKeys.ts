/**
 * The ONE place that knows the shape of an order payload: minimal validation and the search keys
 * the registry extracts into columns (case number, names with trigram and Double Metaphone keys,
 * DOB, licence numbers).
 *
 * Validation is the domain model's own strict `orderSchema` (src/shared/orders: the same rules
 * and clerk-readable messages the workstation applies; the server's check is authoritative,
 * reliability-security.md R-IN-4), then a minimal schema of just what the registry indexes and
 * scopes. When the domain model's shape changes, adapt this file only. The registry stores the
 * payload exactly as received (jsonb), so its hash stays the workstation's.
 */
import { z } from 'zod';

import { orderSchema } from '../../shared/orders';
import { editKeys, foldName, nameCodes } from '../../shared/search/foldName';

const text = (max: number) => z.string().trim().min(1).max(max);
/** A real calendar date (the `date` column would refuse 2026-02-30 with a server error). */
export function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
/** A `YYYY-MM-DD` calendar date that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine(isRealDate, 'not a real date');

const nameSchema = z.looseObject({
  last: text(100),
  first: z.string().max(100).optional(),
  middle: z.string().max(100).optional(),
  suffix: z.string().max(20).optional(),
});

/** An alias may be a name object or a plain "Last, First" string. */
const aliasSchema = z.union([
  z.looseObject({ last: text(100), first: z.string().max(100).optional() }),
  text(200),
]);

const personSchema = z.looseObject({
  name: nameSchema,
  aliases: z.array(aliasSchema).max(50).optional(),
  dob: isoDate.optional().nullable(),
  licence: z
    .looseObject({ number: z.string().max(40), state: z.string().max(10).optional() })
    .optional()
    .nullable(),
});

/** Minimal order payload check: what the registry must have to store, scope and index it. */
export const registryOrderSchema = z.looseObject({
  id: text(100),
  orderType: text(60),
  caseNumber: text(60),
  court: z.looseObject({ ori: text(20), name: z.string().max(200).optional() }),
  restrained: personSchema,
  protected: z.array(personSchema).max(50).optional(),
});

export type RegistryOrder = z.infer<typeof registryOrderSchema>;

export type NameKey = {
  readonly role: 'restrained' | 'protected' | 'alias';
  readonly personIndex: number;
  readonly lastFold: string;
  readonly firstFold: string;
  readonly dm1: string;
  readonly dm2: string;
  /** One-edit keys of the last name (editKeys). */
  readonly editKeys: readonly string[];
  readonly dob: string | null;
};

export type OrderKeys = {
  readonly orderId: string;
  readonly courtOri: string;
  readonly orderType: string;
  readonly caseNumber: string;
  readonly caseKey: string;
  readonly restrainedLast: string;
  readonly restrainedFirst: string;
  readonly restrainedDob: string | null;
  readonly names: readonly NameKey[];
  readonly licences: readonly { readonly numberKey: string; readonly state: string }[];
};

/** Case numbers match ignoring case, spaces and dashes: "fl-2026 000123" = "FL2026000123". */
export function caseKey(caseNumber: string): string {
  return caseNumber.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Licence numbers match on letters and digits only, upper-cased. */
export function licenceKey(number: string): string {
  return caseKey(number);
}

function nameKey(
  role: NameKey['role'],
  personIndex: number,
  last: string,
  first: string,
  dob: string | null,
): NameKey {
  const lastFold = foldName(last);
  const [dm1, dm2] = nameCodes(lastFold);
  return {
    role,
    personIndex,
    lastFold,
    firstFold: foldName(first),
    dm1,
    dm2,
    editKeys: editKeys(lastFold),
    dob,
  };
}

function aliasParts(alias: z.infer<typeof aliasSchema>): { last: string; first: string } {
  if (typeof alias !== 'string') return { last: alias.last, first: alias.first ?? '' };
  const [last, first] = alias.split(',', 2);
  return { last: (last ?? alias).trim(), first: (first ?? '').trim() };
}

/** Extracts the indexed keys from a validated order payload. */
export function extractOrderKeys(order: RegistryOrder): OrderKeys {
  const persons = [order.restrained, ...(order.protected ?? [])];
  const names: NameKey[] = [];
  const licences: { numberKey: string; state: string }[] = [];
  persons.forEach((person, index) => {
    const role = index === 0 ? 'restrained' : 'protected';
    const dob = person.dob ?? null;
    names.push(nameKey(role, index, person.name.last, person.name.first ?? '', dob));
    for (const alias of person.aliases ?? []) {
      const { last, first } = aliasParts(alias);
      if (foldName(last) !== '') names.push(nameKey('alias', index, last, first, dob));
    }
    const numberKey = person.licence ? licenceKey(person.licence.number) : '';
    if (numberKey !== '') {
      licences.push({ numberKey, state: (person.licence?.state ?? '').toUpperCase() });
    }
  });
  return {
    orderId: order.id,
    courtOri: order.court.ori,
    orderType: order.orderType,
    caseNumber: order.caseNumber,
    caseKey: caseKey(order.caseNumber),
    restrainedLast: order.restrained.name.last,
    restrainedFirst: order.restrained.name.first ?? '',
    restrainedDob: order.restrained.dob ?? null,
    names,
    licences,
  };
}

export type OrderCheck =
  | { readonly ok: true; readonly order: RegistryOrder }
  | { readonly ok: false; readonly issues: readonly string[] };

/** Validates an order payload: the domain schema first, then the registry's own needs. */
export function checkOrderPayload(payload: unknown): OrderCheck {
  const domain = orderSchema.safeParse(payload);
  if (!domain.success) return { ok: false, issues: describeIssues(domain.error) };
  const minimal = registryOrderSchema.safeParse(payload);
  if (!minimal.success) return { ok: false, issues: describeIssues(minimal.error) };
  return { ok: true, order: minimal.data };
}

/** Validation problems as `path: message` lines a clerk or developer can act on. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
}
