import { useState } from 'react';
import type { FormEvent } from 'react';

import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { clerkApi, unwrap } from '../../platform/clerk';

import { selectSyncStatus, selectSyncStatusError, syncStatusReceived } from './syncSlice';

const connectivityWords = {
  'not-configured': 'No registry address set',
  'not-enrolled': 'Not enrolled',
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline (retrying on its own)',
  refused: 'Refused — enrol again',
} as const;

/** Settings → Registry: the address, the enrolment, and where the link stands. */
export function RegistrySettings() {
  const status = useAppSelector(selectSyncStatus);
  const statusError = useAppSelector(selectSyncStatusError);
  const dispatch = useAppDispatch();
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [ori, setOri] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (what: () => Promise<Parameters<typeof syncStatusReceived>[0]>, ok: string) => {
    setBusy(true);
    setMessage(null);
    try {
      dispatch(syncStatusReceived(await what()));
      setMessage({ ok: true, text: ok });
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const saveUrl = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => unwrap('sync:set-registry', clerkApi().sync.setRegistry({ url })),
      'Registry address saved.',
    );
  };
  const enrol = (e: FormEvent) => {
    e.preventDefault();
    const courtOri = ori.trim().toUpperCase();
    void run(
      () =>
        unwrap(
          'sync:enrol-workstation',
          clerkApi().sync.enrol(courtOri ? { code, courtOri } : { code }),
        ),
      'This workstation is enrolled.',
    ).then(() => setCode(''));
  };

  const fromEnv = status?.urlSource === 'environment';
  return (
    <section className="panel" aria-labelledby="registry-heading" data-testid="registry-settings">
      <h2 id="registry-heading">Registry</h2>
      {statusError && (
        <p role="alert" className="error-text">
          Could not read the registry settings: {statusError}
        </p>
      )}
      {status && (
        <dl className="facts">
          <dt>Address</dt>
          <dd>
            {status.registryUrl ? <code>{status.registryUrl}</code> : 'not set'}
            {fromEnv ? ' (set by the administrator)' : ''}
          </dd>
          <dt>Link</dt>
          <dd data-testid="registry-connectivity">
            {connectivityWords[status.connectivity]} — {status.detail}
          </dd>
          <dt>Enrolled</dt>
          <dd>
            {status.enrolled
              ? `Yes, for court ${status.courtOri ?? '?'} (device ${status.deviceId ?? '?'})`
              : status.autoEnrol
                ? 'Not yet — this workstation enrols on its own when the registry answers'
                : 'No'}
          </dd>
        </dl>
      )}
      {status && !fromEnv && (
        <form onSubmit={saveUrl} className="form-actions" aria-label="Registry address">
          <div className="field field-wide">
            <label htmlFor="registry-url">Registry address</label>
            <input
              id="registry-url"
              type="text"
              inputMode="url"
              autoComplete="off"
              placeholder={status.registryUrl ?? 'https://registry.example.gov/'}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          </div>
          <button type="submit" disabled={busy || url.trim() === ''}>
            Save address
          </button>
        </form>
      )}
      {status?.registryUrl && (
        <form onSubmit={enrol} className="form-actions" aria-label="Enrol this workstation">
          <div className="field">
            <label htmlFor="enrol-code">Enrolment code</label>
            <input
              id="enrol-code"
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          <div className="field field-narrow">
            <label htmlFor="enrol-ori">Court ORI (administrator codes only)</label>
            <input
              id="enrol-ori"
              type="text"
              autoComplete="off"
              value={ori}
              onChange={(e) => setOri(e.target.value.toUpperCase())}
            />
          </div>
          <button type="submit" disabled={busy || code.trim().length < 4}>
            {status.enrolled ? 'Enrol again' : 'Enrol'}
          </button>
        </form>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? '' : 'error-text'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
