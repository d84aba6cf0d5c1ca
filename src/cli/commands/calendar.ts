/**
 * `ccpor calendar …`: the California court calendar from the command line, for clerks checking
 * a deadline and for scripts (src/shared/calendar).
 */
import {
  addCourtDays,
  cletsDueBy,
  holidaysFor,
  isCourtDay,
  nextCourtDay,
} from '../../shared/calendar';
import { parseIsoDate } from '../../shared/time/dates';
import { CliInputError, type CliGroup, type CliInput, type CliOption } from '../command';

const closed: CliOption = {
  name: 'closed',
  value: 'DATE[,DATE…]',
  help: 'extra dates this court is closed (court-specific closures)',
};

/** The `--closed` dates, each checked, so a typo is an error rather than ignored. */
function closuresOf(input: CliInput): string[] {
  const raw = input.options.closed;
  if (raw === undefined) return [];
  const dates = raw.split(',').map((d) => d.trim());
  for (const d of dates) parseIsoDate(d);
  return dates;
}

/** The date argument, checked (InvalidDateError carries the clerk-readable reason). */
function dateArg(input: CliInput): string {
  const date = input.args[0] ?? '';
  parseIsoDate(date);
  return date;
}

/** `ccpor calendar …` */
export const calendarGroup: CliGroup = {
  name: 'calendar',
  summary: 'California court days and holidays',
  commands: [
    {
      name: 'next-court-day',
      summary: 'The next court day strictly after the date',
      args: [{ name: 'YYYY-MM-DD' }],
      options: [closed],
      run: (input) => ({ json: nextCourtDay(dateArg(input), closuresOf(input)) }),
    },
    {
      name: 'add-court-days',
      summary: 'The date N court days after the date (N may be negative)',
      args: [{ name: 'YYYY-MM-DD' }, { name: 'N' }],
      options: [closed],
      run: (input) => {
        const date = dateArg(input);
        const n = input.args[1] ?? '';
        if (!/^[+-]?\d{1,6}$/.test(n)) {
          throw new CliInputError(`N must be a whole number of court days, e.g. 5; got "${n}"`);
        }
        return { json: addCourtDays(date, Number(n), closuresOf(input)) };
      },
    },
    {
      name: 'is-court-day',
      summary: 'true when courts are open on the date, else false',
      args: [{ name: 'YYYY-MM-DD' }],
      options: [closed],
      run: (input) => ({ json: isCourtDay(dateArg(input), closuresOf(input)) }),
    },
    {
      name: 'holidays',
      summary: 'The observed court holidays of a year: [{"date","name"}]',
      args: [{ name: 'YYYY' }],
      run: (input) => {
        const year = input.args[0] ?? '';
        if (!/^\d{4}$/.test(year) || year === '0000') {
          throw new CliInputError(`Year must be 4 digits, e.g. 2026; got "${year}"`);
        }
        return { json: holidaysFor(Number(year)) };
      },
    },
    {
      name: 'clets-due-by',
      summary: 'When the CLETS entry for an event at this date-time is due (end of next court day)',
      args: [{ name: 'DATE-TIME' }],
      options: [closed],
      run: (input) => ({ json: cletsDueBy(input.args[0] ?? '', closuresOf(input)) }),
    },
  ],
};
