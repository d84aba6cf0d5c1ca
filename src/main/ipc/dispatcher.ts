/**
 * The transport-neutral handler registry.
 *
 * Both shells (Electron's ipcMain and the host's WebSocket) hand every call to `dispatch`,
 * which validates the input against the contract, runs the handler, and validates the output
 * before it leaves main. Nothing a renderer sends reaches a service unvalidated.
 */
import type { z } from 'zod';

import type { Principal } from '../../shared/auth/principal';
import { allInvokeChannels } from '../../shared/ipc/channels';
import type { InvokeChannel } from '../../shared/ipc/channels';
import { invokeContract } from '../../shared/ipc/contract';
import type { InvokeOut } from '../../shared/ipc/contract';
import { ServiceError } from '../../shared/ipc/envelope';
import type { IpcIssue, IpcResult } from '../../shared/ipc/envelope';
import { publicOnlyGate, type AccessGate } from '../auth/accessGate';

/** Who is calling: which shell, and (set by the access gate) the signed-in user. */
export type CallContext = {
  readonly shell: 'electron' | 'host';
  readonly origin: string;
  readonly principal?: Principal;
};

/**
 * The signed-in user of a call. The access gate sets the principal for every non-public
 * channel, so this is a guard for handlers, not a check.
 */
export function principalOf(ctx: CallContext): Principal {
  if (!ctx.principal) throw new ServiceError('forbidden', 'Sign in first.');
  return ctx.principal;
}

export type Handler<C extends InvokeChannel> = (
  input: z.output<(typeof invokeContract)[C]['input']>,
  ctx: CallContext,
) => Promise<InvokeOut<C>> | InvokeOut<C>;

/** One handler for every channel of the contract; a missing one is a compile error. */
export type Handlers = { readonly [C in InvokeChannel]: Handler<C> };

export type Dispatcher = {
  dispatch(channel: unknown, input: unknown, ctx: CallContext): Promise<IpcResult<unknown>>;
  readonly channels: readonly InvokeChannel[];
};

export type DispatcherOptions = {
  /** Called for errors that are bugs (not ServiceErrors), so they reach the log. */
  readonly onInternalError?: (channel: string, error: unknown) => void;
  /**
   * Decides who may call what (src/main/auth/accessGate.ts). Deny by default: without one,
   * only the public channels of src/shared/auth/channelActions.ts answer.
   */
  readonly access?: AccessGate;
};

const known = new Set<string>(allInvokeChannels);

/** Turns zod issues into `{path, message}` pairs with dotted paths the forms can match. */
export function toIssues(error: z.ZodError): IpcIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatcher {
  async function dispatch(
    channel: unknown,
    input: unknown,
    ctx: CallContext,
  ): Promise<IpcResult<unknown>> {
    if (typeof channel !== 'string' || !known.has(channel)) {
      return {
        ok: false,
        error: { code: 'unknown-channel', message: `There is no channel "${String(channel)}".` },
      };
    }
    const c = channel as InvokeChannel;
    const gate = options.access ?? publicOnlyGate;
    // Fail closed: if the check (or writing its audit event) fails, nothing runs.
    const decision = await gate.check(c, ctx).catch((error: unknown) => {
      options.onInternalError?.(c, error);
      return { allowed: false, message: `${c} was refused: the access check failed.` } as const;
    });
    if (!decision.allowed)
      return { ok: false, error: { code: 'forbidden', message: decision.message } };
    const result = await run(c, input, decision.ctx);
    await gate
      .settled?.(c, decision.ctx, result.ok)
      .catch((e: unknown) => options.onInternalError?.(c, e));
    return result;
  }

  async function run(
    c: InvokeChannel,
    input: unknown,
    ctx: CallContext,
  ): Promise<IpcResult<unknown>> {
    const spec = invokeContract[c];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      const first = issues[0];
      const where = first && first.path ? ` (${first.path}: ${first.message})` : '';
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: `The request to ${c} was refused: its input is not valid${where}.`,
          issues,
        },
      };
    }
    try {
      const handler = handlers[c] as (i: unknown, x: CallContext) => unknown;
      const value: unknown = await handler(parsed.data, ctx);
      const out = spec.output.safeParse(value);
      if (!out.success) {
        options.onInternalError?.(c, out.error);
        return {
          ok: false,
          error: { code: 'internal', message: `${c} produced a result that breaks the contract.` },
        };
      }
      return { ok: true, value: out.data };
    } catch (error) {
      if (error instanceof ServiceError) {
        return {
          ok: false,
          error: { code: error.code, message: error.message, issues: error.issues },
        };
      }
      options.onInternalError?.(c, error);
      return {
        ok: false,
        error: { code: 'internal', message: `${c} failed unexpectedly; the error was logged.` },
      };
    }
  }
  return { dispatch, channels: allInvokeChannels };
}
