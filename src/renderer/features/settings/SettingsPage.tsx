import type { RefObject } from 'react';

import { useAppSelector } from '../../app/hooks';
import { selectAppInfo, selectAppInfoError } from '../session/sessionSlice';
import { SecuritySettings } from '../auth/settings/SecuritySettings';
import { RegistrySettings } from '../sync/RegistrySettings';

type Props = { readonly headingRef: RefObject<HTMLHeadingElement | null> };

const shellLabel = { electron: 'Desktop application', host: 'Browser host (loopback)' } as const;

export function SettingsPage({ headingRef }: Props) {
  const info = useAppSelector(selectAppInfo);
  const error = useAppSelector(selectAppInfoError);
  return (
    <section aria-labelledby="area-heading" className="page">
      <h1 id="area-heading" ref={headingRef} tabIndex={-1}>
        Settings
      </h1>
      <p className="page-purpose">Workstation and registry settings</p>
      <section className="panel" aria-labelledby="about-heading">
        <h2 id="about-heading">About this workstation</h2>
        {error ? (
          <p role="alert" className="error-text">
            Could not read the workstation details: {error}
          </p>
        ) : !info ? (
          <p aria-live="polite">Loading…</p>
        ) : (
          <dl className="facts" data-testid="app-info">
            <dt>Application</dt>
            <dd>{info.name}</dd>
            <dt>Version</dt>
            <dd data-testid="app-version">{info.version}</dd>
            <dt>Running as</dt>
            <dd data-testid="app-shell">{shellLabel[info.shell]}</dd>
            <dt>Data folder</dt>
            <dd data-testid="app-data-dir">
              <code>{info.dataDir}</code>
            </dd>
            <dt>Platform</dt>
            <dd>{info.platform}</dd>
            <dt>Started</dt>
            <dd>{new Date(info.startedAt).toLocaleString()}</dd>
          </dl>
        )}
      </section>
      <RegistrySettings />
      <SecuritySettings />
    </section>
  );
}
