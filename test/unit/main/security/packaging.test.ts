/**
 * The packaging and install guarantees of the foundation, read from the real config files:
 * Electron fuses, Forge makers, exact pins, and an install that downloads nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

import forgeConfig from '../../../../forge.config';

const root = path.resolve(__dirname, '../../../..');
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;

type Pkg = {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
  overrides: Record<string, string>;
};
type Lock = {
  packages: Record<string, { version?: string; resolved?: string; hasInstallScript?: boolean }>;
};
const pkg = readJson<Pkg>('package.json');
const lock = readJson<Lock>('package-lock.json');
const exact = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

describe('Electron Forge config', () => {
  const plugins = (forgeConfig.plugins ?? []) as unknown as {
    name: string;
    fusesConfig?: object;
  }[];

  it('flips the fuses the checklist asks for and packs into an asar', () => {
    const fuses = plugins.find((p) => p.name === 'fuses')?.fusesConfig as Record<number, boolean>;
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(forgeConfig.packagerConfig?.asar).toBe(true);
  });

  it('builds with the Vite plugin and makes zip, deb and squirrel', () => {
    expect(plugins.map((p) => p.name)).toContain('vite');
    const makers = (forgeConfig.makers ?? []) as unknown as { name: string }[];
    expect(makers.map((m) => m.name).sort()).toEqual(['deb', 'squirrel', 'zip']);
  });
});

describe('dependencies', () => {
  it('pins every dependency to an exact registry version', () => {
    const all = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.overrides };
    const loose = Object.entries(all).filter(([, v]) => !exact.test(v));
    expect(loose).toEqual([]);
  });

  it('keeps the majors the stack was tested with', () => {
    const major = (name: string) =>
      Number(/^(\d+)/.exec(pkg.devDependencies[name] ?? pkg.dependencies[name] ?? '')?.[1]);
    expect(major('@electron-forge/cli')).toBe(7);
    expect(major('react')).toBe(19);
    expect(major('@reduxjs/toolkit')).toBe(2);
    expect(major('dexie')).toBe(4);
    expect(major('vitest')).toBe(4);
    expect(pkg.devDependencies.typescript).toMatch(/^5\.9\./);
  });

  it('installs without downloading anything: no Electron binary, no git dependency', () => {
    expect(readFileSync(path.join(root, '.npmrc'), 'utf8')).toMatch(/^strict-allow-scripts=true$/m);
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.overrides['@electron/node-gyp']).toMatch(exact);
    // Strict mode fails the install on any install script without a decision.
    const scripted = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([at]) => at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(scripted.filter((name) => !(name in pkg.allowScripts))).toEqual([]);
    const fromGit = Object.entries(lock.packages).filter(
      ([, p]) =>
        /^(git|github:|https?:)/.test(p.version ?? '') || /git|github/.test(p.resolved ?? ''),
    );
    expect(fromGit).toEqual([]);
  });
});
