/**
 * A dispatcher over the workstation's real handlers with an access gate that lets every call
 * through: these suites test the scanner and pages handlers, not sign-in (src/main/auth has
 * its own tests).
 */
import { createDispatcher } from '../../../src/main/ipc/dispatcher';
import type { CallContext, Dispatcher } from '../../../src/main/ipc/dispatcher';
import type { Workstation } from '../../../src/main/workstation';

const allowAll = {
  check: async (_channel: string, ctx: CallContext) => ({ allowed: true as const, ctx }),
};

/** Dispatches to `ws.handlers` as a signed-in user with every right would. */
export function openDispatcher(ws: Workstation): Dispatcher {
  const options = { access: allowAll };
  return createDispatcher(ws.handlers, options);
}
