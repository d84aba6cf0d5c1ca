/**
 * Loopback-only guards for the host: the Host header (against DNS rebinding), the Origin of
 * WebSocket upgrades, and the per-launch token.
 */
import { timingSafeEqual } from 'node:crypto';

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

/** The Host header must name a loopback address on our own port. */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return loopbackNames.some((name) => hostHeader.toLowerCase() === `${name}:${port}`);
}

/** A WebSocket must come from a page we served: same scheme, loopback name and port. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (!origin) return false;
  return loopbackNames.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export function tokensMatch(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
