/**
 * `npm run test:security`: Electronegativity over the built main, preload and renderer.
 *
 * The tool always exits 0 and its CLI is broken against the hoisted commander 11, so we call
 * its runner directly and judge the result ourselves: any HIGH or MEDIUM finding not in
 * security/electronegativity-waivers.json fails, and so does a scan that could not parse our
 * bundles. Its two network look-ups (translations, Electron releases) are stubbed: the scan
 * runs offline and never tries to reach the internet.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Finding = { id: string; severity: { name: string }; file: string; location?: unknown };
type ScanResult = { errors: { file: string; message?: string }[]; issues: Finding[] };
type Waiver = { check: string; file: string; reason: string };

const root = path.resolve(__dirname, '..');
// `--input DIR` scans another folder (the self-test points it at a known-bad app).
const inputArg = process.argv.indexOf('--input');
const input = path.resolve(
  inputArg >= 0 ? (process.argv[inputArg + 1] ?? '') : path.join(root, '.vite'),
);
const outDir = path.join(root, 'test-results', inputArg >= 0 ? 'security-selftest' : '');
// `--waivers FILE` reads another waiver file (the self-test checks that waivers work).
const waiversArg = process.argv.indexOf('--waivers');
const waiversFile = path.resolve(
  waiversArg >= 0
    ? (process.argv[waiversArg + 1] ?? '')
    : path.join(root, 'security', 'electronegativity-waivers.json'),
);

/**
 * Reads the reviewed waivers. Every entry must name its check and file and give a reason;
 * a file that breaks that fails the scan, so a waiver cannot slip in unexplained.
 */
function readWaivers(file: string): Waiver[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { waivers?: unknown };
  if (!Array.isArray(parsed.waivers)) throw new Error(`${file}: "waivers" must be a list`);
  return parsed.waivers.map((w: unknown, i) => {
    const { check, file: f, reason } = (w ?? {}) as Partial<Record<keyof Waiver, unknown>>;
    if (typeof check !== 'string' || typeof f !== 'string' || typeof reason !== 'string') {
      throw new Error(`${file}: waiver ${i + 1} needs "check", "file" and "reason" strings`);
    }
    if (reason.trim() === '') {
      throw new Error(`${file}: waiver ${i + 1} (${check} in ${f}) has no reason; give one`);
    }
    return { check, file: f, reason };
  });
}

function stubNetwork(toolDir: string): void {
  const gotPath = require.resolve('got', { paths: [toolDir] });
  const offline = () => Promise.reject(new Error('offline by design'));
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
  } as unknown as NodeJS.Module;
}

async function main(): Promise<number> {
  if (inputArg < 0 && !existsSync(path.join(input, 'build', 'main.js'))) {
    console.error('Nothing to scan: run `npm run build` first.');
    return 1;
  }
  const waivers = readWaivers(waiversFile);
  const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  stubNetwork(toolDir);
  process.env.LANG = 'en-US';
  const runner = require(path.join(toolDir, 'dist', 'runner.js')) as
    | { default?: (o: object, cli: boolean) => Promise<ScanResult> }
    | ((o: object, cli: boolean) => Promise<ScanResult>);
  const run = typeof runner === 'function' ? runner : runner.default;
  if (!run) throw new Error('Electronegativity runner not found');
  mkdirSync(outDir, { recursive: true });
  const log = console.log;
  console.log = () => {}; // the tool chats about its (stubbed) network look-ups
  let result: ScanResult;
  try {
    result = await run(
      {
        input,
        output: path.join(outDir, 'electronegativity.csv'),
        isSarif: false,
        customScan: [],
        excludeFromScan: [],
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: '45.5.0',
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
  }

  const serious = result.issues.filter((i) => ['HIGH', 'MEDIUM'].includes(i.severity.name));
  const unwaived = serious.filter(
    (i) => !waivers.some((w) => w.check === i.id && w.file === i.file),
  );
  const ours = result.errors.filter((e) => /build\/(main|preload)\.js$/.test(e.file));
  const summary = {
    findings: result.issues.length,
    highOrMedium: serious.length,
    waived: serious.length - unwaived.length,
    unwaived: unwaived.map((i) => `${i.id} (${i.severity.name}) in ${i.file}`),
    parseErrors: ours.map((e) => e.file),
  };
  writeFileSync(path.join(outDir, 'electronegativity.json'), JSON.stringify(summary, null, 2));
  const low = result.issues.filter((i) => !['HIGH', 'MEDIUM'].includes(i.severity.name));
  console.log(
    `Electronegativity: ${result.issues.length} findings (${serious.length} high/medium, ` +
      `${summary.waived} waived, ${low.length} low/informational); report in test-results/`,
  );
  for (const u of summary.unwaived) console.log(`  UNWAIVED ${u}`);
  for (const e of summary.parseErrors) console.log(`  could not parse ${e}`);
  return unwaived.length === 0 && ours.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
