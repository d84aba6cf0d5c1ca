/**
 * The renderer's only door to main. Unwraps the IPC envelope so callers get values or a
 * `ClerkIpcError`; tests replace `window.clerk` to exercise the UI without a shell.
 */
import type { ClerkApi } from '../../shared/ipc/clerkApi';
import { ClerkIpcError } from '../../shared/ipc/envelope';
import type { IpcResult } from '../../shared/ipc/envelope';

export function clerkApi(): ClerkApi {
  return window.clerk;
}

/** Awaits a call and returns its value, or throws `ClerkIpcError` with the clerk-readable message. */
export async function unwrap<T>(channel: string, call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call;
  if (result.ok) return result.value;
  throw new ClerkIpcError(channel, result.error);
}
