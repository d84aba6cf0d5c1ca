/**
 * Display helpers for the print screens: court-time dates and people's names as clerks read
 * them. Times are always shown in the court's zone, whatever the workstation's clock zone.
 */
import { COURT_ZONE } from '../../../shared/time';

/** "12/02/26, 9:30 AM" in court time; '' for a missing or unreadable time. */
export function courtTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString('en-US', {
    timeZone: COURT_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

/** "9:30 AM" in court time. */
export function courtClock(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleTimeString('en-US', { timeZone: COURT_ZONE, timeStyle: 'short' });
}

type NameParts = {
  readonly first: string;
  readonly middle?: string | undefined;
  readonly last: string;
  readonly suffix?: string | undefined;
};

/** "Daniel James Parker Jr", as a name is written on a cover sheet. */
export function fullName(name: NameParts): string {
  return [name.first, name.middle, name.last, name.suffix]
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .join(' ');
}

/** "Parker, Daniel", as names are listed in tables. */
export function listName(name: NameParts | undefined): string {
  if (!name) return '';
  return [name.last, name.first].filter((p) => p.trim() !== '').join(', ');
}

/** The message of anything thrown (ClerkIpcError, Error, or a string). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
