/**
 * The vocabulary of generated forms: a form is sections of fields, each field bound to a
 * dotted path of the order model (`restrained.name.last`, `protected.0.dob`).
 */
export type FieldValue = string | boolean | readonly string[];

/** The form's values as the clerk left them: exactly what a draft stores. */
export type FormValues = Readonly<Record<string, FieldValue>>;

export type Option = { readonly value: string; readonly label: string };

export type FieldKind =
  | 'text'
  | 'code'
  | 'select'
  | 'date'
  | 'datetime'
  | 'number'
  | 'checkbox'
  | 'checkboxes'
  | 'textarea';

export type Field = {
  /** The value key, also the DOM id suffix and the error path it shows. */
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly options?: readonly Option[];
  readonly hint?: string;
  /** Narrow fields share a row in the grid (e.g. height feet and inches). */
  readonly width?: 'narrow' | 'wide' | 'full';
  /** Shown only when this other field has this value (or one of these values). */
  readonly when?: { readonly key: string; readonly equals: FieldValue };
};

export type Section = {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly Field[];
  /** A repeating group (protected persons): fields use `{i}` in their keys. */
  readonly repeat?: {
    readonly countKey: string;
    readonly itemLabel: string;
    readonly min: number;
    readonly max: number | null;
  };
  readonly confidential?: boolean;
  readonly note?: string;
};

/** Reads a field's text value ('' when unset or not text). */
export function textOf(values: FormValues, key: string): string {
  const v = values[key];
  return typeof v === 'string' ? v : '';
}

export function listOf(values: FormValues, key: string): readonly string[] {
  const v = values[key];
  return Array.isArray(v) ? (v as readonly string[]) : [];
}

export function flagOf(values: FormValues, key: string): boolean {
  return values[key] === true;
}

/** Replaces `{i}` in a repeated field's key with the item index. */
export function itemKey(key: string, index: number): string {
  return key.replace('{i}', String(index));
}
