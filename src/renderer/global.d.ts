import type { ClerkApi } from '../shared/ipc/clerkApi';

declare global {
  interface Window {
    /** Provided by the Electron preload or the host bridge; see src/shared/ipc/clerkApi.ts. */
    readonly clerk: ClerkApi;
  }
}

export {};
