/**
 * A tiny client for the simulator's control port, for tests, the bench and the Playwright
 * scenario: `await simControl(port, 'REJECT NAM REJECTME')`.
 */
import net from 'node:net';

/** Sends one control line and resolves with the answer line; rejects on `ERR …` or a timeout. */
export function simControl(port: number, line: string, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let buffer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`CLETS simulator control port ${port} did not answer "${line}"`));
    }, timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${line}\n`));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const nl = buffer.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      socket.destroy();
      const answer = buffer.slice(0, nl);
      if (answer.startsWith('OK')) resolve(answer.slice(3));
      else reject(new Error(`CLETS simulator refused "${line}": ${answer}`));
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** STATS as an object. */
export async function simStats(port: number): Promise<Record<string, unknown>> {
  return JSON.parse(await simControl(port, 'STATS')) as Record<string, unknown>;
}
