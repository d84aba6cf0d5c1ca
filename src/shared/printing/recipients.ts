/**
 * Who a service copy is for. Each recipient may get a cover sheet naming them; the kinds are
 * data so the print queue and the cover sheet word them the same way.
 */
import { z } from 'zod';

export const recipientKinds = [
  'protected-person',
  'restrained-person',
  'law-enforcement',
  'other',
] as const;

export const recipientKindSchema = z.enum(recipientKinds);
export type RecipientKind = z.infer<typeof recipientKindSchema>;

/** Clerk-facing label for each kind (cover sheet, print queue, print records). */
export const recipientKindLabels: Readonly<Record<RecipientKind, string>> = {
  'protected-person': 'Protected person',
  'restrained-person': 'Restrained person',
  'law-enforcement': 'Law enforcement',
  other: 'Other',
};

/**
 * A recipient. `name` is optional for the parties (the order names them) and is the agency for
 * law enforcement (e.g. "Sacramento County Sheriff"); for `other` it is required.
 */
export const recipientSchema = z
  .object({
    kind: recipientKindSchema,
    name: z.string().trim().min(1).max(160).optional(),
  })
  .strict()
  .refine((r) => r.kind !== 'other' || r.name !== undefined, {
    message: 'Say who the "other" recipient is (a name or office).',
    path: ['name'],
  });

export type Recipient = z.infer<typeof recipientSchema>;

/** "Protected person", "Law enforcement — Sacramento County Sheriff", "Other — Jane Roe, attorney". */
export function describeRecipient(recipient: Recipient): string {
  const label = recipientKindLabels[recipient.kind];
  return recipient.name ? `${label} — ${recipient.name}` : label;
}
