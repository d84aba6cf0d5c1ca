/**
 * The printer form's values and their mapping to and from `PrinterConfig`. Validation is main's
 * (`print:save-printer` checks the shared schema and unique names); this turns its issues into
 * per-field messages, rewording zod's generic ones in the clerk's words.
 */
import type { ClerkIpcError } from '../../../../shared/ipc/envelope';
import type {
  Media,
  PrinterConfig,
  PrinterConfigInput,
  Sides,
} from '../../../../shared/printing/printers';
import { messageOf } from '../format';

export type PrinterFormValues = {
  readonly id: string;
  readonly name: string;
  readonly courtroom: string;
  readonly kind: 'ipp' | 'cups';
  readonly uri: string;
  readonly queue: string;
  readonly cupsServer: string;
  readonly defaultMedia: Media;
  readonly defaultSides: Sides;
};

export type PrinterField = keyof PrinterFormValues;

export const emptyPrinterForm: PrinterFormValues = {
  id: '',
  name: '',
  courtroom: '',
  kind: 'ipp',
  uri: '',
  queue: '',
  cupsServer: '',
  defaultMedia: 'na_letter_8.5x11in',
  defaultSides: 'one-sided',
};

export function formFromPrinter(p: PrinterConfig): PrinterFormValues {
  return {
    ...emptyPrinterForm,
    id: p.id,
    name: p.name,
    courtroom: p.courtroom,
    kind: p.kind,
    uri: p.kind === 'ipp' ? p.uri : '',
    queue: p.kind === 'cups' ? p.queue : '',
    cupsServer: p.kind === 'cups' ? (p.cupsServer ?? '') : '',
    defaultMedia: p.defaultMedia,
    defaultSides: p.defaultSides,
  };
}

/** What is sent to main: only the fields of the chosen connection, trimmed. */
export function printerFromForm(v: PrinterFormValues): PrinterConfigInput {
  const common = {
    id: v.id.trim(),
    name: v.name.trim(),
    courtroom: v.courtroom.trim(),
    defaultMedia: v.defaultMedia,
    defaultSides: v.defaultSides,
  };
  if (v.kind === 'ipp') return { ...common, kind: 'ipp', uri: v.uri.trim() };
  const server = v.cupsServer.trim();
  return {
    ...common,
    kind: 'cups',
    queue: v.queue.trim(),
    ...(server ? { cupsServer: server } : {}),
  };
}

/** A short id from the name ("Dept 3 — HP M404" → "dept-3-hp-m404"), unique among `taken`. */
export function suggestPrinterId(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || 'printer';
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** Used when main's message is zod's generic wording rather than a sentence for a clerk. */
const plainWords: Readonly<Record<PrinterField, string>> = {
  id: 'Enter a printer id: lowercase letters, digits and dashes (e.g. "dept-3").',
  name: 'Enter the printer name clerks will see (up to 80 characters).',
  courtroom: 'Enter the courtroom or department this printer serves (up to 80 characters).',
  kind: 'Choose how the workstation reaches the printer.',
  uri: 'Give the printer address as ipp://host:port/path.',
  queue: 'Enter the CUPS queue name (no spaces or slashes).',
  cupsServer: 'Enter the CUPS server as host:port, or leave it empty.',
  defaultMedia: 'Choose the paper size.',
  defaultSides: 'Choose one- or two-sided printing.',
};

const generic = /^(Too (small|big)|Invalid|Expected|Required)/;

export type PrinterFormErrors = {
  readonly fields: Partial<Record<PrinterField, string>>;
  /** The sentence for the error summary. */
  readonly summary: string;
};

/** Per-field messages from a `print:save-printer` refusal. */
export function printerFormErrors(error: unknown): PrinterFormErrors {
  const issues = (error as Partial<ClerkIpcError>).issues ?? [];
  const fields: Partial<Record<PrinterField, string>> = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] as PrinterField;
    if (!(field in plainWords) || fields[field]) continue;
    fields[field] = generic.test(issue.message) ? plainWords[field] : issue.message;
  }
  const count = Object.keys(fields).length;
  // A conflict's message is already a sentence for the clerk ("Another printer is called …").
  const conflict = (error as Partial<ClerkIpcError>).code === 'conflict';
  return {
    fields,
    summary:
      count > 0 && !conflict
        ? `The printer was not saved: ${count === 1 ? 'fix the field marked below' : `fix the ${count} fields marked below`}.`
        : `The printer was not saved. ${messageOf(error)}`,
  };
}
