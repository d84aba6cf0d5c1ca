/**
 * Printer-state-reasons and job-state-reasons (RFC 8011 §5.4.12/§5.3.8, PWG 5100.9, CUPS) in
 * clerk words. Data, not code: add a row when a printer reports something new.
 *
 * A printer may add `-report`, `-warning` or `-error` to a printer-state-reason; the suffix sets
 * the severity and is stripped before looking the keyword up.
 */
export type ReasonSeverity = 'info' | 'warning' | 'error';

export type ReasonWords = {
  /** Short words for a badge: "Paper jam". */
  readonly words: string;
  /** What the clerk can do about it, or '' when nothing is needed. */
  readonly action: string;
  /** Severity when the printer sends no suffix. */
  readonly severity: ReasonSeverity;
};

const row = (words: string, action: string, severity: ReasonSeverity): ReasonWords => ({
  words,
  action,
  severity,
});

/** printer-state-reasons (without suffix) → clerk words. */
export const printerReasonWords: Readonly<Record<string, ReasonWords>> = {
  'media-jam': row('Paper jam', 'Clear the jam as the printer panel shows, then retry.', 'error'),
  'media-empty': row('Out of paper', 'Load paper in the tray, then retry.', 'error'),
  'media-needed': row('Paper needed', 'Load the requested paper size, then retry.', 'error'),
  'media-low': row('Paper low', 'Add paper soon.', 'info'),
  'media-path-jam': row('Paper jam', 'Clear the jam as the printer panel shows.', 'error'),
  'input-tray-missing': row('Paper tray missing', 'Put the paper tray back in.', 'error'),
  'output-tray-missing': row('Output tray missing', 'Put the output tray back.', 'error'),
  'output-area-full': row('Output tray full', 'Empty the output tray.', 'error'),
  'output-area-almost-full': row('Output tray almost full', 'Empty the output tray.', 'info'),
  'door-open': row('Printer door open', 'Close the printer door.', 'error'),
  'cover-open': row('Printer cover open', 'Close the printer cover.', 'error'),
  'interlock-open': row('Printer door open', 'Close all printer doors.', 'error'),
  'toner-empty': row('Out of toner', 'Replace the toner cartridge.', 'error'),
  'toner-low': row('Toner low', 'Order toner soon.', 'info'),
  'marker-supply-empty': row('Out of toner or ink', 'Replace the cartridge.', 'error'),
  'marker-supply-low': row('Toner or ink low', 'Order supplies soon.', 'info'),
  'marker-waste-full': row('Waste toner full', 'Replace the waste toner box.', 'error'),
  'marker-waste-almost-full': row('Waste toner almost full', 'Order a waste toner box.', 'info'),
  'developer-empty': row('Developer empty', 'Call for printer service.', 'error'),
  'developer-low': row('Developer low', 'Call for printer service soon.', 'info'),
  'opc-life-over': row('Drum worn out', 'Replace the drum unit.', 'error'),
  'opc-near-eol': row('Drum near end of life', 'Order a drum unit.', 'info'),
  'fuser-over-temp': row('Printer overheated', 'Let the printer cool, then retry.', 'error'),
  'fuser-under-temp': row('Printer warming up', 'Wait a moment.', 'info'),
  offline: row('Printer offline', 'Turn the printer on or put it online.', 'error'),
  'connecting-to-device': row(
    'Connecting to the printer',
    'Wait; check the cable or network if it lasts.',
    'warning',
  ),
  'timed-out': row('Printer not answering', 'Check that the printer is on and connected.', 'error'),
  shutdown: row('Printer shutting down', 'Wait until it is back, then retry.', 'error'),
  paused: row('Printer paused', 'Resume the printer (panel or print server).', 'warning'),
  'moving-to-paused': row(
    'Printer pausing',
    'Resume the printer (panel or print server).',
    'warning',
  ),
  stopping: row('Printer stopping', 'Wait, then retry.', 'warning'),
  'stopped-partly': row('Printer partly stopped', 'Check the printer panel.', 'warning'),
  'spool-area-full': row(
    'Printer memory full',
    'Wait for other jobs to finish, then retry.',
    'error',
  ),
  'interpreter-resource-unavailable': row('Printer cannot read the document', 'Call IT.', 'error'),
  'identify-printer-requested': row('Printer identifying itself', '', 'info'),
  'cups-missing-filter': row(
    'Print server cannot convert the document',
    'Call IT: a print filter is missing.',
    'error',
  ),
  'cups-waiting-for-job-completed': row('Print server waiting for the printer', '', 'info'),
  other: row('Printer problem', 'Check the printer panel.', 'warning'),
};

