import { useState } from 'react';
import type { FormEvent } from 'react';

import type { DiscoveredScanner, ScannerSetup } from '../../../../shared/ipc/contracts/scanner';
import { clerkApi, unwrap } from '../../../platform/clerk';

import { splitList } from './scannerForm';

type Props = {
  readonly setup: ScannerSetup;
  readonly onSaved: (setup: ScannerSetup) => void;
  /** A device found by the clerk's search, to add as a scanner. */
  readonly onUse: (found: DiscoveredScanner) => void;
};

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The workstation's private SANE configuration (which backends, which saned hosts), and the
 * search for SANE scanners — run only when the clerk presses the button, and only through
 * this private configuration, never the system's.
 */
export function SaneSetupForm({ setup, onSaved, onUse }: Props) {
  const [backends, setBackends] = useState(setup.sane.backends.join(' '));
  const [hosts, setHosts] = useState(setup.sane.netHosts.join(' '));
  const [state, setState] = useState<{ busy: boolean; message: string; error: string }>({
    busy: false,
    message: '',
    error: '',
  });
  const [found, setFound] = useState<readonly DiscoveredScanner[] | null>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true, message: '', error: '' });
    try {
      const next = await unwrap(
        'scanner:save-sane-setup',
        clerkApi().scanner.saveSaneSetup({
          backends: splitList(backends),
          netHosts: splitList(hosts),
        }),
      );
      onSaved(next);
      setState({ busy: false, message: 'The SANE configuration was saved.', error: '' });
    } catch (error) {
      setState({ busy: false, message: '', error: messageOf(error) });
    }
  };

  const search = async () => {
    setState({ busy: true, message: 'Searching…', error: '' });
    try {
      const list = await unwrap(
        'scanner:discover-scanners',
        clerkApi().scanner.discoverScanners({ kind: 'sane' }),
      );
      setFound(list);
      setState({
        busy: false,
        message: `${list.length} SANE device${list.length === 1 ? '' : 's'} found.`,
        error: '',
      });
    } catch (error) {
      setState({ busy: false, message: '', error: messageOf(error) });
    }
  };

  return (
    <form className="sane-setup" aria-labelledby="sane-setup-heading" onSubmit={save} noValidate>
      <h3 id="sane-setup-heading">SANE configuration (Linux)</h3>
      <p className="hint">
        The workstation runs SANE with its own folder <code>{setup.saneConfigDir}</code>, never the
        system configuration, so no scanner search reaches the network unless asked for here.
      </p>
      <div className="field-grid">
        <div className="field field-wide">
          <label htmlFor="sane-backends">Backends</label>
          <input
            id="sane-backends"
            type="text"
            value={backends}
            onChange={(e) => setBackends(e.target.value)}
            aria-describedby="sane-backends-hint"
            spellCheck={false}
            autoComplete="off"
          />
          <p className="field-hint" id="sane-backends-hint">
            Driver names separated by spaces, e.g. fujitsu net.
          </p>
        </div>
        <div className="field field-wide">
          <label htmlFor="sane-hosts">saned hosts (net backend)</label>
          <input
            id="sane-hosts"
            type="text"
            value={hosts}
            onChange={(e) => setHosts(e.target.value)}
            aria-describedby="sane-hosts-hint"
            spellCheck={false}
            autoComplete="off"
          />
          <p className="field-hint" id="sane-hosts-hint">
            Scan servers the net backend may reach, e.g. 10.0.0.5.
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={state.busy}>
          Save SANE configuration
        </button>
        <button type="button" onClick={() => void search()} disabled={state.busy}>
          Find SANE scanners
        </button>
        <span role="status" className="muted-text">
          {state.message}
        </span>
      </div>
      {state.error && (
        <p className="error-text" role="alert">
          {state.error}
        </p>
      )}
      {found && found.length > 0 && (
        <table className="data-table compact" data-testid="sane-found">
          <caption className="visually-hidden">SANE devices found</caption>
          <thead>
            <tr>
              <th scope="col">Device name</th>
              <th scope="col">Description</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {found.map((f) => (
              <tr key={f.device}>
                <td>
                  <code>{f.device}</code>
                </td>
                <td>{f.description}</td>
                <td className="actions">
                  <button type="button" onClick={() => onUse(f)} aria-label={`Add ${f.device}`}>
                    Add as scanner
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
