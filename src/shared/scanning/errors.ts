/**
 * The one set of scanner errors every adapter (SANE, eSCL, NAPS2) maps to, with the words a
 * clerk sees. Pure data: main throws these codes, the renderer shows the message.
 *
 * The first eight are device conditions (NAPS2's DeviceException family, SANE_Status, eSCL
 * ScannerStatus); `unsupported-setting` and `failed` are about our request or our side.
 */
export const scanErrorCodes = [
  'feeder-empty',
  'paper-jam',
  'cover-open',
  'busy',
  'offline',
  'communication',
  'cancelled',
  'access-denied',
  'unsupported-setting',
  'failed',
] as const;

/** A scanner error code; see `scanErrorMessages` for what each means to a clerk. */
export type ScanErrorCode = (typeof scanErrorCodes)[number];

/** What the clerk reads, saying what to do next. Details (device text) are appended by main. */
export const scanErrorMessages: Readonly<Record<ScanErrorCode, string>> = {
  'feeder-empty':
    'The document feeder is empty. Load the pages face down, top edge first, and scan again.',
  'paper-jam':
    'Paper jam. Open the scanner, remove the jammed sheet, then rescan from that page; the pages already scanned are kept.',
  'cover-open': 'The scanner cover is open. Close it and scan again.',
  busy: 'The scanner is busy with another job or another program. Wait a moment and scan again.',
  offline:
    'The scanner is off or not connected. Check its power and cable or network, then try again.',
  communication:
    'The workstation lost contact with the scanner during the scan. Check the cable or network and scan again; the pages already scanned are kept.',
  cancelled: 'Scanning was cancelled. The pages scanned before the cancel are kept.',
  'access-denied':
    'The scanner refused access. Ask IT to check this workstation is allowed to use it.',
  'unsupported-setting':
    'The scanner cannot scan with these settings (source, colour or resolution). Choose other settings on the Devices page.',
  failed:
    'Scanning failed unexpectedly. Try again; if it keeps failing, ask IT to check the scanner.',
};

/** True for the codes that are conditions of the device rather than of our request. */
export function isDeviceCondition(code: ScanErrorCode): boolean {
  return code !== 'unsupported-setting' && code !== 'failed';
}
