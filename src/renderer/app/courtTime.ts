/**
 * Court wall time for display. Court rules run on America/Los_Angeles whatever zone the
 * workstation's clock is set to, so every time a clerk reads is shown in that zone.
 */
import { COURT_ZONE } from '../../shared/time';

/** "3:04:05 PM" in court time. */
export function courtClockTime(iso: string | number): string {
  return new Date(iso).toLocaleTimeString('en-US', { timeZone: COURT_ZONE });
}

/**
 * "Nov 20, 2026, 10:05 AM" (medium) or "11/20/26, 10:05 AM" (short) in court time; an em dash
 * when there is no time.
 */
export function courtDateTime(
  iso: string | null | undefined,
  dateStyle: 'medium' | 'short' = 'medium',
): string {
  return iso
    ? new Date(iso).toLocaleString('en-US', { timeZone: COURT_ZONE, dateStyle, timeStyle: 'short' })
    : '—';
}
