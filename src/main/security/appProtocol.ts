/**
 * [E] The privileged `app://clerk` scheme that serves the built renderer.
 *
 * A fixed origin keeps IndexedDB (drafts, outbox, pages) across upgrades and install folders;
 * `file://` origins have silently lost such data before (electron/electron#37702).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { net, protocol } from 'electron';

import { contentSecurityPolicy } from './csp';
import { appHost, appScheme } from './trustedSender';

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

/** Resolves a request path inside `root`, or null if it would escape it. */
export function resolveInside(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath);
  const target = path.resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  return target === root || target.startsWith(root + path.sep) ? target : null;
}

export function handleAppScheme(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? resolveInside(root, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
