import type { ReactNode } from 'react';

type Props = {
  readonly className: string;
  /** What the last row action failed with ('' or undefined when nothing failed). */
  readonly error: string | undefined;
  /** The device's state and the outcome of its last check or test. */
  readonly children: ReactNode;
};

/**
 * The status cell of a device row: a polite live region, so the outcome of a check or test
 * (or its failure, shown last) is read out without moving focus from the row's buttons.
 */
export function DeviceStatusCell({ className, error, children }: Props) {
  return (
    <td className={className} aria-live="polite">
      {children}
      {error && <div className="error-text">{error}</div>}
    </td>
  );
}
