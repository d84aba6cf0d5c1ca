/**
 * `ccpor aamva parse FILE`: read a driver's-licence barcode payload (the raw PDF417 text, as a
 * HID/serial reader or a decoded image delivers it) and print the normalised licence record,
 * so a clerk or a script can check what a card will fill in (src/shared/aamva).
 */
import { AamvaError, parseAamva } from '../../shared/aamva';
import { CliInputError, type CliGroup } from '../command';

/** `ccpor aamva …` */
export const aamvaGroup: CliGroup = {
  name: 'aamva',
  summary: "Driver's licence (AAMVA PDF417) barcode data",
  commands: [
    {
      name: 'parse',
      summary: 'The licence fields in a raw AAMVA payload file ("-" reads standard input)',
      args: [{ name: 'FILE' }],
      options: [
        {
          name: 'show',
          value: 'licence|full',
          help: 'licence (default): the record only; full: also filled/unmapped fields, warnings and raw elements',
        },
      ],
      run: async ({ args, options, io }) => {
        const file = args[0] ?? '';
        const show = options.show ?? 'licence';
        if (show !== 'licence' && show !== 'full') {
          throw new CliInputError(`--show must be "licence" or "full", not "${show}"`);
        }
        const source = file === '-' ? 'standard input' : file;
        const text = file === '-' ? await io.readStdin() : await io.readFile(file);
        try {
          const result = parseAamva(text);
          return { json: show === 'full' ? result : result.licence };
        } catch (error) {
          if (error instanceof AamvaError) throw new CliInputError(`${source}: ${error.message}`);
          throw error;
        }
      },
    },
  ],
};
