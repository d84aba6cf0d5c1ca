/**
 * `ccpor clets …`: turn an order into CLETS message text and read message text back
 * (src/shared/clets codec; records built by src/shared/orders).
 */
import { decodeMessage, encodeMessage, type CletsField } from '../../shared/clets';
import {
  checkOrder,
  lifecycleEventDef,
  lifecycleEventNames,
  orderToCletsRecords,
  type LifecycleEvent,
} from '../../shared/orders';
import { parseJsonText } from '../io';
import { CliInputError, type CliGroup } from '../command';
import { checkOptionsOf, orderCheckOptions } from './orderOptions';

/** The `--event` value, checked against the lifecycle table. */
function eventOf(value: string | undefined): LifecycleEvent {
  const event = value ?? 'issued';
  const known: readonly string[] = lifecycleEventNames;
  if (!known.includes(event)) {
    throw new CliInputError(`Unknown event "${event}"; use one of ${known.join(', ')}`);
  }
  return event as LifecycleEvent;
}

/** `ccpor clets …` */
export const cletsGroup: CliGroup = {
  name: 'clets',
  summary: 'CLETS message text (NCIC-style TAG/value)',
  commands: [
    {
      name: 'encode',
      summary: 'The CLETS message for an order JSON file, one record per line',
      args: [{ name: 'FILE' }],
      options: [
        {
          name: 'event',
          value: 'EVENT',
          help: `lifecycle event to send: ${lifecycleEventNames.join(', ')} (default issued)`,
        },
        ...orderCheckOptions,
      ],
      run: async (input) => {
        const file = input.args[0] ?? '';
        const event = eventOf(input.options.event);
        const options = checkOptionsOf(input);
        const checked = checkOrder(parseJsonText(await input.io.readFile(file), file), options);
        if (!checked.ok || !checked.order) {
          const n = checked.errors.length;
          return {
            json: { ok: false, errors: checked.errors, derived: checked.derived },
            exitCode: 1,
            error: `${file} is not a valid order (${n} problem${n === 1 ? '' : 's'} listed on stdout); nothing was encoded`,
          };
        }
        let records: CletsField[][];
        try {
          records = orderToCletsRecords(checked.order, event, {
            closures: options.closures,
            closeOfBusiness: options.closeOfBusiness,
          });
        } catch (e) {
          throw new CliInputError(`${file} cannot be sent as "${event}": ${(e as Error).message}`);
        }
        // Each record starts with its message key, from the lifecycle table (INFERRED keys).
        const key: CletsField = { tag: 'MKE', value: lifecycleEventDef(event).mke };
        const keyed = records.map((r) => (r[0]?.tag === 'MKE' ? r : [key, ...r]));
        return { lines: encodeMessage(keyed).split('\n') };
      },
    },
    {
      name: 'decode',
      summary: 'Reads CLETS message text (stdin, or FILE) and prints its records as JSON',
      args: [{ name: 'FILE', optional: true }],
      run: async ({ args, io }) => {
        const file = args[0];
        const text = file === undefined ? await io.readStdin() : await io.readFile(file);
        return { json: decodeMessage(text) };
      },
    },
  ],
};
