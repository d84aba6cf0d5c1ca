import { useEffect, useRef } from 'react';

import { SessionMenu } from '../features/auth/SessionMenu';
import { StatusBar } from '../features/status/StatusBar';

import { AreaView } from './AreaView';
import { areas } from './areas';
import { useFocusOnChange } from './useFocusOnChange';
import { useHashArea } from './useHashArea';

/** Title bar, navigation, the current area and the status bar. */
export function AppFrame() {
  const current = useHashArea();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(current, headingRef);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const area = areas.find((a) => a.key === e.key);
      if (!area) return;
      e.preventDefault();
      window.location.hash = `#/${area.id}`;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="frame">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          headingRef.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="titlebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            CA
          </span>
          <div>
            <div className="brand-name">CCPOR Clerk Workstation</div>
            <div className="brand-sub">California Courts Protective Order Registry</div>
          </div>
        </div>
        <SessionMenu />
      </header>
      <nav className="sidenav" aria-label="Areas">
        <ul>
          {areas.map((area) => (
            <li key={area.id}>
              <a
                href={`#/${area.id}`}
                aria-current={area.id === current ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${area.key}`}
                title={`${area.purpose} (Alt+${area.key})`}
              >
                <span className="nav-label">{area.label}</span>
                <kbd className="nav-key" aria-hidden="true">
                  Alt+{area.key}
                </kbd>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main-content" className="content">
        <AreaView area={current} headingRef={headingRef} />
      </main>
      <StatusBar />
    </div>
  );
}
