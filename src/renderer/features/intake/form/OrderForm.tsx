import { Fragment } from 'react';
import type { ReactNode } from 'react';

import type { FieldValue, FormValues, Section } from './fieldTypes';
import { itemKey, textOf } from './fieldTypes';
import { FormField, fieldDomId } from './FormField';

type Props = {
  readonly sections: readonly Section[];
  readonly values: FormValues;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (key: string, value: FieldValue) => void;
  readonly onBlur: (key: string) => void;
  /** Extra content shown at the end of a section, by section id (e.g. the computed expiry). */
  readonly notes?: Readonly<Record<string, ReactNode>>;
};

function visible(
  values: FormValues,
  when: { key: string; equals: FieldValue } | undefined,
  index?: number,
) {
  if (!when) return true;
  const key = index === undefined ? when.key : itemKey(when.key, index);
  const value = values[key];
  return Array.isArray(when.equals) ? when.equals.includes(value as string) : value === when.equals;
}

/** Renders a generated form: sections, repeated groups, inline errors. */
export function OrderForm({ sections, values, errors, onChange, onBlur, notes }: Props) {
  return (
    <div className="order-form">
      {sections.map((section) => {
        const body = (index?: number) =>
          section.fields
            .filter((f) => visible(values, f.when, index))
            .map((f) => {
              const key = index === undefined ? f.key : itemKey(f.key, index);
              return (
                <FormField
                  key={key}
                  field={f}
                  fieldKey={key}
                  value={values[key]}
                  error={errors[key]}
                  onChange={onChange}
                  onBlur={onBlur}
                />
              );
            });
        if (!section.repeat) {
          return (
            <fieldset
              key={section.id}
              className={`form-section${section.confidential ? ' confidential' : ''}`}
              id={`section-${section.id}`}
            >
              <legend>{section.title}</legend>
              {section.note && <p className="section-note">{section.note}</p>}
              <div className="field-grid">{body()}</div>
              {notes?.[section.id]}
            </fieldset>
          );
        }
        const { countKey, itemLabel, min, max } = section.repeat;
        const count = Number(textOf(values, countKey) || '0');
        return (
          <fieldset key={section.id} className="form-section" id={`section-${section.id}`}>
            <legend>{section.title}</legend>
            {errors[section.id] && (
              <p className="field-error" id={fieldDomId(section.id)} tabIndex={-1}>
                {errors[section.id]}
              </p>
            )}
            {Array.from({ length: count }, (_, i) => (
              <Fragment key={i}>
                <div className="repeat-head">
                  <h3>
                    {itemLabel} {i + 1}
                  </h3>
                  {count > min && i === count - 1 && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onChange(countKey, String(count - 1))}
                    >
                      Remove {itemLabel.toLowerCase()} {i + 1}
                    </button>
                  )}
                </div>
                <div className="field-grid">{body(i)}</div>
              </Fragment>
            ))}
            {(max === null || count < max) && (
              <button
                type="button"
                id={`add-${section.id}`}
                className="secondary"
                onClick={() => onChange(countKey, String(count + 1))}
              >
                Add {itemLabel.toLowerCase()}
              </button>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
