import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';

type Options<V, E> = {
  readonly initial: V | (() => V);
  /** Saves the values and reports success to the caller; throws when main refuses them. */
  readonly save: (values: V) => Promise<void>;
  /** Turns what `save` threw into the messages the form shows. */
  readonly toErrors: (error: unknown) => E;
};

/**
 * Values, errors and the busy flag of an add/edit form whose checking is done by main: a
 * refused save shows main's messages and lets the clerk try again. `first` gets focus on mount.
 */
export function useEditForm<V, E, F extends HTMLElement>({
  initial,
  save,
  toErrors,
}: Options<V, E>) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<E | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<F>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await save(values);
    } catch (error) {
      setErrors(toErrors(error));
      setBusy(false);
    }
  };
  return { values, setValues, errors, busy, first, submit };
}
