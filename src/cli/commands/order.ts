/**
 * `ccpor order …`: the order-type catalog and the order check (src/shared/orders).
 */
import { checkOrder, listOrderTypes } from '../../shared/orders';
import { isIsoDate } from '../../shared/time/dates';
import { parseJsonText } from '../io';
import { CliInputError, type CliGroup } from '../command';
import { checkOptionsOf, orderCheckOptions } from './orderOptions';

/** `ccpor order …` */
export const orderGroup: CliGroup = {
  name: 'order',
  summary: 'Order types and the order check',
  commands: [
    {
      name: 'types',
      summary: 'Every order type in force: [{"code","name","forms","maxDuration","clets"}]',
      args: [],
      options: [
        {
          name: 'on',
          value: 'YYYY-MM-DD',
          help: 'the types in force on that date (default today)',
        },
      ],
      run: ({ options }) => {
        const on = options.on;
        if (on !== undefined && !isIsoDate(on)) {
          throw new CliInputError(`--on must be a real date written YYYY-MM-DD; got "${on}"`);
        }
        const types = listOrderTypes(on).map((t) => ({
          code: t.code,
          name: t.name,
          forms: t.forms,
          maxDuration: t.maxDuration,
          clets: t.clets,
        }));
        return { json: types };
      },
    },
    {
      name: 'check',
      summary: 'Validates an order JSON file: {"ok","errors":[{"path","message"}],"derived":{…}}',
      args: [{ name: 'FILE' }],
      options: orderCheckOptions,
      run: async (input) => {
        const file = input.args[0] ?? '';
        const options = checkOptionsOf(input);
        const json = parseJsonText(await input.io.readFile(file), file);
        const checked = checkOrder(json, options);
        // The documented output is exactly these three keys (the parsed order is not echoed).
        const result = { ok: checked.ok, errors: checked.errors, derived: checked.derived };
        if (result.ok) return { json: result };
        const n = result.errors.length;
        return {
          json: result,
          exitCode: 1,
          error: `${file} is not a valid order: ${n} problem${n === 1 ? '' : 's'} (listed on stdout)`,
        };
      },
    },
  ],
};
