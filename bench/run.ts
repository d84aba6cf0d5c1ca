/**
 * `npm run bench -- [FILTER] [--json]`: runs the cases in bench/cases/*.bench.ts whose name
 * contains FILTER and prints `case | median | p99 | unit | floor | ratio` (or, with --json, only a
 * JSON array of rows with keys case, unit, median, p95, p99, floor, floorP99, ratio). The floor is
 * the same work done the simplest way, measured in the same run. A case whose peer is missing
 * throws BenchUnavailable: it is listed as skipped (on stderr with --json) and has no row.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { median, quantile } from './harness';
import type { BenchCase, BenchResult } from './harness';

type Row = {
  case: string;
  unit: string;
  median: number;
  p95: number;
  p99: number;
  floor: number;
  floorP99: number;
  ratio: number;
};

function format(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  return abs >= 1000 ? n.toFixed(0) : abs >= 10 ? n.toFixed(1) : n.toFixed(3);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const filter = args.find((a) => !a.startsWith('--')) ?? '';
  const dir = path.join(__dirname, 'cases');
  const cases: BenchCase[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    const mod = (await import(path.join(dir, file))) as { cases?: BenchCase[] };
    cases.push(...(mod.cases ?? []));
  }
  const selected = cases.filter((c) => c.name.includes(filter));
  if (selected.length === 0) {
    console.error(
      `No benchmark case matches "${filter}". Cases: ${cases.map((c) => c.name).join(', ')}`,
    );
    process.exit(2);
  }
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const c of selected) {
    if (!json) process.stderr.write(`running ${c.name} …\n`);
    let r: BenchResult;
    try {
      r = await c.run();
    } catch (error) {
      // Matched by name: a case module may load its own copy of harness.ts.
      if ((error as Error | null)?.name !== 'BenchUnavailable') throw error;
      const skip = `${c.name}: skipped — ${(error as Error).message}`;
      if (json) process.stderr.write(`${skip}\n`);
      else notes.push(skip);
      continue;
    }
    const m = median(r.values);
    const f = median(r.floor);
    rows.push({
      case: r.label ?? c.name,
      unit: c.unit,
      median: m,
      p95: quantile(r.values, 0.95),
      p99: quantile(r.values, 0.99),
      floor: f,
      floorP99: quantile(r.floor, 0.99),
      ratio: m / f,
    });
    for (const n of r.notes ?? []) notes.push(`${r.label ?? c.name}: ${n}`);
    if (c.target) notes.push(`${r.label ?? c.name}: target ${c.target}`);
  }
  if (json) {
    console.log(JSON.stringify(rows));
    return;
  }
  const header = ['case', 'median', 'p99', 'unit', 'floor', 'ratio'];
  const table = rows.map((r) => [
    r.case,
    format(r.median),
    format(r.p99),
    r.unit,
    format(r.floor),
    `${format(r.ratio)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const t of table) console.log(line(t));
  if (notes.length) console.log(`\n${notes.join('\n')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
