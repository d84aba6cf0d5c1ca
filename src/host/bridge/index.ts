/**
 * Browser side of the host shell: defines `window.clerk` (the same `ClerkApi` the Electron
 * preload exposes) over the loopback WebSocket. Runs before the renderer's own script.
 */
import { buildClerkApi } from '../../shared/ipc/clerkApi';
import type { ClerkApi } from '../../shared/ipc/clerkApi';
import type { IpcResult } from '../../shared/ipc/envelope';

import { WsClient } from './wsClient';

const meta = document.querySelector<HTMLMetaElement>('meta[name="clerk-host-token"]');
const token = meta?.content ?? '';
meta?.remove();

const client = new WsClient(`ws://${location.host}/__host/ws?token=${encodeURIComponent(token)}`);

const api: ClerkApi = buildClerkApi({
  invoke: (channel, input) => client.call(channel, input) as Promise<IpcResult<unknown>>,
  listen: (event, listener) => client.listen(event, listener),
});

Object.defineProperty(window, 'clerk', { value: api, writable: false, configurable: false });
