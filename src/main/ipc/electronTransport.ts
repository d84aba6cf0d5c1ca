/**
 * Binds the handler registry to Electron's `ipcMain.handle`, with a sender check per call.
 *
 * Takes any object shaped like `ipcMain` (Electron's own at runtime; a plain object in unit
 * tests), so this module never imports `electron` at runtime.
 */
import type { IpcResult } from '../../shared/ipc/envelope';
import type { SenderInfo } from '../security/trustedSender';

import type { Dispatcher } from './dispatcher';

/** The parts of `IpcMainInvokeEvent` this transport reads. */
export type InvokeEventLike = {
  readonly sender: { readonly id: number };
  /** Electron's `WebFrameMain`: `parent` is null for the window's top frame. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
};

/** The parts of `ipcMain` this transport uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
};

export function bindIpcMain(
  ipcMain: IpcMainLike,
  dispatcher: Dispatcher,
  isTrusted: (sender: SenderInfo) => boolean,
  onRefused: (channel: string, sender: SenderInfo) => void = () => {},
): () => void {
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, async (event, input): Promise<IpcResult<unknown>> => {
      const frame = event.senderFrame;
      const sender = {
        webContentsId: event.sender.id,
        frameUrl: frame?.url,
        isTopFrame: frame !== null && frame.parent === null,
      };
      if (!isTrusted(sender)) {
        onRefused(channel, sender);
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: 'This window is not allowed to call the workstation.',
          },
        };
      }
      return dispatcher.dispatch(channel, input, {
        shell: 'electron',
        origin: sender.frameUrl ?? '',
      });
    });
  }
  return () => {
    for (const channel of dispatcher.channels) ipcMain.removeHandler(channel);
  };
}
