import type { ComponentType, RefObject } from 'react';

import { LicenceReadersSection } from '../licence/devices/LicenceReadersSection';
import { PrintersSection } from '../print/devices/PrintersSection';
import { ScannersSection } from '../scanning/devices/ScannersSection';

type Props = { readonly headingRef: RefObject<HTMLHeadingElement | null> };

/**
 * Device sections, in page order. Each device feature (scanners, printers, licence readers)
 * adds its section here; the page itself holds no device logic.
 */
const sections: readonly { readonly id: string; readonly Component: ComponentType }[] = [
  { id: 'scanners', Component: ScannersSection },
  { id: 'printers', Component: PrintersSection },
  { id: 'licence-readers', Component: LicenceReadersSection },
];

/** Scanners, printers and licence readers configured on this workstation. */
export function DevicesPage({ headingRef }: Props) {
  return (
    <section aria-labelledby="area-heading" className="page page-wide">
      <h1 id="area-heading" ref={headingRef} tabIndex={-1}>
        Devices
      </h1>
      <p className="page-purpose">Scanners, printers and licence readers on this workstation.</p>
      {sections.length === 0 && (
        <div className="empty-state" role="note">
          <p>No device types are installed in this build.</p>
        </div>
      )}
      {sections.map(({ id, Component }) => (
        <Component key={id} />
      ))}
    </section>
  );
}
