/**
 * `npm run registry -- --port N [--database-url URL] [--data-dir DIR] [--admin-code CODE]
 *   [--demo-users]` (the last adds the demo accounts of src/shared/auth/demoUsers.ts)
 * starts the registry alone and prints `Registry listening on http://127.0.0.1:N/` once it
 * serves. SIGINT and SIGTERM stop it cleanly (in-flight requests finish, the database closes).
 *
 * `npm run registry -- verify-audit` checks the audit hash chains (src/registry/audit/verifyCli.ts);
 * `npm run registry -- add-user …` creates an account (src/registry/auth/userCli.ts).
 * `npm run registry -- court-calendar import FILE | export [FILE]` replaces or writes the court
 * calendar (closures, close of business) as JSON (src/registry/calendar/calendarCli.ts).
 *
 * `npm run registry -- issue-code --court ORI [--label TEXT] [--data-dir DIR | --database-url URL]`
 * prints a one-time enrolment code for a court (PGlite: only while the registry is stopped,
 * because an embedded database has one process).
 */
import { seedDemoUsers } from './auth/demoUsers';
import { verifyAuditCommand } from './audit/verifyCli';
import { issueEnrolmentCode } from './auth/devices';
import { addUserCommand } from './auth/userCli';
import { courtCalendarCommand } from './calendar/calendarCli';
import { parseConfig } from './config';
import { openDatabase } from './db/open';
import { relayArgs, startInProcessRelay } from './relay/setup';
import { startRegistry } from './server';

async function issueCode(argv: readonly string[]): Promise<void> {
  const config = parseConfig(argv, process.env);
  const i = argv.indexOf('--court');
  const court = i >= 0 ? argv[i + 1] : undefined;
  if (!court || !/^[A-Z0-9]{5,12}$/.test(court)) {
    throw new Error('issue-code needs --court ORI (5–12 capital letters or digits)');
  }
  const l = argv.indexOf('--label');
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const issued = await issueEnrolmentCode(db, court, {
      label: l >= 0 ? (argv[l + 1] ?? '') : '',
    });
    console.log(
      `Enrolment code for ${court}: ${issued.code} (single use, expires ${issued.expiresAt})`,
    );
  } finally {
    await db.close();
  }
}

async function serve(argv: readonly string[]): Promise<void> {
  const config = parseConfig(argv, process.env);
  const relay = relayArgs(argv, process.env);
  const registry = await startRegistry(config, { relay: { token: relay.token } });
  if (argv.includes('--demo-users')) {
    // npm start's demo registry: the demo accounts (public passwords), never in production.
    const created = await seedDemoUsers(registry.db);
    if (created.length > 0) console.error(`[registry] demo accounts added: ${created.join(', ')}`);
  }
  const relayWorker = startInProcessRelay(
    registry.db,
    relay,
    undefined,
    registry.calendar.closuresFor,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[registry] ${signal}: stopping`);
    const timer = setTimeout(() => process.exit(1), 10_000);
    void Promise.resolve(relayWorker?.stop())
      .then(() => registry.close())
      .then(() => {
        clearTimeout(timer);
        process.exit(0);
      });
  };
  // Handlers first: whoever reads the listening line may signal at once.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const store =
    registry.db.backend === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.error(`[registry] store: ${store}`);
  console.log(`Registry listening on ${registry.url}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === 'issue-code') await issueCode(argv.slice(1));
  else if (argv[0] === 'verify-audit') process.exitCode = await verifyAuditCommand(argv.slice(1));
  else if (argv[0] === 'add-user') console.log(await addUserCommand(argv.slice(1)));
  else if (argv[0] === 'court-calendar') console.log(await courtCalendarCommand(argv.slice(1)));
  else if (argv[0] !== undefined && !argv[0].startsWith('--')) {
    throw new Error(
      `Unknown command "${argv[0]}". Use: registry [--port N ...] | registry issue-code --court ORI | registry verify-audit | registry add-user --court ORI --username NAME --role ROLE | registry court-calendar import FILE | registry court-calendar export [FILE]`,
    );
  } else await serve(argv);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const e = error as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? `Port already in use: ${e.message}` : e.message);
    process.exit(1);
  });
}
