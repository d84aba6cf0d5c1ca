import type { FieldValue, FormValues } from './fieldTypes';
import { textOf } from './fieldTypes';
import { CLONED_FROM, CLONED_FROM_LABEL, REPLACES } from './cloneSource';

type Props = {
  readonly values: FormValues;
  readonly onChange: (key: string, value: FieldValue) => void;
};

/** For a cloned draft: where the parties came from, and the clerk's choice that it replaces it. */
export function ReplacesChoice({ values, onChange }: Props) {
  const source = textOf(values, CLONED_FROM);
  if (!source) return null;
  const label = textOf(values, CLONED_FROM_LABEL) || 'the earlier order';
  return (
    <fieldset className="replaces-choice" data-testid="replaces-choice">
      <legend>Cloned order</legend>
      <p className="hint">Parties, court and case were copied from {label}.</p>
      <label>
        <input
          type="checkbox"
          checked={textOf(values, REPLACES) === source}
          onChange={(e) => onChange(REPLACES, e.target.checked ? source : '')}
        />{' '}
        This order replaces {label} (e.g. the order after hearing that replaces its temporary order)
      </label>
    </fieldset>
  );
}
