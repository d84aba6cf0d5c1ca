import { useState } from 'react';

import type { PrinterCheck } from '../../../../shared/ipc/contracts/print';
import type { PrinterConfig } from '../../../../shared/printing/printers';
import { mediaLabels, sidesLabels } from '../../../../shared/printing/printers';
import { ActionsTableHead } from '../../../components/ActionsTableHead';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { DeviceRowActions } from '../../devices/DeviceRowActions';
import { DeviceSection } from '../../devices/DeviceSection';
import { DeviceStatusCell } from '../../devices/DeviceStatusCell';
import { useDeviceSection } from '../../devices/useDeviceSection';
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

const columns = ['Name', 'Courtroom', 'Connection', 'Address / queue', 'Paper', 'Sides', 'Status'];

const address = (p: PrinterConfig) =>
  p.kind === 'ipp' ? p.uri : `${p.queue}${p.cupsServer ? ` on ${p.cupsServer}` : ''}`;

/** Devices page section: the courtroom printers, their state, and a test page for each. */
export function PrintersSection() {
  const section = useDeviceSection<readonly PrinterConfig[], PrinterConfig>({
    noun: 'Printer',
    load: () => unwrap('print:list-printers', clerkApi().print.listPrinters({})),
    deleteDevice: (p) =>
      unwrap('print:delete-printer', clerkApi().print.deletePrinter({ printerId: p.id })),
  });
  const { data: printers, form, rowError, rowFailed } = section;
  const [checks, setChecks] = useState<Record<string, CheckView>>({});
  const [testJobs, setTestJobs] = useState<Record<string, string>>({});
  const { jobs, add } = usePrintJobs();

  const check = async (p: PrinterConfig) => {
    setChecks((c) => ({ ...c, [p.id]: { busy: true } }));
    try {
      const result = await unwrap(
        'print:check-printer',
        clerkApi().print.checkPrinter({ printerId: p.id }),
      );
      setChecks((c) => ({ ...c, [p.id]: { busy: false, check: result } }));
    } catch (e) {
      rowFailed(p.id, e);
      setChecks((c) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== p.id)));
    }
  };

  const testPage = async (p: PrinterConfig) => {
    section.clearRowError(p.id);
    try {
      const job = await unwrap(
        'print:print-test-page',
        clerkApi().print.printTestPage({ printerId: p.id }),
      );
      add([job]);
      setTestJobs((t) => ({ ...t, [p.id]: job.id }));
    } catch (e) {
      rowFailed(p.id, e);
    }
  };

  const table = (
    <div className="table-scroll">
      <table className="data-table printers-table" data-testid="printers-table">
        <caption className="visually-hidden">Configured printers</caption>
        <ActionsTableHead columns={columns} />
        <tbody>
          {(printers ?? []).map((p) => {
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
                <DeviceStatusCell className="printer-status" error={rowError[p.id]}>
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
                </DeviceStatusCell>
                <DeviceRowActions
                  device={p}
                  state={section}
                  actions={[
                    { text: 'Check', label: `Check ${p.name}`, run: () => void check(p) },
                    {
                      text: 'Test page',
                      label: `Print a test page on ${p.name}`,
                      run: () => void testPage(p),
                    },
                  ]}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  return (
    <DeviceSection
      id="printers"
      title="Printers"
      addLabel="Add printer"
      hint={
        <>
          Service copies go to the printer of the order&rsquo;s courtroom. Check a printer or print
          a test page after any change.
        </>
      }
      loadErrorText="The printers could not be read"
      emptyText="No printers are set up on this workstation yet."
      count={printers ? printers.length : null}
      state={section}
      table={table}
    >
      {form && (
        <PrinterForm
          key={form.editing?.id ?? 'new'}
          editing={form.editing}
          takenIds={(printers ?? []).map((p) => p.id)}
          onCancel={section.closeForm}
          onSaved={section.saved}
        />
      )}
    </DeviceSection>
  );
}
