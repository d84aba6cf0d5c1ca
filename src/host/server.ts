/**
 * The host shell: serves the built renderer on 127.0.0.1 and carries the IPC contract over a
 * WebSocket to the same main-process services Electron uses. For machines without the
 * Electron binary (tests, CI, demos); it never imports `electron`.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { WebSocketServer } from 'ws';

import { contentSecurityPolicy } from '../main/security/csp';
import type { Workstation } from '../main/workstation';

import { isLoopbackAddress, isLoopbackHost, isOwnOrigin, tokensMatch } from './loopback';
import { serveSocket } from './wsTransport';

export type HostOptions = {
  readonly port: number;
  readonly rendererDir: string;
  readonly bridgeFile: string;
  readonly workstation: Workstation;
  readonly log?: (message: string) => void;
};

export type RunningHost = {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
};

export const wsPath = '/__host/ws';
const bridgePath = '/__host/bridge.js';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy([`ws://127.0.0.1:${port}`]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Stops other local pages from loading our scripts (and the token-bearing page) no-cors.
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

/** Adds the token and the bridge script to the page; the bridge must run before the app. */
export function injectBridge(html: string, token: string): string {
  const tags = `<meta name="clerk-host-token" content="${token}" />\n    <script src="${bridgePath}"></script>\n    `;
  const at = html.indexOf('<script');
  if (at < 0) throw new Error('the renderer index.html has no <script> tag to precede');
  return html.slice(0, at) + tags + html.slice(at);
}

function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const target = path.resolve(root, `.${decoded}`);
  return target.startsWith(root + path.sep) ? target : null;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? (() => {});
  const token = randomBytes(24).toString('hex');
  const root = path.resolve(options.rendererDir);
  const indexHtml = await readFile(path.join(root, 'index.html'), 'utf8');
  const bridgeJs = await readFile(options.bridgeFile);
  let port = options.port;

  const server = http.createServer((req, res) => {
    void (async () => {
      const headers = securityHeaders(port);
      const refuse = (status: number, message: string) => {
        res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(message);
      };
      if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host, port)) {
        log(`refused a request for host ${String(req.headers.host)}`);
        return refuse(403, 'Refused: this workstation host answers only 127.0.0.1.');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'Method not allowed.');
      const urlPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (urlPath === bridgePath) {
        res.writeHead(200, {
          ...headers,
          'Content-Type': types['.js'],
          'Cache-Control': 'no-store',
        });
        return res.end(bridgeJs);
      }
      const file = urlPath === '/' ? null : resolveInside(root, urlPath);
      if (urlPath !== '/' && file === null) return refuse(404, 'Not found.');
      const ext = file ? path.extname(file) : '';
      if (file && ext && ext !== '.html') {
        try {
          const body = await readFile(file);
          res.writeHead(200, {
            ...headers,
            'Content-Type': types[ext] ?? 'application/octet-stream',
          });
          return res.end(req.method === 'HEAD' ? undefined : body);
        } catch {
          return refuse(404, 'Not found.');
        }
      }
      // Every other path is the single-page app.
      res.writeHead(200, {
        ...headers,
        'Content-Type': types['.html'],
        'Cache-Control': 'no-store',
      });
      return res.end(req.method === 'HEAD' ? undefined : injectBridge(indexHtml, token));
    })();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const reject = (status: number, reason: string) => {
      log(`refused a WebSocket: ${reason}`);
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host, port))
      return reject(403, 'Forbidden');
    if (url.pathname !== wsPath) return reject(404, 'Not Found');
    if (!isOwnOrigin(req.headers.origin, port)) return reject(403, 'Forbidden');
    if (!tokensMatch(token, url.searchParams.get('token'))) return reject(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) =>
      serveSocket(
        ws,
        options.workstation.dispatcher,
        options.workstation.hub,
        String(req.headers.origin),
        log,
      ),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
