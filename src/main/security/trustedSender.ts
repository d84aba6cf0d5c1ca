/**
 * Which IPC senders main answers (Electron security checklist #17).
 *
 * Only our own window's top frame, loaded from the fixed `app://clerk` origin, may call main;
 * sub-frames, other windows and any page that navigated elsewhere are refused.
 */
export const appScheme = 'app';
export const appHost = 'clerk';
export const appOrigin = `${appScheme}://${appHost}`;

export type SenderInfo = {
  readonly webContentsId: number;
  readonly frameUrl: string | null | undefined;
  /** False for a sub-frame: only the window's own top frame may call main. */
  readonly isTopFrame: boolean;
};

/** True when the call comes from a trusted window's top frame at the app origin (or dev origin). */
export function isTrustedSender(
  sender: SenderInfo,
  trustedIds: ReadonlySet<number>,
  devOrigin?: string,
): boolean {
  if (!trustedIds.has(sender.webContentsId)) return false;
  if (!sender.isTopFrame) return false;
  if (!sender.frameUrl) return false;
  let url: URL;
  try {
    url = new URL(sender.frameUrl);
  } catch {
    return false;
  }
  // WHATWG gives non-special schemes an opaque "null" origin, so compare scheme and host.
  if (url.protocol === `${appScheme}:` && url.host === appHost) return true;
  return devOrigin !== undefined && url.origin === devOrigin;
}
