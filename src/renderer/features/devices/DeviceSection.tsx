import type { ReactNode } from 'react';

import type { DeviceSectionView } from './useDeviceSection';

type Props = {
  /** "printers": names the heading id (`printers-heading`). */
  readonly id: string;
  readonly title: string;
  readonly addLabel: string;
  readonly testId?: string;
  /** What the clerk should know about this kind of device, under the heading. */
  readonly hint: ReactNode;
  /** "The printers could not be read", followed by main's reason. */
  readonly loadErrorText: string;
  readonly emptyText: string;
  /** How many devices are set up; null while the list is being read. */
  readonly count: number | null;
  readonly state: DeviceSectionView<never>;
  /** The device table, shown when there is at least one device. */
  readonly table: ReactNode;
  /** The form and anything below the table. */
  readonly children?: ReactNode;
};

/**
 * The frame of a Devices page section: heading with its Add button (disabled while a form is
 * open), a hint, a status line read out after a save or delete, the load error or empty note.
 */
export function DeviceSection(props: Props) {
  const { id, state, count } = props;
  return (
    <section
      className="panel device-section"
      aria-labelledby={`${id}-heading`}
      data-testid={props.testId}
    >
      <div className="section-head">
        <h2 id={`${id}-heading`}>{props.title}</h2>
        <button
          ref={state.addButton}
          type="button"
          onClick={() => state.openForm(null)}
          disabled={state.formOpen}
        >
          {props.addLabel}
        </button>
      </div>
      <p className="hint">{props.hint}</p>
      <p className="visually-hidden" role="status">
        {state.notice}
      </p>
      {state.loadError && (
        <p role="alert" className="error-text">
          {props.loadErrorText}: {state.loadError}
        </p>
      )}
      {count === 0 && !state.formOpen && <p className="empty-note">{props.emptyText}</p>}
      {count !== null && count > 0 && props.table}
      {props.children}
    </section>
  );
}
