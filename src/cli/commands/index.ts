/**
 * The command registry of `ccpor`: every export of this file is a command group (`CliGroup`, see
 * ../command.ts), listed by `ccpor --help` in alphabetical order.
 *
 * To add a group, write `src/cli/commands/<group>.ts` exporting `<group>Group: CliGroup` and add
 * ONE line here, e.g. `export { aamvaGroup } from './aamva';`. Argument counting, option parsing,
 * help text, JSON output and exit codes come from the dispatcher (../run.ts).
 */
export { aamvaGroup } from './aamva';
export { calendarGroup } from './calendar';
export { cletsGroup } from './clets';
export { orderGroup } from './order';
