/**
 * The options `order check` and `clets encode` share: the "now" for future-date rules, court
 * closures and close of business. A bad value is a bad command line, not a bad order: it gets
 * one stderr line naming the flag (checkOrder's own option rules), before any file is read.
 */
import { checkOptionErrors, type CheckOptions } from '../../shared/orders';
import { CliInputError, type CliInput, type CliOption } from '../command';

/** `--now`, `--closed`, `--close-of-business`. */
export const orderCheckOptions: readonly CliOption[] = [
  {
    name: 'now',
    value: 'DATE-TIME',
    help: 'judge future dates against this instant (default: now)',
  },
  { name: 'closed', value: 'DATE[,DATE…]', help: 'court-specific closure dates' },
  {
    name: 'close-of-business',
    value: 'HH:MM',
    help: 'close of judicial business for EPO expiry (default 17:00)',
  },
];

/** The flag each `options.*` error path came from. */
const FLAG_OF: Readonly<Record<string, string>> = {
  'options.now': 'now',
  'options.closures': 'closed',
  'options.closeOfBusiness': 'close-of-business',
};

/**
 * The CheckOptions the command line asked for. Throws a {@link CliInputError} (exit 1, one
 * line) naming the flag and its value when a value is not valid.
 */
export function checkOptionsOf(input: CliInput): CheckOptions {
  const o = input.options;
  const options: CheckOptions = {
    ...(o.now === undefined ? {} : { now: o.now }),
    ...(o.closed === undefined ? {} : { closures: o.closed.split(',').map((d) => d.trim()) }),
    ...(o['close-of-business'] === undefined ? {} : { closeOfBusiness: o['close-of-business'] }),
  };
  const errors = checkOptionErrors(options);
  if (errors.length > 0) {
    const problems = errors.map((e) => {
      const flag = FLAG_OF[e.path] ?? e.path;
      return `--${flag} "${o[flag] ?? ''}": ${e.message}`;
    });
    throw new CliInputError(problems.join(' '));
  }
  return options;
}
