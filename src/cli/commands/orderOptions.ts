/**
 * The options `order check` and `clets encode` share: the "now" for future-date rules, court
 * closures and close of business. checkOrder validates their values and reports bad ones as
 * errors at `options.*`, so they are passed through as given.
 */
import type { CheckOptions } from '../../shared/orders';
import type { CliInput, CliOption } from '../command';

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

/** The CheckOptions the command line asked for. */
export function checkOptionsOf(input: CliInput): CheckOptions {
  const o = input.options;
  return {
    ...(o.now === undefined ? {} : { now: o.now }),
    ...(o.closed === undefined ? {} : { closures: o.closed.split(',').map((d) => d.trim()) }),
    ...(o['close-of-business'] === undefined ? {} : { closeOfBusiness: o['close-of-business'] }),
  };
}
