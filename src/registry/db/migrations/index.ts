/**
 * The registry's schema migrations, in order. Append new ones; never edit or reorder released
 * ones (the runner refuses to start when an applied migration's checksum no longer matches).
 */
import { m001Initial } from './m001_initial';

export type Migration = { readonly version: number; readonly name: string; readonly sql: string };

export const migrations: readonly Migration[] = [m001Initial];
