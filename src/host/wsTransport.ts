/**
 * Carries the IPC contract over one WebSocket: calls go to the same dispatcher Electron uses,
 * events come from the same hub.
 */
import type { WebSocket } from 'ws';

import { decodeFrame, encodeFrame } from '../shared/ipc/wireFrame';
import type { WireMessage } from '../shared/ipc/wireFrame';
import type { Dispatcher } from '../main/ipc/dispatcher';
import type { EventHub } from '../main/ipc/eventHub';

export function serveSocket(
  socket: WebSocket,
  dispatcher: Dispatcher,
  hub: EventHub,
  origin: string,
  log: (message: string) => void = () => {},
): void {
  const send = (message: WireMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(encodeFrame(message));
  };
  const disconnect = hub.connect((event, payload) => send({ t: 'event', event, payload }));
  socket.on('close', disconnect);
  socket.on('message', (data, isBinary) => {
    let message: WireMessage;
    try {
      const raw = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      message = decodeFrame(isBinary ? new Uint8Array(raw) : raw.toString('utf8'));
    } catch (error) {
      log(`dropped a malformed frame: ${(error as Error).message}`);
      return;
    }
    if (message.t !== 'call' || typeof message.id !== 'number') {
      log('dropped a frame that is not a call');
      return;
    }
    const { id, channel, input } = message;
    void dispatcher
      .dispatch(channel, input, { shell: 'host', origin })
      .then((result) => send({ t: 'result', id, result }));
  });
}
