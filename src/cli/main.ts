/**
 * Entry point of `ccpor` (loaded by bin/ccpor.cjs after it registers tsx): runs the dispatcher
 * with the real I/O and sets the exit code.
 */
import { nodeIo } from './io';
import { runCli } from './run';

async function main(): Promise<void> {
  const result = await runCli(process.argv.slice(2), nodeIo);
  // A closed pipe (`ccpor … | head`) is not an error worth a stack trace.
  process.stdout.on('error', () => undefined);
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

void main();
