/**
 * [E] Electron main: lifecycle only. Everything else is in Electron-free services
 * (./workstation.ts) that the host shell reuses unchanged.
 */
import path from 'node:path';

import type { BrowserWindow } from 'electron';
import { app, ipcMain, session } from 'electron';

import { bindIpcMain } from './ipc/electronTransport';
import { handleAppScheme, registerAppScheme } from './security/appProtocol';
import { hardenApp } from './security/hardenContents';
import { isTrustedSender } from './security/trustedSender';
import { createMainWindow } from './window/mainWindow';
import { createWorkstation } from './workstation';

// Set by Forge's Vite plugin during `electron-forge start`; absent in packaged builds.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
const devServerUrl =
  typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    hardenApp(app, session.defaultSession, devOrigin);
    handleAppScheme(path.join(__dirname, '../renderer/main_window'));

    const workstation = createWorkstation({
      shell: 'electron',
      dataDir: app.getPath('userData'),
      version: app.getVersion(),
    });
    const trusted = new Set<number>();
    bindIpcMain(ipcMain, workstation.dispatcher, (sender) =>
      isTrustedSender(sender, trusted, devOrigin),
    );

    mainWindow = createMainWindow(path.join(__dirname, 'preload.js'), devServerUrl);
    const contents = mainWindow.webContents;
    trusted.add(contents.id);
    const disconnect = workstation.hub.connect((event, payload) => contents.send(event, payload));
    mainWindow.on('closed', () => {
      disconnect();
      trusted.delete(contents.id);
      mainWindow = null;
    });
    app.on('before-quit', () => void workstation.close());
  });
}
