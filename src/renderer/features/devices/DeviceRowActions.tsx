import type { ReactNode } from 'react';

import type { DeviceSectionView } from './useDeviceSection';

type Props<D> = {
  readonly device: D;
  readonly state: DeviceSectionView<D>;
  /** Runs the delete once the clerk confirmed it. */
  readonly onDelete: () => void;
  /** The device's own buttons (Check, Test page, Test scan…), before Edit and Delete. */
  readonly children: ReactNode;
};

/**
 * The actions cell of a device row. Delete asks first, in place, with Keep focused so a
 * stray Enter keeps the device.
 */
export function DeviceRowActions<D extends { readonly id: string; readonly name: string }>({
  device,
  state,
  onDelete,
  children,
}: Props<D>) {
  const { id, name } = device;
  return (
    <td className="actions">
      {state.confirmDelete === id ? (
        <span className="confirm" role="group" aria-label={`Delete ${name}?`}>
          Delete?
          <button type="button" className="danger" onClick={onDelete}>
            Delete
          </button>
          <button type="button" onClick={() => state.setConfirmDelete(null)} autoFocus>
            Keep
          </button>
        </span>
      ) : (
        <>
          {children}
          <button
            type="button"
            onClick={() => state.openForm(device)}
            disabled={state.formOpen}
            aria-label={`Edit ${name}`}
          >
            Edit
          </button>
          <button
            type="button"
            onClick={() => state.setConfirmDelete(id)}
            aria-label={`Delete ${name}`}
          >
            Delete
          </button>
        </>
      )}
    </td>
  );
}
