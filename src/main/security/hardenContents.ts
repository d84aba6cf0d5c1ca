/**
 * [E] App-wide guards: no navigation away, no new windows, no webviews, no permissions.
 */
import type { App, Session } from 'electron';

import { isTrustedSender } from './trustedSender';

export function hardenApp(app: App, session: Session, devOrigin?: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      const own = isTrustedSender(
        // will-navigate fires for the top frame only (sub-frames get will-frame-navigate).
        { webContentsId: contents.id, frameUrl: url, isTopFrame: true },
        new Set([contents.id]),
        devOrigin,
      );
      if (!own) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
