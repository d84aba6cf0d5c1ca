/**
 * A real IPP Everywhere printer for tests: CUPS' `ippeveprinter` on loopback at a free port,
 * with `-r off` (no DNS-SD), a private spool folder and a private D-Bus (ippeveprinter will not
 * start without a reachable bus, even with `-r off`; no avahi-daemon is involved).
 *
 * Every document is handed to a capture command (`-c`) that keeps the bytes and dumps the job
 * attributes ippeveprinter puts in its environment (IPP_COPIES, IPP_SIDES, …) — a complete
 * oracle for what the printer received.
 *
 * Faults are injected the way a real printer application reports them: ippeveprinter reads
 * CUPS-style `STATE:` and `ERROR:` lines from its print command's stderr (ippeveprinter(1),
 * "COMMAND OUTPUT"). `injectFault('media-jam', 'Paper jam in tray 1')` makes the next document
 * report `STATE: +media-jam` while it "prints" (the printer shows `media-jam-warning`), then
 * fail with the message, so the job ends `aborted` exactly as on a jammed printer. The next
 * document clears the state (`STATE: -media-jam`) and prints.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort, waitForPort } from '../../helpers/ports';

import { startDaemon, waitFor } from './processes';
import type { Daemon } from './processes';

/** One document as the printer received it. */
export type CapturedJob = {
  readonly jobId: number;
  readonly file: string;
  readonly bytes: Buffer;
  /** IPP_* and CONTENT_TYPE variables, e.g. `attrs.IPP_COPIES === '2'`. */
  readonly attrs: Readonly<Record<string, string>>;
};

export type IppPrinterPeer = {
  readonly uri: string;
  readonly port: number;
  readonly dir: string;
  /** Makes the next document fail with printer-state-reason `reason` (e.g. media-jam). */
  injectFault(reason: string, message: string, holdSeconds?: number): void;
  /** Keeps each following document "printing" for `seconds` (0 to stop). */
  setPrintSeconds(seconds: number): void;
  captured(): CapturedJob[];
  waitForCapture(jobId: number, timeoutMs?: number): Promise<CapturedJob>;
  /** Waits for the document whose job-name is `jobName` (jobs that came through CUPS). */
  waitForJobNamed(jobName: string, timeoutMs?: number): Promise<CapturedJob>;
  log(): string;
  stop(): Promise<void>;
};

export type IppPrinterPeerOptions = {
  readonly name?: string;
  /** Report two-sided support (-2); default true. */
  readonly duplex?: boolean;
};

const captureScript = (dir: string) => `#!/bin/sh
# ippeveprinter print command: keep the document and its job attributes, then act out faults.
out="${dir}/captured/job-$IPP_JOB_ID"
cp "$1" "$out.pdf"
env | grep -E '^(IPP_|CONTENT_TYPE=)' | sort > "$out.env.tmp" && mv "$out.env.tmp" "$out.env"
ctl="${dir}/ctl"
if [ -f "$ctl/fault" ]; then
  reason=$(sed -n 1p "$ctl/fault"); message=$(sed -n 2p "$ctl/fault"); hold=$(sed -n 3p "$ctl/fault")
  rm -f "$ctl/fault"
  echo "STATE: +$reason" >&2
  sleep "\${hold:-1}"
  echo "ERROR: $message" >&2
  exit 1
fi
echo "STATE: -media-jam,media-empty,media-needed,door-open,toner-empty" >&2
if [ -f "$ctl/print-seconds" ]; then sleep "$(cat "$ctl/print-seconds")"; fi
exit 0
`;

export async function startIppPrinter(
  options: IppPrinterPeerOptions = {},
): Promise<IppPrinterPeer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ccpor-ipp-'));
  chmodSync(dir, 0o755); // CUPS' backends (user lp) never read here, but keep it traversable
  for (const sub of ['spool', 'captured', 'ctl']) mkdirSync(path.join(dir, sub));
  const script = path.join(dir, 'capture.sh');
  writeFileSync(script, captureScript(dir), { mode: 0o755 });

  const bus = path.join(dir, 'bus.sock');
  const dbus = startDaemon(
    'dbus-daemon',
    ['--session', `--address=unix:path=${bus}`, '--nofork', '--nopidfile'],
    path.join(dir, 'dbus.log'),
  );
  let printer: Daemon | null = null;
  try {
    await waitFor(() => existsSync(bus), 'the private D-Bus socket');
    const port = await freePort();
    const args = [
      '-r',
      'off',
      '-n',
      'localhost',
      '-p',
      String(port),
      '-d',
      path.join(dir, 'spool'),
      '-k',
      '-c',
      script,
    ];
    if (options.duplex !== false) args.push('-2');
    args.push(
      '-f',
      'application/pdf,image/jpeg,image/pwg-raster',
      '-m',
      'CCPOR test printer',
      options.name ?? 'ccpor-test',
    );
    printer = startDaemon('ippeveprinter', args, path.join(dir, 'ippeveprinter.log'), {
      ...process.env,
      DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${bus}`,
    });
    await waitForPort(port);
    const p = printer;

    const captured = (): CapturedJob[] =>
      readdirSync(path.join(dir, 'captured'))
        .filter((f) => f.endsWith('.env'))
        .map((f) => {
          const base = path.join(dir, 'captured', f.slice(0, -4));
          const attrs: Record<string, string> = {};
          for (const line of readFileSync(`${base}.env`, 'utf8').split('\n')) {
            const eq = line.indexOf('=');
            if (eq > 0) attrs[line.slice(0, eq)] = line.slice(eq + 1);
          }
          return {
            jobId: Number(attrs.IPP_JOB_ID),
            file: `${base}.pdf`,
            bytes: readFileSync(`${base}.pdf`),
            attrs,
          };
        })
        .sort((a, b) => a.jobId - b.jobId);

    return {
      uri: `ipp://localhost:${port}/ipp/print`,
      port,
      dir,
      injectFault: (reason, message, holdSeconds = 1) =>
        writeFileSync(path.join(dir, 'ctl', 'fault'), `${reason}\n${message}\n${holdSeconds}\n`),
      setPrintSeconds: (seconds) => {
        const f = path.join(dir, 'ctl', 'print-seconds');
        if (seconds > 0) writeFileSync(f, String(seconds));
        else rmSync(f, { force: true });
      },
      captured,
      waitForCapture: async (jobId, timeoutMs = 15_000) => {
        let found: CapturedJob | undefined;
        await waitFor(
          () => (found = captured().find((c) => c.jobId === jobId)) !== undefined,
          `printer job ${jobId}`,
          timeoutMs,
        );
        return found as unknown as CapturedJob;
      },
      waitForJobNamed: async (jobName, timeoutMs = 15_000) => {
        let found: CapturedJob | undefined;
        await waitFor(
          () => (found = captured().find((c) => c.attrs.IPP_JOB_NAME === jobName)) !== undefined,
          `a printed job named ${jobName}`,
          timeoutMs,
        );
        return found as unknown as CapturedJob;
      },
      log: () => p.log(),
      stop: async () => {
        await p.stop();
        await dbus.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await printer?.stop();
    await dbus.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
