/**
 * How `npm start` opens the workstation in Chromium when Electron cannot run: app mode (no
 * tabs or address bar), a private profile under the app's data folder, and none of Chromium's
 * own background traffic (the flags of the team's stack notes).
 */
import path from 'node:path';

/** The private Chromium profile, kept apart from the clerk's own browser. */
export function chromiumProfileDir(dataDir: string): string {
  return path.join(dataDir, 'chromium-profile');
}

/**
 * Chromium's arguments for the app window at `url`. As root Chromium refuses to start with
 * its sandbox on ("Running as root without --no-sandbox is not supported"), so only then is
 * the sandbox turned off; everyone else keeps it.
 */
export function chromiumAppArgs(url: string, profileDir: string, asRoot: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    ...(asRoot ? ['--no-sandbox'] : []),
    '--no-first-run',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--window-size=1440,900',
  ];
}