/** job-state-reasons worth telling a clerk; the rest are routine and not shown. */
export const jobReasonWords: Readonly<Record<string, ReasonWords>> = {
  'aborted-by-system': row(
    'Stopped by the printer',
    'Fix the printer problem, then retry.',
    'error',
  ),
  'job-canceled-by-user': row('Cancelled', '', 'info'),
  'job-canceled-by-operator': row('Cancelled at the print server', '', 'warning'),
  'job-canceled-at-device': row('Cancelled at the printer', '', 'warning'),
  'document-format-error': row(
    'Printer could not read the document',
    'Retry; if it fails again, call IT.',
    'error',
  ),
  'unsupported-document-format': row(
    'Printer does not accept PDF',
    'Choose another printer or call IT.',
    'error',
  ),
  'document-unprintable-error': row('Document could not be printed', 'Call IT.', 'error'),
  'job-completed-with-errors': row('Printed with errors', 'Check the printed copies.', 'warning'),
  'job-completed-with-warnings': row('Printed with warnings', 'Check the printed copies.', 'info'),
  'printer-stopped': row('Printer stopped', 'Check the printer panel.', 'warning'),
  'printer-stopped-partly': row('Printer partly stopped', 'Check the printer panel.', 'warning'),
  'resources-are-not-ready': row('Printer not ready', 'Check paper and toner.', 'warning'),
  'job-hold-until-specified': row(
    'Held at the print server',
    'Release the job at the print server.',
    'warning',
  ),
  'service-off-line': row('Printer offline', 'Turn the printer on or put it online.', 'error'),
  'queued-in-device': row('Waiting at the printer', '', 'info'),
  'submission-interrupted': row('Sending was interrupted', 'Retry.', 'error'),
  'job-data-insufficient': row('Printer did not get the whole document', 'Retry.', 'error'),
};

/** One reason, ready for a badge or a sentence. */
export type ClerkReason = {
  readonly keyword: string;
  readonly source: 'printer' | 'job';
  readonly words: string;
  readonly action: string;
  readonly severity: ReasonSeverity;
};

const suffixes: ReadonlyArray<readonly [string, ReasonSeverity]> = [
  ['-error', 'error'],
  ['-warning', 'warning'],
  ['-report', 'info'],
];

/** Routine keywords that say nothing is wrong. */
const routine = new Set(['none', '']);

/** Splits `media-jam-warning` into `media-jam` and `warning`. */
export function splitReason(keyword: string): { base: string; severity?: ReasonSeverity } {
  for (const [suffix, severity] of suffixes) {
    if (keyword.endsWith(suffix)) return { base: keyword.slice(0, -suffix.length), severity };
  }
  return { base: keyword };
}

/** Makes an unknown keyword readable: `cups-remote-pending` → "Cups remote pending". */
function humanize(base: string): string {
  const t = base.replace(/-/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Clerk words for printer-state-reasons; unknown keywords are shown humanized, never dropped. */
export function describePrinterReasons(keywords: readonly string[]): ClerkReason[] {
  const out: ClerkReason[] = [];
  for (const keyword of keywords) {
    if (routine.has(keyword)) continue;
    const { base, severity } = splitReason(keyword);
    const known = printerReasonWords[base];
    out.push({
      keyword,
      source: 'printer',
      words: known?.words ?? `Printer reports: ${humanize(base)}`,
      action: known?.action ?? 'Check the printer panel.',
      // A -report suffix on a known fault (media-jam-report) still names a real fault the
      // printer had; keep the suffix's word for it, as the RFC says.
      severity: severity ?? known?.severity ?? 'info',
    });
  }
  return out;
}

/** Clerk words for job-state-reasons; routine ones (job-printing, job-queued …) are left out. */
export function describeJobReasons(keywords: readonly string[]): ClerkReason[] {
  const out: ClerkReason[] = [];
  for (const keyword of keywords) {
    const known = jobReasonWords[keyword];
    if (!known) continue;
    out.push({ keyword, source: 'job', ...known });
  }
  return out;
}

const rank: Record<ReasonSeverity, number> = { info: 0, warning: 1, error: 2 };

/** The most severe reason first; stable otherwise. */
export function sortBySeverity(reasons: readonly ClerkReason[]): ClerkReason[] {
  return [...reasons].sort((a, b) => rank[b.severity] - rank[a.severity]);
}
