/**
 * Validates form values with the shared `checkOrder` and places each error on a field.
 */
import { checkOrder } from '../../../../shared/orders';
import type { CheckResult } from '../../../../shared/orders';
import type { CourtRules } from '../../../../shared/ipc/contracts/calendar';
import type { OrderTypeEntry } from '../../../../shared/orders/catalog/schema';
import { cletsConfidentialSchema } from '../../../../shared/orders/model/confidential';

import type { FormValues } from './fieldTypes';
import { textOf } from './fieldTypes';
import type { BuiltOrder } from './toOrder';
import { valuesToOrder } from './toOrder';

export type FormCheck = {
  readonly built: BuiltOrder;
  readonly result: CheckResult;
  /** Field key → first message for it. */
  readonly errors: Readonly<Record<string, string>>;
  /** Every blocking problem in form order, each with the field to focus. */
  readonly summary: readonly { readonly key: string; readonly message: string }[];
};

/** Schema paths use array indexes for terms; fields are keyed by term kind. */
function toFieldPath(path: string, built: BuiltOrder): string {
  const m = /^terms\.(\d+)(\..*)?$/.exec(path);
  if (m) {
    const kind = built.termKinds[Number(m[1])];
    return kind ? `terms.${kind}${m[2] ?? '.on'}` : 'terms';
  }
  if (path === 'expiration') return 'expiration.kind';
  if (path === 'service') return 'service.method';
  if (path === 'protected') return 'protected';
  return path;
}

/** The field an error belongs to: the exact key, else the nearest related one. */
function placeOn(path: string, keys: readonly string[]): string {
  if (keys.includes(path)) return path;
  const child = keys.find((k) => k.startsWith(`${path}.`));
  if (child) return child;
  const parents = keys.filter((k) => path.startsWith(`${k}.`)).sort((a, b) => b.length - a.length);
  return parents[0] ?? path;
}

/**
 * Checks the form as an order. `rules` are the court's closures and close of business (the
 * calendar feature's `selectCourtRules`): expiry and CLETS due-by count the court's closures.
 */
export function checkForm(
  entry: OrderTypeEntry,
  values: FormValues,
  orderId: string,
  keys: readonly string[],
  now?: string,
  rules?: CourtRules,
): FormCheck {
  const built = valuesToOrder(entry, values, orderId);
  const result = checkOrder(built.order, { ...rules, ...(now ? { now } : {}) });
  const errors: Record<string, string> = {};
  const summary: { key: string; message: string }[] = [];
  const add = (key: string, message: string) => {
    if (errors[key] === undefined) errors[key] = message;
    summary.push({ key, message });
  };
  for (const e of result.errors) {
    const fieldPath = toFieldPath(e.path, built);
    add(fieldPath === 'protected' ? 'protected' : placeOn(fieldPath, keys), e.message);
  }
  if (
    textOf(values, 'expiration.kind') &&
    !['', 'unspecified'].includes(textOf(values, 'expiration.kind'))
  ) {
    if (textOf(values, 'expirationReason').trim() === '') {
      add(
        'expirationReason',
        'Say why the expiry differs from the rule for this order type, e.g. "written at item 13".',
      );
    }
  }
  if (built.confidential) {
    const parsed = cletsConfidentialSchema.safeParse(built.confidential);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        add(placeOn(`confidential.${issue.path.map(String).join('.')}`, keys), issue.message);
      }
    }
  }
  const order = new Map(keys.map((k, i) => [k, i]));
  summary.sort((a, b) => (order.get(a.key) ?? 1e9) - (order.get(b.key) ?? 1e9));
  return { built, result, errors, summary };
}
