/**
 * The access gate the dispatcher consults before every handler (deny by default):
 * - a channel without a rule in src/shared/auth/channelActions.ts is refused;
 * - public channels pass; every other one needs a signed-in, unlocked session (or a locked one
 *   for `whileLocked` background channels) whose role the matrix allows the channel's action;
 * - every refusal is written to the audit journal before the caller hears `forbidden`;
 * - after the handler, actions audited on success (matrix.ts) are recorded with their outcome.
 */
import { channelRule } from '../../shared/auth/channelActions';
import { decide, mayAttempt } from '../../shared/auth/decide';
import { auditedOnSuccess } from '../../shared/auth/matrix';
import type { Principal } from '../../shared/auth/principal';
import type { InvokeChannel } from '../../shared/ipc/channels';
import type { AuditJournal } from '../audit/auditJournal';
import type { CallContext } from '../ipc/dispatcher';

import { toActor, type SessionManager } from './sessionManager';

/** Allowed (with the context the handler gets, principal included) or refused. */
export type GateDecision =
  | { readonly allowed: true; readonly ctx: CallContext }
  | { readonly allowed: false; readonly message: string };

export type AccessGate = {
  check(channel: InvokeChannel, ctx: CallContext): Promise<GateDecision>;
  /** Called once the handler finished (ok = it returned a value). */
  settled?(channel: InvokeChannel, ctx: CallContext, ok: boolean): Promise<void>;
};

/** The gate without sign-in: only public channels pass (what a dispatcher gets by default). */
export const publicOnlyGate: AccessGate = {
  async check(channel, ctx) {
    return channelRule(channel)?.access === 'public'
      ? { allowed: true, ctx }
      : { allowed: false, message: 'Sign in first: this needs a signed-in user.' };
  },
};

/** Channels whose handlers audit their own successes (sessions, the journal itself). */
const selfAudited = (channel: string) =>
  channel.startsWith('auth:') || channel.startsWith('audit:');

/** The real gate over the workstation's session and audit journal. */
export function createAccessGate(sessions: SessionManager, journal: AuditJournal): AccessGate {
  async function refuse(
    channel: InvokeChannel,
    principal: Principal | undefined,
    action: string,
    message: string,
  ): Promise<GateDecision> {
    await journal.record({
      actor: principal ? toActor(principal) : null,
      action,
      outcome: 'denied',
      reason: message,
      where: { channel },
    });
    return { allowed: false, message };
  }

  return {
    async check(channel, ctx) {
      const rule = channelRule(channel);
      if (!rule) {
        return refuse(
          channel,
          undefined,
          'channel.undeclared',
          `${channel} has no access rule, so it is refused.`,
        );
      }
      if (rule.access === 'public') return { allowed: true, ctx };
      const state = await sessions.current();
      if (state.state === 'signed-out') {
        return refuse(
          channel,
          undefined,
          rule.action,
          'Sign in first: this needs a signed-in user.',
        );
      }
      const { principal } = state;
      if (state.state === 'locked' && !rule.whileLocked) {
        return refuse(
          channel,
          principal,
          rule.action,
          'The workstation is locked: unlock it with your password first.',
        );
      }
      const decision =
        rule.gate === 'role' && mayAttempt(principal.role, rule.action)
          ? ({ allowed: true } as const)
          : decide(principal.role, rule.action, {
              actorId: principal.userId,
              actorCourt: principal.courtOri,
            });
      if (!decision.allowed) return refuse(channel, principal, rule.action, decision.reason);
      return { allowed: true, ctx: { ...ctx, principal } };
    },

    async settled(channel, ctx, ok) {
      const rule = channelRule(channel);
      if (!rule || rule.access === 'public' || selfAudited(channel)) return;
      if (!auditedOnSuccess.has(rule.action) || !ctx.principal) return;
      await journal.record({
        actor: toActor(ctx.principal),
        action: rule.action,
        outcome: ok ? 'success' : 'failure',
        where: { channel },
      });
    },
  };
}
