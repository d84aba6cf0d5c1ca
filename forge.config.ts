import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

// Packaging needs the Electron binary, which these build machines cannot download; `npm run
// build` runs the same three Vite configs without Forge (see scripts/build.ts).
const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    name: 'CCPOR Clerk Workstation',
    executableName: 'ccpor-clerk',
    icon: 'assets/icon',
  },
  rebuildConfig: {},
  makers: [
    new MakerSquirrel({ name: 'ccpor_clerk' }),
    new MakerZIP({}, ['darwin', 'win32']),
    new MakerDeb({ options: { name: 'ccpor-clerk', productName: 'CCPOR Clerk Workstation' } }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'src/main/index.ts', config: 'vite.main.config.mts', target: 'main' },
        { entry: 'src/preload/index.ts', config: 'vite.preload.config.mts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.mts' }],
    }),
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    }),
  ],
};

export default config;
