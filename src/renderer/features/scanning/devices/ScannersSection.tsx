import { useState } from 'react';

import type {
  DiscoveredScanner,
  ScannerConfig,
  ScannerSetup,
  TestScanResult,
} from '../../../../shared/ipc/contracts/scanner';
import { ActionsTableHead } from '../../../components/ActionsTableHead';
import { clerkApi, unwrap } from '../../../platform/clerk';
import { DeviceRowActions } from '../../devices/DeviceRowActions';
import { DeviceSection } from '../../devices/DeviceSection';
import { DeviceStatusCell } from '../../devices/DeviceStatusCell';
import { useDeviceSection } from '../../devices/useDeviceSection';
import { kindLabels, scannerAddress } from '../labels';
import '../scanning.css';

import { SaneSetupForm } from './SaneSetupForm';
import { ScanDefaultsForm } from './ScanDefaultsForm';
import { ScannerForm } from './ScannerForm';
import type { ScannerFormValues } from './scannerForm';
import { TestScanOutcome } from './TestScanOutcome';

type TestView = { readonly busy: true } | { readonly busy: false; readonly result: TestScanResult };

const columns = ['Name', 'Connection', 'Device / address', 'Default', 'Test scan'];

/** Devices page section: the scanners, a test scan of each, the defaults and SANE setup. */
export function ScannersSection() {
  const section = useDeviceSection<ScannerSetup, ScannerConfig, Partial<ScannerFormValues>>({
    noun: 'Scanner',
    load: () => unwrap('scanner:list-scanners', clerkApi().scanner.listScanners({})),
    deleteDevice: (s) =>
      unwrap('scanner:delete-scanner', clerkApi().scanner.deleteScanner({ id: s.id })),
  });
  const { data: setup, setData: setSetup, form, rowError, rowFailed } = section;
  const [tests, setTests] = useState<Record<string, TestView>>({});

  const testScan = async (s: ScannerConfig) => {
    section.clearRowError(s.id);
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
      section.setNotice(`${s.name} is now the default scanner.`);
    } catch (e) {
      rowFailed(s.id, e);
    }
  };

  const addFound = (f: DiscoveredScanner) =>
    section.setForm({
      editing: null,
      prefill: { kind: 'sane', device: f.device, name: f.description.slice(0, 80) },
    });

  const table = setup && (
    <table className="data-table scanners-table" data-testid="scanners-table">
      <caption className="visually-hidden">Configured scanners</caption>
      <ActionsTableHead columns={columns} />
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
              <DeviceStatusCell className="test-scan-cell" error={rowError[s.id]}>
                {t?.busy && <span className="muted-text">Scanning one page…</span>}
                {t && !t.busy && <TestScanOutcome result={t.result} name={s.name} />}
              </DeviceStatusCell>
              <DeviceRowActions
                device={s}
                state={section}
                actions={[
                  {
                    text: 'Test scan',
                    label: `Test scan on ${s.name}`,
                    run: () => void testScan(s),
                    disabled: t?.busy,
                  },
                  // The default scanner has no "Make default".
                  ...(isDefault
                    ? []
                    : [
                        {
                          text: 'Make default',
                          label: `Make ${s.name} the default`,
                          run: () => void makeDefault(s),
                        },
                      ]),
                ]}
              />
            </tr>
          );
        })}
      </tbody>
    </table>
  );

  return (
    <DeviceSection
      id="scanners"
      title="Scanners"
      addLabel="Add scanner"
      testId="scanners-section"
      hint="Intake scans the signed order on the default scanner. Run a test scan after any change."
      loadErrorText="The scanners could not be read"
      emptyText="No scanners are set up on this workstation yet."
      count={setup ? setup.scanners.length : null}
      state={section}
      table={table}
    >
      {form && (
        <ScannerForm
          key={form.editing?.id ?? `new-${form.prefill?.device ?? ''}`}
          editing={form.editing}
          {...(form.prefill ? { prefill: form.prefill } : {})}
          onCancel={section.closeForm}
          onSaved={section.saved}
        />
      )}
      {setup && (
        <div className="scanner-settings">
          <ScanDefaultsForm setup={setup} onSaved={setSetup} />
          <SaneSetupForm setup={setup} onSaved={setSetup} onUse={addFound} />
        </div>
      )}
    </DeviceSection>
  );
}
