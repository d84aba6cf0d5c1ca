import type { LicenceListedReader } from '../../../../shared/ipc/contracts/licence';
import { ActionsTableHead } from '../../../components/ActionsTableHead';
import { DeviceStatusCell } from '../../devices/DeviceStatusCell';

import { readerKindLabels, readerStateClass, readerStateText, scanSummary } from './readerText';
import { useLicenceReaders } from './useLicenceReaders';

const columns = ['Reader', 'Connection', 'Device', 'State', 'Last scan'];

/**
 * Devices page section: the HID POS and serial licence readers main can see, Open and Close for
 * each (an open reader's scans fill the restrained person in the open order form), and each
 * reader's last scan summarised without the card's personal details. Keyboard-wedge readers
 * type into the page and need no setup, so they are only mentioned.
 */
export function LicenceReadersSection() {
  const s = useLicenceReaders();
  const readers = s.list?.readers ?? null;

  const actions = (r: LicenceListedReader) => {
    const busy = s.busy[r.id] !== undefined;
    const stopped = r.open && r.problem !== null;
    // A working open reader can be closed; a closed or stopped one can be (re)opened.
    const primary = r.open && !stopped ? 'Close' : stopped ? 'Open again' : 'Open';
    return (
      <td className="actions">
        {/* One button that turns from Open to Close keeps focus where the clerk is; while main
            answers it is aria-disabled, not disabled, so focus is not dropped to the page. */}
        <button
          type="button"
          onClick={() => {
            if (!busy) void (primary === 'Close' ? s.close(r) : s.open(r));
          }}
          aria-disabled={busy}
          aria-label={`${primary} ${r.label}`}
        >
          {primary}
        </button>
        {stopped && (
          <button
            type="button"
            onClick={() => void s.close(r)}
            disabled={busy}
            aria-label={`Close ${r.label}`}
          >
            Close
          </button>
        )}
      </td>
    );
  };

  return (
    <section
      className="panel device-section"
      aria-labelledby="licence-readers-heading"
      data-testid="licence-readers-section"
    >
      <div className="section-head">
        <h2 id="licence-readers-heading">Licence readers</h2>
        <button type="button" onClick={() => void s.refresh()} disabled={s.refreshing}>
          {s.refreshing ? 'Looking…' : 'Refresh list'}
        </button>
      </div>
      <p className="hint">
        Open a USB (HID POS) or serial reader to use it; a licence scanned on an open reader fills
        the restrained person in the order being keyed. Scan a card here to test a reader. A
        keyboard-type reader needs no setup: scan into the order form.
      </p>
      <p className="visually-hidden" role="status">
        {s.notice}
      </p>
      {s.loadError && (
        <p role="alert" className="error-text">
          The licence readers could not be listed: {s.loadError}
        </p>
      )}
      {s.list && s.list.problems.length > 0 && (
        <div className="notice notice-warn" role="note">
          <p>Some readers may be missing from the list:</p>
          <ul>
            {s.list.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {readers?.length === 0 && (
        <p className="empty-note">
          No USB or serial licence readers are attached. Plug the reader in, then press Refresh
          list.
        </p>
      )}
      {readers && readers.length > 0 && (
        <table className="data-table" data-testid="licence-readers-table">
          <caption className="visually-hidden">
            Licence readers attached to this workstation
          </caption>
          <ActionsTableHead columns={columns} />
          <tbody>
            {readers.map((r) => {
              const scan = s.lastScan[r.id];
              return (
                <tr key={r.id} data-testid={`licence-reader-row-${r.id}`}>
                  <th scope="row">{r.label}</th>
                  <td>{readerKindLabels[r.kind]}</td>
                  <td>
                    <code>{r.path}</code>
                  </td>
                  <DeviceStatusCell className="reader-state" error={s.rowError[r.id]}>
                    <span className={`state-text ${readerStateClass(r, s.busy[r.id])}`}>
                      {readerStateText(r, s.busy[r.id])}
                    </span>
                    {r.open && r.problem && <div className="error-text">{r.problem}</div>}
                  </DeviceStatusCell>
                  <td className="reader-last-scan" aria-live="polite">
                    {scan ? (
                      <span className={scan.outcome.ok ? '' : 'error-text'}>
                        {scanSummary(scan)}
                      </span>
                    ) : (
                      <span className="muted-text">{r.open ? 'None yet' : ''}</span>
                    )}
                  </td>
                  {actions(r)}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
