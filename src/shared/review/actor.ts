/**
 * Who keyed a queued change: the signed-in user the workstation stamps on every order and
 * service mutation when the outbox row is created (issue 9 §2, "who keyed it").
 *
 * Trust model: the workstation (an enrolled device) vouches for its users — it signed them in
 * locally — and main refuses to push a row whose actor is not one of its accounts. The registry
 * then checks the actor's role against the mutation kind (src/shared/auth/kindActions.ts) and
 * keeps the actor as the order's `keyed_by`, which the two-person rules compare against.
 *
 * Identity across workstation and registry is the USER NAME (lower case): account ids are local
 * to each store, user names are the same person everywhere.
 */
import { z } from 'zod';

import { roles } from '../auth/roles';

export const mutationActorSchema = z.object({
  userId: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  displayName: z.string().max(100).optional(),
  role: z.enum(roles),
  /**
   * Main's seal of this actor (src/main/auth/actorSeal.ts), from the session view of the user
   * signed in when the row was made; main checks it and removes it before sending.
   */
  seal: z.string().max(200).optional(),
});

/** The user who keyed a mutation. */
export type MutationActor = z.infer<typeof mutationActorSchema>;

/** True when two references name the same person (user names compare in lower case). */
export function samePerson(
  a: { readonly username: string } | null | undefined,
  b: { readonly username: string } | null | undefined,
): boolean {
  return !!a && !!b && a.username.toLowerCase() === b.username.toLowerCase();
}

/** The actor a mutation payload carries, or null when it has none (older workstations). */
export function actorOf(payload: unknown): MutationActor | null | 'invalid' {
  if (typeof payload !== 'object' || payload === null || !('actor' in payload)) return null;
  const parsed = mutationActorSchema.safeParse((payload as { actor: unknown }).actor);
  return parsed.success ? parsed.data : 'invalid';
}

/** The actor to stamp for a signed-in principal (null when nobody is signed in). */
export function actorOfPrincipal(
  p: {
    readonly userId: string;
    readonly username: string;
    readonly displayName?: string;
    readonly role: MutationActor['role'];
  } | null,
  seal?: string | null,
): MutationActor | null {
  if (!p) return null;
  return {
    userId: p.userId,
    username: p.username,
    ...(p.displayName ? { displayName: p.displayName } : {}),
    role: p.role,
    ...(seal ? { seal } : {}),
  };
}
