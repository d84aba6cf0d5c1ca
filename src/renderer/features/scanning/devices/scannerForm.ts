/**
 * The scanner form's values and their mapping to and from `ScannerConfig`. Main validates
 * (`scanner:save-scanner` checks the shared schema and unique names); this turns its issues
 * into per-field messages in the clerk's words.
 */
import type { ScannerConfig } from '../../../../shared/ipc/contracts/scanner';
import type { ClerkIpcError } from '../../../../shared/ipc/envelope';

export type ScannerFormValues = {
  readonly kind: ScannerConfig['kind'];
  readonly name: string;
  /** SANE or NAPS2 device name. */
  readonly device: string;
  /** SANE extra options, one `--name=value` per line. */
  readonly options: string;
  readonly url: string;
  readonly consolePath: string;
  readonly driver: 'twain' | 'wia' | 'escl';
  readonly profile: string;
};

export type ScannerField = keyof ScannerFormValues;

/** What `scanner:save-scanner` takes. */
export type ScannerSaveInput =
  | {
      kind: 'sane';
      id?: string;
      name: string;
      device: string;
      options: string[];
    }
  | { kind: 'escl'; id?: string; name: string; url: string }
  | {
      kind: 'naps2';
      id?: string;
      name: string;
      consolePath: string;
      driver: 'twain' | 'wia' | 'escl';
      device: string;
      profile?: string;
    };

export const emptyScannerForm: ScannerFormValues = {
  kind: 'sane',
  name: '',
  device: '',
  options: '',
  url: '',
  consolePath: 'C:\\Program Files\\NAPS2\\NAPS2.Console.exe',
  driver: 'twain',
  profile: '',
};

/** The form filled from a saved scanner. */
export function formFromScanner(s: ScannerConfig): ScannerFormValues {
  const base = { ...emptyScannerForm, kind: s.kind, name: s.name };
  if (s.kind === 'sane') return { ...base, device: s.device, options: s.options.join('\n') };
  if (s.kind === 'escl') return { ...base, url: s.url };
  return {
    ...base,
    device: s.device,
    consolePath: s.consolePath,
    driver: s.driver,
    profile: s.profile ?? '',
  };
}

/** Splits a list typed one per line, or separated by commas or spaces; blanks dropped. */
export function splitList(text: string, separators = /[\s,]+/): string[] {
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What is sent to main: only the fields of the chosen connection, trimmed. */
export function scannerFromForm(v: ScannerFormValues, id?: string): ScannerSaveInput {
  const common = { ...(id ? { id } : {}), name: v.name.trim() };
  if (v.kind === 'sane') {
    return {
      ...common,
      kind: 'sane',
      device: v.device.trim(),
      options: splitList(v.options, /\n+/),
    };
  }
  if (v.kind === 'escl') return { ...common, kind: 'escl', url: v.url.trim() };
  const profile = v.profile.trim();
  return {
    ...common,
    kind: 'naps2',
    consolePath: v.consolePath.trim(),
    driver: v.driver,
    device: v.device.trim(),
    ...(profile ? { profile } : {}),
  };
}

/** Used when main's message is zod's generic wording rather than a sentence for a clerk. */
const plainWords: Readonly<Record<ScannerField, string>> = {
  kind: 'Choose how the workstation reaches the scanner.',
  name: 'Enter the scanner name clerks will see (up to 80 characters).',
  device: 'Enter the device name exactly as the scanner list shows it.',
  options: 'Write each extra option on its own line as --name=value.',
  url: 'Enter the scanner address as http://…/eSCL.',
  consolePath: 'Enter the full path of NAPS2.Console.exe.',
  driver: 'Choose the NAPS2 driver.',
  profile: 'Enter the NAPS2 profile name, or leave it empty.',
};

const generic = /^(Too (small|big)|Invalid|Expected|Required)/;

export type ScannerFormErrors = {
  readonly fields: Partial<Record<ScannerField, string>>;
  readonly summary: string;
};

/** Per-field messages from a `scanner:save-scanner` refusal. */
export function scannerFormErrors(error: unknown): ScannerFormErrors {
  const issues = (error as Partial<ClerkIpcError>).issues ?? [];
  const fields: Partial<Record<ScannerField, string>> = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] as ScannerField;
    if (!(field in plainWords) || fields[field]) continue;
    fields[field] = generic.test(issue.message) ? plainWords[field] : issue.message;
  }
  const count = Object.keys(fields).length;
  const message = error instanceof Error ? error.message : String(error);
  return {
    fields,
    summary:
      count > 0
        ? `The scanner was not saved: ${count === 1 ? 'fix the field marked below' : `fix the ${count} fields marked below`}.`
        : `The scanner was not saved. ${message}`,
  };
}
