import { describe, expect, it } from 'vitest';

import { chromiumAppArgs, chromiumProfileDir } from '../../../src/host/appWindow';

describe('the Chromium app window of npm start', () => {
  const url = 'http://127.0.0.1:4555/';
  const profile = chromiumProfileDir('/data/ccpor-clerk');

  it('opens the host in app mode with a private profile under the data folder', () => {
    const args = chromiumAppArgs(url, profile, false);
    expect(profile).toBe('/data/ccpor-clerk/chromium-profile');
    expect(args).toContain(`--app=${url}`);
    expect(args).toContain(`--user-data-dir=${profile}`);
  });

  it('turns off Chromium background traffic (the stack notes flags)', () => {
    const args = chromiumAppArgs(url, profile, false);
    for (const flag of [
      '--no-first-run',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ]) {
      expect(args).toContain(flag);
    }
  });

  it('keeps the sandbox except as root, where Chromium will not start with it', () => {
    expect(chromiumAppArgs(url, profile, false)).not.toContain('--no-sandbox');
    expect(chromiumAppArgs(url, profile, true)).toContain('--no-sandbox');
  });
});
