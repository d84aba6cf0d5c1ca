/**
 * Reads the shared order fixtures in test/fixtures/orders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { orderSchema, type Order } from '../../../../src/shared/orders';

/** The fixture directory. */
export const fixtureDir = path.resolve(__dirname, '../../../fixtures/orders');

/** Parsed JSON of one fixture file. */
export function readFixture(file: string): unknown {
  return JSON.parse(readFileSync(path.join(fixtureDir, file), 'utf8'));
}

/** The valid fixture of an order type, parsed by the schema (defaults applied). */
export function validOrder(code: string): Order {
  return orderSchema.parse(readFixture(`${code}.valid.json`));
}

/** Fixture file names ending with `suffix`, sorted. */
export function fixtureFiles(suffix: string): string[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith(suffix))
    .sort();
}

/** "Now" used with the fixtures: after every fixture's dates. */
export const fixtureNow = '2026-12-01T12:00:00-08:00';
