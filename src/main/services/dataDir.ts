/**
 * Where the workstation keeps its data when Electron is not there to say (`app.getPath`).
 *
 * Mirrors Electron's `userData` locations so the host and the desktop app agree.
 */
import path from 'node:path';

export const appFolderName = 'ccpor-clerk';

export function defaultDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (env.CLERK_DATA_DIR) return path.resolve(env.CLERK_DATA_DIR);
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appFolderName);
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', appFolderName);
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appFolderName);
}
