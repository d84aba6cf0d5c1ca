/**
 * The preload: one `exposeInMainWorld`, no state, no logic beyond the allowlisted builder.
 */
import { contextBridge, ipcRenderer } from 'electron';

import { buildClerkApi } from '../shared/ipc/clerkApi';
import type { ClerkApi } from '../shared/ipc/clerkApi';
import type { IpcResult } from '../shared/ipc/envelope';

contextBridge.exposeInMainWorld(
  'clerk',
  buildClerkApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<IpcResult<unknown>>,
    listen: (event, listener) => {
      const forward = (_e: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  }) satisfies ClerkApi,
);
