/**
 * The page's one open database. Tests swap it with `useDatabaseForTests`.
 */
import { ClerkDb } from './clerkDb';

let current: ClerkDb | null = null;

export function database(): ClerkDb {
  current ??= new ClerkDb();
  return current;
}

export function useDatabaseForTests(db: ClerkDb): void {
  current = db;
}
