import { useEffect, useRef, useState } from 'react';

import type {
  DiscoveredScanner,
  ScannerConfig,
  ScannerSetup,
  TestScanResult,
} from '../../../../shared/ipc/contracts/scanner';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { kindLabels, scannerAddress } from '../labels';
import '../scanning.css';

import { SaneSetupForm } from './SaneSetupForm';
import { ScanDefaultsForm } from './ScanDefaultsForm';
import { ScannerForm } from './ScannerForm';
import type { ScannerFormValues } from './scannerForm';
import { TestScanOutcome } from './TestScanOutcome';

type TestView = { readonly busy: true } | { readonly busy: false; readonly result: TestScanResult };
type FormState = { editing: ScannerConfig | null; prefill?: Partial<ScannerFormValues> };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Devices page section: the scanners, a test scan of each, the defaults and SANE setup. */
export function ScannersSection() {
  const [setup, setSetup] = useState<ScannerSetup | null>(null);
  const [loadError, setLoadError] = useState('');
  const [form, setForm] = useState<FormState | null>(null);
  const [tests, setTests] = useState<Record<string, TestView>>({});
  const [rowError, setRowError] = useState<Record<string, string>>({});
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    unwrap('scanner:list-scanners', clerkApi().scanner.listScanners({})).then(setSetup, (e) =>
      setLoadError(messageOf(e)),
    );
  }, []);

  // Focus returns to "Add scanner" once the form is gone and the button is enabled again
  // (focusing it in the same handler does nothing: it is still disabled then).
  const returnFocus = useRef(false);
  useEffect(() => {
    if (form === null && returnFocus.current) {
      returnFocus.current = false;
      addButton.current?.focus();
    }
  }, [form]);
  const closeForm = () => {
    returnFocus.current = true;
    setForm(null);
  };

  const rowFailed = (id: string, e: unknown) => setRowError((r) => ({ ...r, [id]: messageOf(e) }));

  const testScan = async (s: ScannerConfig) => {
    setRowError((r) => ({ ...r, [s.id]: '' }));
    setTests((t) => ({ ...t, [s.id]: { busy: true } }));
    try {
      const result = await unwrap('scanner:test-scan', clerkApi().scanner.testScan({ id: s.id }));
      setTests((t) => ({ ...t, [s.id]: { busy: false, result } }));
    } catch (e) {
      setTests((t) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== s.id)));
      rowFailed(s.id, e);
    }
  };

  const makeDefault = async (s: ScannerConfig) => {
    if (!setup) return;
    try {
      setSetup(
        await unwrap(
          'scanner:save-defaults',
          clerkApi().scanner.saveDefaults({ scannerId: s.id, settings: setup.defaults.settings }),
        ),
      );
      setNotice(`${s.name} is now the default scanner.`);
    } catch (e) {
      rowFailed(s.id, e);
    }
  };

  const remove = async (s: ScannerConfig) => {
    try {
      setSetup(
        await unwrap('scanner:delete-scanner', clerkApi().scanner.deleteScanner({ id: s.id })),
      );
      setNotice(`Scanner ${s.name} was deleted.`);
      setConfirmDelete(null);
      addButton.current?.focus();
    } catch (e) {
      rowFailed(s.id, e);
    }
  };

  const addFound = (f: DiscoveredScanner) =>
    setForm({
      editing: null,
      prefill: { kind: 'sane', device: f.device, name: f.description.slice(0, 80) },
    });

  return (
    <section
      className="panel device-section"
      aria-labelledby="scanners-heading"
      data-testid="scanners-section"
    >
      <div className="section-head">
        <h2 id="scanners-heading">Scanners</h2>
        <button
          ref={addButton}
          type="button"
          onClick={() => setForm({ editing: null })}
          disabled={form !== null}
        >
          Add scanner
        </button>
      </div>
      <p className="hint">
        Intake scans the signed order on the default scanner. Run a test scan after any change.
      </p>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {loadError && (
        <p role="alert" className="error-text">
          The scanners could not be read: {loadError}
        </p>
      )}
      {setup && setup.scanners.length === 0 && !form && (
        <p className="empty-note">No scanners are set up on this workstation yet.</p>
      )}
      {setup && setup.scanners.length > 0 && (
        <table className="data-table scanners-table" data-testid="scanners-table">
          <caption className="visually-hidden">Configured scanners</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Connection</th>
              <th scope="col">Device / address</th>
              <th scope="col">Default</th>
              <th scope="col">Test scan</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {setup.scanners.map((s) => {
              const isDefault = setup.defaults.scannerId === s.id;
              const t = tests[s.id];
              return (
                <tr key={s.id} data-testid={`scanner-row-${s.name}`}>
                  <th scope="row">{s.name}</th>
                  <td>{kindLabels[s.kind]}</td>
                  <td>
                    <code>{scannerAddress(s)}</code>
                  </td>
                  <td>{isDefault ? <span className="default-badge">Default</span> : ''}</td>
                  <td className="test-scan-cell" aria-live="polite">
                    {t?.busy && <span className="muted-text">Scanning one page…</span>}
                    {t && !t.busy && <TestScanOutcome result={t.result} name={s.name} />}
                    {rowError[s.id] && <div className="error-text">{rowError[s.id]}</div>}
                  </td>
                  <td className="actions">
                    {confirmDelete === s.id ? (
                      <span className="confirm" role="group" aria-label={`Delete ${s.name}?`}>
                        Delete?
                        <button type="button" className="danger" onClick={() => void remove(s)}>
                          Delete
                        </button>
                        <button type="button" onClick={() => setConfirmDelete(null)} autoFocus>
                          Keep
                        </button>
                      </span>
                    ) : (
                      <>
                        <button
                          type="button"
                          onClick={() => void testScan(s)}
                          disabled={t?.busy}
                          aria-label={`Test scan on ${s.name}`}
                        >
                          Test scan
                        </button>
                        {!isDefault && (
                          <button
                            type="button"
                            onClick={() => void makeDefault(s)}
                            aria-label={`Make ${s.name} the default`}
                          >
                            Make default
                          </button>
                        )}
                        <button
                          type="button"
                          onClick={() => setForm({ editing: s })}
                          disabled={form !== null}
                          aria-label={`Edit ${s.name}`}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          onClick={() => setConfirmDelete(s.id)}
                          aria-label={`Delete ${s.name}`}
                        >
                          Delete
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {form && (
        <ScannerForm
          key={form.editing?.id ?? `new-${form.prefill?.device ?? ''}`}
          editing={form.editing}
          {...(form.prefill ? { prefill: form.prefill } : {})}
          onCancel={closeForm}
          onSaved={(next, name) => {
            setSetup(next);
            setNotice(`Scanner ${name} was saved.`);
            closeForm();
          }}
        />
      )}
      {setup && (
        <div className="scanner-settings">
          <ScanDefaultsForm setup={setup} onSaved={setSetup} />
          <SaneSetupForm setup={setup} onSaved={setSetup} onUse={addFound} />
        </div>
      )}
    </section>
  );
}
