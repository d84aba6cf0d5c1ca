import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/** The open add/edit form of a device section: the device edited (null adds one) and a prefill. */
export type DeviceFormState<D, P = never> = {
  readonly editing: D | null;
  readonly prefill?: P;
};

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

type Options<T, D> = {
  /** "Printer": starts the notices read out after a save or delete. */
  readonly noun: string;
  /** Reads the section's list from main. */
  readonly load: () => Promise<T>;
  /** Deletes one device in main and returns the list without it. */
  readonly deleteDevice: (device: D) => Promise<T>;
};

/**
 * State every Devices page section keeps: its list as main last returned it (`T`), the open
 * form, the confirm-delete row, per-row errors and the screen-reader notice. Focus goes back to
 * the section's Add button when the form closes or a device is deleted.
 */
export function useDeviceSection<
  T,
  D extends { readonly id: string; readonly name: string },
  P = never,
>({ noun, load, deleteDevice }: Options<T, D>) {
  const [data, setData] = useState<T | null>(null);
  const [loadError, setLoadError] = useState('');
  const [form, setForm] = useState<DeviceFormState<D, P> | null>(null);
  const [notice, setNotice] = useState('');
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [rowError, setRowError] = useState<Record<string, string>>({});
  const addButton = useRef<HTMLButtonElement>(null);

  // The list is read once, when the section mounts; later changes come back from each save.
  const loadOnce = useRef(load);
  useEffect(() => {
    loadOnce.current().then(setData, (e) => setLoadError(messageOf(e)));
  }, []);

  // Focus returns to the Add button once the form is gone and the button is enabled again
  // (focusing it in the same handler does nothing: it is still disabled then).
  const returnFocus = useRef(false);
  useEffect(() => {
    if (form === null && returnFocus.current) {
      returnFocus.current = false;
      addButton.current?.focus();
    }
  }, [form]);
  const openForm = (editing: D | null) => setForm({ editing });
  const closeForm = () => {
    returnFocus.current = true;
    setForm(null);
  };

  const rowFailed = (id: string, e: unknown) => setRowError((r) => ({ ...r, [id]: messageOf(e) }));
  const clearRowError = (id: string) => setRowError((r) => ({ ...r, [id]: '' }));

  /** A save came back: show the new list, say so, close the form. */
  const saved = (next: T, name: string) => {
    setData(next);
    setNotice(`${noun} ${name} was saved.`);
    closeForm();
  };

  /** Deletes after the clerk confirmed; a refusal is shown on the device's row. */
  const remove = async (device: D) => {
    try {
      setData(await deleteDevice(device));
      setNotice(`${noun} ${device.name} was deleted.`);
      setConfirmDelete(null);
      addButton.current?.focus();
    } catch (e) {
      rowFailed(device.id, e);
    }
  };

  const formOpen = form !== null;
  return {
    data,
    setData,
    loadError,
    notice,
    setNotice,
    addButton,
    rowError,
    rowFailed,
    clearRowError,
    form,
    setForm,
    formOpen,
    openForm,
    closeForm,
    saved,
    confirmDelete,
    setConfirmDelete,
    remove,
  };
}

/** The part of a section's state its frame and row actions use (whatever the device type). */
export type DeviceSectionView<D> = {
  readonly addButton: RefObject<HTMLButtonElement | null>;
  readonly notice: string;
  readonly loadError: string;
  readonly formOpen: boolean;
  readonly openForm: (editing: D | null) => void;
  readonly confirmDelete: string | null;
  readonly setConfirmDelete: (id: string | null) => void;
  readonly remove: (device: D) => Promise<void>;
};
