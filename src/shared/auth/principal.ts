/**
 * Who is signed in, as main, the registry and the renderer see it. No secrets: the password
 * hash and lockout counters never leave the store that keeps them.
 */
import { z } from 'zod';

import { roles } from './roles';

export const principalSchema = z.object({
  userId: z.string().min(1).max(64),
  username: z.string().min(1).max(64),
  displayName: z.string().max(100),
  role: z.enum(roles),
  /** The court (ORI) the account works for. */
  courtOri: z.string().max(12),
  /** Department or courtroom for courtroom staff ('' for others). */
  courtroom: z.string().max(40),
});

/** The signed-in user. */
export type Principal = z.infer<typeof principalSchema>;

/** User names: letters, digits, dot, dash, underscore; compared in lower case. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,63}$/,
    'A user name is 2–64 letters, digits, dots, dashes or underscores.',
  );
