/**
 * Clerk words for licence readers on the Devices page: how each is attached, its state, and a
 * summary of its last scan that names what was read but never the card's personal details.
 */
import type { LicenceListedReader, LicenceScan } from '../../../../shared/ipc/contracts/licence';
import { licenceToValues } from '../../intake/licenceToValues';

/** How a reader is attached, as the clerk sees it on the cable. */
export const readerKindLabels: Readonly<Record<LicenceListedReader['kind'], string>> = {
  'hid-pos': 'USB (HID POS)',
  serial: 'Serial port',
};

/** What a row action is doing while main answers. */
export type ReaderBusy = 'opening' | 'closing';

/** The reader's state in words: what the clerk can expect from it now. */
export function readerStateText(reader: LicenceListedReader, busy: ReaderBusy | undefined): string {
  if (busy === 'opening') return 'Opening…';
  if (busy === 'closing') return 'Closing…';
  if (reader.open && reader.problem) return 'Stopped';
  return reader.open ? 'Open: scans fill the open order form' : 'Closed';
}

/** The state's colour class (always beside words, never colour alone). */
export function readerStateClass(reader: LicenceListedReader, busy: ReaderBusy | undefined) {
  if (busy) return 'state-busy';
  if (reader.open && reader.problem) return 'state-error';
  return reader.open ? 'state-ok' : 'state-muted';
}

const time = (at: string) => {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleTimeString();
};

/**
 * One line about a scan: which kinds of value it held, the AAMVA version and the issuing
 * jurisdiction, and how many values need a code chosen by hand. Names, dates, numbers and the
 * raw payload never appear: the Devices page is not the place for a person's details.
 */
export function scanSummary(scan: LicenceScan): string {
  if (!scan.outcome.ok)
    return `Scan at ${time(scan.at)} could not be read: ${scan.outcome.message}`;
  const { result } = scan.outcome;
  const fill = licenceToValues(result);
  const what = fill.filledLabels.length ? fill.filledLabels.join(', ') : 'nothing the form uses';
  const issuer = result.licence.jurisdiction ? `, issued in ${result.licence.jurisdiction}` : '';
  const unmapped = fill.unmapped.length;
  const toChoose =
    unmapped === 0
      ? ''
      : ` ${unmapped} value${unmapped === 1 ? '' : 's'} would need a code chosen by hand.`;
  return `Scan at ${time(scan.at)} read: ${what} (AAMVA version ${String(result.licence.version).padStart(2, '0')}${issuer}).${toChoose}`;
}
