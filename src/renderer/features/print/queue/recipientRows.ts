/**
 * The recipients panel: one row per kind of recipient, ticked or not, with its copies and, for
 * law enforcement and "other", who it is. Turned into the `recipients` of `print:print-packets`.
 */
import type { Recipient, RecipientKind } from '../../../../shared/printing/recipients';
import { recipientKinds } from '../../../../shared/printing/recipients';

export type RecipientRow = {
  readonly kind: RecipientKind;
  readonly on: boolean;
  /** As typed; checked to be 1–99. */
  readonly copies: string;
  /** Agency (law enforcement) or name (other). */
  readonly name: string;
};

/** The courtroom default: one copy each for the protected and the restrained person. */
export const defaultRecipientRows: readonly RecipientRow[] = recipientKinds.map((kind) => ({
  kind,
  on: kind === 'protected-person' || kind === 'restrained-person',
  copies: '1',
  name: '',
}));

export type RecipientChoice = { readonly recipient: Recipient; readonly copies: number };

export type RecipientsResult =
  | { readonly ok: true; readonly recipients: RecipientChoice[]; readonly packets: number }
  | { readonly ok: false; readonly errors: Partial<Record<RecipientKind | 'all', string>> };

/** The chosen recipients, or what to fix. */
export function recipientsFromRows(rows: readonly RecipientRow[]): RecipientsResult {
  const errors: Partial<Record<RecipientKind | 'all', string>> = {};
  const recipients: RecipientChoice[] = [];
  for (const row of rows.filter((r) => r.on)) {
    const copies = Number(row.copies.trim());
    if (!/^\d+$/.test(row.copies.trim()) || copies < 1 || copies > 99) {
      errors[row.kind] = 'Copies must be a whole number from 1 to 99.';
      continue;
    }
    const name = row.name.trim();
    if (row.kind === 'other' && name === '') {
      errors[row.kind] = 'Say who the other recipient is (a name or office).';
      continue;
    }
    if (name.length > 160) {
      errors[row.kind] = 'Keep the name to 160 characters.';
      continue;
    }
    const usesName = row.kind === 'law-enforcement' || row.kind === 'other';
    recipients.push({
      recipient: usesName && name ? { kind: row.kind, name } : { kind: row.kind },
      copies,
    });
  }
  if (rows.every((r) => !r.on)) errors.all = 'Choose at least one recipient.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, recipients, packets: recipients.length };
}
