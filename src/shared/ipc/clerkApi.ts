/**
 * `ClerkApi`, the shape of `window.clerk` in both shells, and the builder both shells use.
 *
 * The preload (Electron) and the host bridge (browser) each supply a raw transport; this module
 * turns it into one method per channel, e.g. `clerk.app.getInfo({})`. It imports the contract
 * for types only, so no zod code reaches the preload bundle.
 */
import { allInvokeChannels, channels, eventNames } from './channels';
import type { EventName, InvokeChannel } from './channels';
import type { EventPayload, InvokeIn, InvokeOut } from './contract';
import type { IpcResult } from './envelope';

type Method<C extends InvokeChannel> = (input: InvokeIn<C>) => Promise<IpcResult<InvokeOut<C>>>;

/** `window.clerk`: one method per channel, grouped by domain, plus event subscription. */
export type ClerkApi = {
  readonly [D in keyof typeof channels]: {
    readonly [M in keyof (typeof channels)[D]]: (typeof channels)[D][M] extends InvokeChannel
      ? Method<(typeof channels)[D][M]>
      : never;
  };
} & {
  readonly subscribe: <E extends EventName>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ) => () => void;
};

/** What a shell must provide: send one call, and listen to one event. */
export type ClerkTransport = {
  invoke(channel: InvokeChannel, input: unknown): Promise<IpcResult<unknown>>;
  listen(event: EventName, listener: (payload: unknown) => void): () => void;
};

const invokeSet = new Set<string>(allInvokeChannels);
const eventSet = new Set<string>(eventNames);

/** Builds the API object; channel and event names are allowlisted before reaching the transport. */
export function buildClerkApi(transport: ClerkTransport): ClerkApi {
  const api: Record<string, unknown> = {};
  for (const [domain, methods] of Object.entries(channels)) {
    const group: Record<string, (input: unknown) => Promise<IpcResult<unknown>>> = {};
    for (const [method, channel] of Object.entries(methods)) {
      if (!invokeSet.has(channel)) throw new Error(`channel ${channel} is not in the contract`);
      group[method] = (input: unknown) => transport.invoke(channel as InvokeChannel, input ?? {});
    }
    api[domain] = Object.freeze(group);
  }
  api.subscribe = (event: string, listener: (payload: unknown) => void) => {
    if (!eventSet.has(event)) throw new Error(`unknown event ${event}`);
    return transport.listen(event as EventName, listener);
  };
  return Object.freeze(api) as ClerkApi;
}
