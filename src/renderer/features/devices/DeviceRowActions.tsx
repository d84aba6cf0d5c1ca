import type { DeviceSectionView } from './useDeviceSection';

/** One of a device's own row buttons: its text, its accessible name and what it does. */
export type RowAction = {
  readonly text: string;
  readonly label: string;
  readonly run: () => void;
  readonly disabled?: boolean | undefined;
};

type Props<D> = {
  readonly device: D;
  readonly state: DeviceSectionView<D>;
  /** The device's own buttons (Check, Test page, Test scan…), before Edit and Delete. */
  readonly actions: readonly RowAction[];
};

/**
 * The actions cell of a device row. Delete asks first, in place, with Keep focused so a
 * stray Enter keeps the device.
 */
export function DeviceRowActions<D extends { readonly id: string; readonly name: string }>({
  device,
  state,
  actions,
}: Props<D>) {
  const { id, name } = device;
  return (
    <td className="actions">
      {state.confirmDelete === id ? (
        <span className="confirm" role="group" aria-label={`Delete ${name}?`}>
          Delete?
          <button type="button" className="danger" onClick={() => void state.remove(device)}>
            Delete
          </button>
          <button type="button" onClick={() => state.setConfirmDelete(null)} autoFocus>
            Keep
          </button>
        </span>
      ) : (
        <>
          {actions.map((a) => (
            <button
              key={a.text}
              type="button"
              onClick={a.run}
              disabled={a.disabled}
              aria-label={a.label}
            >
              {a.text}
            </button>
          ))}
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
