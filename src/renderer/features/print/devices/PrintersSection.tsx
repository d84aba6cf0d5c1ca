import { useEffect, useRef, useState } from 'react';

import type { PrinterCheck } from '../../../../shared/ipc/contracts/print';
import type { PrinterConfig } from '../../../../shared/printing/printers';
import { mediaLabels, sidesLabels } from '../../../../shared/printing/printers';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { messageOf } from '../format';
import { JobStatePill } from '../jobs/JobStatePill';
import { usePrintJobs } from '../jobs/usePrintJobs';
import '../print.css';

import { PrinterForm } from './PrinterForm';

type CheckView = { readonly busy: true } | { readonly busy: false; readonly check: PrinterCheck };

const checkClass: Readonly<Record<PrinterCheck['state'], string>> = {
  idle: 'ok',
  processing: 'busy',
  stopped: 'error',
  unknown: 'muted',
  unreachable: 'error',
};

const address = (p: PrinterConfig) =>
  p.kind === 'ipp' ? p.uri : `${p.queue}${p.cupsServer ? ` on ${p.cupsServer}` : ''}`;

/** Devices page section: the courtroom printers, their state, and a test page for each. */
export function PrintersSection() {
  const [printers, setPrinters] = useState<readonly PrinterConfig[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<{ editing: PrinterConfig | null } | null>(null);
  const [notice, setNotice] = useState('');
  const [checks, setChecks] = useState<Record<string, CheckView>>({});
  const [testJobs, setTestJobs] = useState<Record<string, string>>({});
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [rowError, setRowError] = useState<Record<string, string>>({});
  const { jobs, add } = usePrintJobs();
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    unwrap('print:list-printers', clerkApi().print.listPrinters({})).then(setPrinters, (e) =>
      setLoadError(messageOf(e)),
    );
  }, []);

  // Focus returns to "Add printer" once the form is gone and the button is enabled again.
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

  const check = async (p: PrinterConfig) => {
    setChecks((c) => ({ ...c, [p.id]: { busy: true } }));
    try {
      const result = await unwrap(
        'print:check-printer',
        clerkApi().print.checkPrinter({ printerId: p.id }),
      );
      setChecks((c) => ({ ...c, [p.id]: { busy: false, check: result } }));
    } catch (e) {
      setRowError((r) => ({ ...r, [p.id]: messageOf(e) }));
      setChecks((c) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== p.id)));
    }
  };

  const testPage = async (p: PrinterConfig) => {
    setRowError((r) => ({ ...r, [p.id]: '' }));
    try {
      const job = await unwrap(
        'print:print-test-page',
        clerkApi().print.printTestPage({ printerId: p.id }),
      );
      add([job]);
      setTestJobs((t) => ({ ...t, [p.id]: job.id }));
    } catch (e) {
      setRowError((r) => ({ ...r, [p.id]: messageOf(e) }));
    }
  };

  const remove = async (p: PrinterConfig) => {
    try {
      setPrinters(
        await unwrap('print:delete-printer', clerkApi().print.deletePrinter({ printerId: p.id })),
      );
      setNotice(`Printer ${p.name} was deleted.`);
      setConfirmDelete(null);
      addButton.current?.focus();
    } catch (e) {
      setRowError((r) => ({ ...r, [p.id]: messageOf(e) }));
    }
  };

  return (
    <section className="panel device-section" aria-labelledby="printers-heading">
      <div className="section-head">
        <h2 id="printers-heading">Printers</h2>
        <button
          ref={addButton}
          type="button"
          onClick={() => setForm({ editing: null })}
          disabled={form !== null}
        >
          Add printer
        </button>
      </div>
      <p className="hint">
        Service copies go to the printer of the order&rsquo;s courtroom. Check a printer or print a
        test page after any change.
      </p>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {loadError && (
        <p role="alert" className="error-text">
          The printers could not be read: {loadError}
        </p>
      )}
      {printers && printers.length === 0 && !form && (
        <p className="empty-note">No printers are set up on this workstation yet.</p>
      )}
      {printers && printers.length > 0 && (
        <div className="table-scroll">
          <table className="data-table printers-table" data-testid="printers-table">
            <caption className="visually-hidden">Configured printers</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Courtroom</th>
                <th scope="col">Connection</th>
                <th scope="col">Address / queue</th>
                <th scope="col">Paper</th>
                <th scope="col">Sides</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {printers.map((p) => {
                const c = checks[p.id];
                const testJob = jobs.find((j) => j.id === testJobs[p.id]);
                return (
                  <tr key={p.id} data-testid={`printer-row-${p.id}`}>
                    <th scope="row">{p.name}</th>
                    <td>{p.courtroom}</td>
                    <td>{p.kind === 'ipp' ? 'IPP' : 'CUPS'}</td>
                    <td className="printer-address">
                      <code>{address(p)}</code>
                    </td>
                    <td title={mediaLabels[p.defaultMedia]}>
                      {mediaLabels[p.defaultMedia].split(' (')[0]}
                    </td>
                    <td>{sidesLabels[p.defaultSides]}</td>
                    <td className="printer-status" aria-live="polite">
                      {c?.busy && <span className="muted-text">Checking…</span>}
                      {c && !c.busy && (
                        <span
                          className={`state-text state-${checkClass[c.check.state]}`}
                          data-testid={`printer-check-${p.id}`}
                        >
                          {c.check.message}
                        </span>
                      )}
                      {testJob && (
                        <div className="test-page-outcome" data-testid={`test-page-${p.id}`}>
                          Test page: <JobStatePill job={testJob} />{' '}
                          {testJob.state !== 'completed' && testJob.message}
                        </div>
                      )}
                      {rowError[p.id] && <div className="error-text">{rowError[p.id]}</div>}
                    </td>
                    <td className="actions">
                      {confirmDelete === p.id ? (
                        <span className="confirm" role="group" aria-label={`Delete ${p.name}?`}>
                          Delete?
                          <button type="button" className="danger" onClick={() => void remove(p)}>
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
                            onClick={() => void check(p)}
                            aria-label={`Check ${p.name}`}
                          >
                            Check
                          </button>
                          <button
                            type="button"
                            onClick={() => void testPage(p)}
                            aria-label={`Print a test page on ${p.name}`}
                          >
                            Test page
                          </button>
                          <button
                            type="button"
                            onClick={() => setForm({ editing: p })}
                            disabled={form !== null}
                            aria-label={`Edit ${p.name}`}
                          >
                            Edit
                          </button>
                          <button
                            type="button"
                            onClick={() => setConfirmDelete(p.id)}
                            aria-label={`Delete ${p.name}`}
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
        </div>
      )}
      {form && (
        <PrinterForm
          key={form.editing?.id ?? 'new'}
          editing={form.editing}
          takenIds={(printers ?? []).map((p) => p.id)}
          onCancel={closeForm}
          onSaved={(next, name) => {
            setPrinters(next);
            setNotice(`Printer ${name} was saved.`);
            closeForm();
          }}
        />
      )}
    </section>
  );
}
