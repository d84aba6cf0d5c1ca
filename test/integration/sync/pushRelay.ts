/**
 * For hostKill.test.ts: a loopback HTTP relay in front of the registry that reports each push
 * (POST /v1/mutations) before it is forwarded, when the registry has answered it (committed)
 * and once the answer went on to main — so a test can kill the workstation exactly there.
 * Other requests (health, sessions, pull) pass untouched.
 */
import http from 'node:http';

/** What the test decides at each step of a push. */
export type RelayHooks = {
  /** A push arrived; false: drop it unforwarded. */
  request(push: number): Promise<boolean>;
  /** The registry answered push `push`; false: drop the reply instead of relaying it. */
  reply(push: number, body: Buffer): Promise<boolean>;
  /** The reply of push `push` went to main. */
  relayed(push: number): void;
};

/** Starts the relay on a free loopback port in front of `target` (the registry's base URL). */
export async function startRelay(target: string, hooks: RelayHooks) {
  const to = new URL(target);
  const state = { pushes: 0, atRegistry: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const isPush = req.method === 'POST' && req.url === '/v1/mutations';
        const push = isPush ? (state.pushes += 1) : 0;
        if (isPush && !(await hooks.request(push))) {
          req.socket.destroy();
          return;
        }
        if (isPush) state.atRegistry += 1;
        const up = http.request(
          {
            host: to.hostname,
            port: to.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (answer) => {
            const back: Buffer[] = [];
            answer.on('data', (c: Buffer) => back.push(c));
            answer.on('end', () => {
              void (async () => {
                const body = Buffer.concat(back);
                if (isPush) state.atRegistry -= 1;
                if (isPush && !(await hooks.reply(push, body))) {
                  req.socket.destroy();
                  return;
                }
                res.writeHead(answer.statusCode ?? 502, answer.headers);
                res.end(body);
                if (isPush) hooks.relayed(push);
              })();
            });
          },
        );
        up.on('error', () => req.socket.destroy());
        up.end(Buffer.concat(chunks));
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    state,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
