import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';

import type { OrderTypeEntry } from '../../../shared/orders/catalog/schema';

import { searchOrderTypes } from './typeSearch';

type Props = {
  readonly entries: readonly OrderTypeEntry[];
  readonly onPick: (entry: OrderTypeEntry) => void;
};

const phaseLabel: Record<OrderTypeEntry['phase'], string> = {
  emergency: 'Emergency',
  temporary: 'Temporary',
  'after-hearing': 'After hearing',
  renewal: 'Renewal',
  registration: 'Registration',
};

/**
 * Type a form number or a name, arrow to the right one, Enter. A combobox in the ARIA sense,
 * so screen readers announce the highlighted choice.
 */
export function TypePicker({ entries, onPick }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(() => searchOrderTypes(entries, query), [entries, query]);
  const current = matches[Math.min(active, matches.length - 1)];

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      onPick(current.entry);
    }
  };

  return (
    <div className="type-picker">
      <label htmlFor={`${listId}-input`} className="field-label">
        Order type — type a form number or a name (e.g. “DV-130”, “elder”)
      </label>
      <input
        id={`${listId}-input`}
        className="type-picker-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${listId}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${listId}-${current.entry.code}` : undefined}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="hint" aria-live="polite">
        {matches.length === 0
          ? 'No order type matches. Try the form number printed at the top of the order.'
          : `${matches.length} order type${matches.length === 1 ? '' : 's'}; Enter picks the highlighted one.`}
      </p>
      <ul id={`${listId}-list`} role="listbox" aria-label="Order types" className="type-list">
        {matches.map(({ entry }, i) => (
          <li
            key={entry.code}
            id={`${listId}-${entry.code}`}
            role="option"
            aria-selected={current?.entry.code === entry.code}
            className={i === active ? 'type-option active' : 'type-option'}
            onMouseDown={(e) => {
              e.preventDefault();
              onPick(entry);
            }}
          >
            <span className="type-code">{entry.code}</span>
            <span className="type-name">{entry.name}</span>
            <span className="type-phase">{phaseLabel[entry.phase]}</span>
            {!entry.clets && <span className="type-flag">Not sent to CLETS</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
