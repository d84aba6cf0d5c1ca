/**
 * `npm run registry -- verify-audit [--court ORI] [--anchors FILE] [--write-anchors FILE]
 *  [--json] [--data-dir DIR | --database-url URL]`
 *
 * Walks every court's audit chain and prints what is wrong with it; exit code 0 when intact,
 * 1 when any row was changed, deleted or inserted (or an anchor no longer matches). Keep the
 * file written by `--write-anchors` outside the database (WORM storage, a ticket, an e-mail)
 * and pass it to the next run as `--anchors`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

import { parseConfig } from '../config';
import { openDatabase } from '../db/open';

import { anchorsOf, verifyAuditChains, type Anchors, type VerifyReport } from './verify';

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

/** The report in words, one line per chain and per problem. */
export function describeReport(report: VerifyReport): string {
  const lines = report.chains.map(
    (c) => `court ${c.court}: ${c.rows} rows, head ${c.lastSeq} ${c.lastHash.slice(0, 16)}…`,
  );
  for (const p of report.problems) {
    lines.push(
      `PROBLEM ${p.kind} in court ${p.court}${p.courtSeq !== null ? ` at row ${p.courtSeq}` : ''}: ${p.detail}`,
    );
  }
  lines.push(
    report.ok
      ? `audit trail intact (${report.chains.length} chains)`
      : `audit trail NOT intact: ${report.problems.length} problem(s)`,
  );
  return lines.join('\n');
}

/** Runs the command; resolves with the process exit code. */
export async function verifyAuditCommand(
  argv: readonly string[],
  out: (line: string) => void = (l) => console.log(l),
): Promise<number> {
  // parseConfig reads only its own flags (--data-dir, --database-url, …).
  const config = parseConfig(argv, process.env);
  const court = flag(argv, '--court');
  const anchorsFile = flag(argv, '--anchors');
  const writeFile = flag(argv, '--write-anchors');
  const anchors = anchorsFile ? (JSON.parse(readFileSync(anchorsFile, 'utf8')) as Anchors) : {};
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const report = await verifyAuditChains(db, { ...(court ? { court } : {}), anchors });
    out(argv.includes('--json') ? JSON.stringify(report, null, 2) : describeReport(report));
    if (writeFile && report.ok)
      writeFileSync(writeFile, JSON.stringify(anchorsOf(report), null, 2));
    return report.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}
