/**
 * Server search against both backends: one-letter typos in last names are found (trigram OR
 * Double Metaphone), plus DOB, case number, licence, FCN, aliases, paging and court scoping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { setOrderStatus } from '../../../src/registry/orders/status';

import { BACKENDS, startEnv, stopCluster, type EnrolledDevice, type TestEnv } from './env';
import { COURT_A, makeOrder, protectedFirst, submit, SURNAMES } from './fixtures';

afterAll(stopCluster);

/** Four one-letter typos of a name: substitution, deletion, insertion, transposition. */
export function typos(name: string, seed: number): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const pick = (n: number, k: number) => (seed * 31 + k * 17) % n;
  const at = (k: number) => pick(name.length, k);
  const sub = (() => {
    const i = at(1);
    const c =
      letters[(letters.indexOf(name[i]?.toLowerCase() ?? 'a') + 1 + pick(25, 2)) % 26] ?? 'x';
    return name.slice(0, i) + c + name.slice(i + 1);
  })();
  const del = (() => {
    const i = at(3);
    return name.slice(0, i) + name.slice(i + 1);
  })();
  const ins = (() => {
    const i = at(4);
    return name.slice(0, i) + (letters[pick(26, 5)] ?? 'e') + name.slice(i);
  })();
  const swap = (() => {
    const i = Math.min(at(6), name.length - 2);
    return name.slice(0, i) + (name[i + 1] ?? '') + (name[i] ?? '') + name.slice(i + 2);
  })();
  return [sub, del, ins, swap].filter(
    (t) => t.length > 0 && t.toLowerCase() !== name.toLowerCase(),
  );
}

describe.each(BACKENDS)('search on %s', (backend) => {
  let env: TestEnv;
  let dev: EnrolledDevice;
  const perName = 3;
  beforeAll(async () => {
    env = await startEnv(backend);
    dev = await env.enrol(COURT_A);
    const batch = [];
    let seq = 0;
    for (let i = 0; i < SURNAMES.length * perName; i += 1) {
      seq += 1;
      const order = makeOrder(i, { tag: 700, licence: `D${String(1_000_000 + i)}` });
      if (i === 5) {
        (order.restrained as { aliases: unknown[] }).aliases = [
          { last: 'Villanueva', first: 'Carlos' },
        ];
      }
      batch.push(await submit(dev.deviceId, seq, order));
    }
    for (let i = 0; i < batch.length; i += 50)
      await dev.client.pushWithRetry(batch.slice(i, i + 50));
  });
  afterAll(() => env.stop());

  const findsSurname = async (query: string, surname: string) => {
    const page = await dev.client.search({ name: query, limit: 100 });
    return page.results.some((r) => r.restrained.last === surname);
  };

  it('finds every surname from one-letter typos (substitution, deletion, insertion, transposition)', async () => {
    const misses: string[] = [];
    let tried = 0;
    for (const [n, surname] of SURNAMES.entries()) {
      for (const typo of typos(surname, n + 1)) {
        tried += 1;
        if (!(await findsSurname(typo, surname))) misses.push(`${typo}→${surname}`);
      }
    }
    expect(tried).toBeGreaterThan(150);
    expect(misses).toEqual([]);
  });

  it('ranks the exact name first and matches "Last, First" and accents', async () => {
    // Garcia is surname 4: orders 4, 49 and 94, with first names Robert, Grace, Robert.
    const page = await dev.client.search({ name: 'Garcia, Robert', limit: 10 });
    expect(page.results.slice(0, 2).map((r) => r.restrained)).toMatchObject([
      { last: 'Garcia', first: 'Robert' },
      { last: 'Garcia', first: 'Robert' },
    ]);
    expect(page.results[0]?.match?.score).toBe(1.5);
    expect(page.results[2]?.restrained).toMatchObject({ last: 'Garcia', first: 'Grace' });
    const accented = await dev.client.search({ name: 'Gárcía', limit: 10 });
    // Accents fold away: the Garcia orders match exactly and rank first.
    const top = accented.results.slice(0, perName);
    expect(top.map((r) => [r.restrained.last, r.match?.score])).toEqual(
      Array.from({ length: perName }, () => ['Garcia', 1]),
    );
  });

  it('finds aliases and protected persons by name', async () => {
    const alias = await dev.client.search({ name: 'Villanuevo' });
    expect(alias.results).toHaveLength(1);
    expect(alias.results[0]?.match).toMatchObject({ role: 'alias', last: 'VILLANUEVA' });
    const prot = await dev.client.search({ name: `Protected, ${protectedFirst(12)}`, limit: 5 });
    expect(prot.results[0]?.match).toMatchObject({ role: 'protected', first: 'KIDBC' });
  });

  it('filters by DOB, case number, licence and FCN', async () => {
    const target = makeOrder(17, { tag: 700 });
    const dob = (target.restrained as { dob: string }).dob;
    const byDob = await dev.client.search({ dob, limit: 100 });
    expect(byDob.results.map((r) => r.orderId)).toContain(target.id);
    expect(byDob.results.every((r) => r.restrained.dob === dob)).toBe(true);
    // Order 17's surname is Jackson; a typo plus the DOB narrows to it.
    const byNameDob = await dev.client.search({ name: 'Jakson', dob });
    expect(byNameDob.results.map((r) => r.orderId)).toEqual([target.id]);
    const byCase = await dev.client.search({ caseNumber: String(target.caseNumber).toLowerCase() });
    expect(byCase.results.map((r) => r.orderId)).toEqual([target.id]);
    const byLicence = await dev.client.search({ licence: 'd 1000017' });
    expect(byLicence.results.map((r) => r.orderId)).toEqual([target.id]);
    await setOrderStatus(env.db, String(target.id), {
      status: 'acknowledged',
      fcn: '2026000000017',
    });
    const byFcn = await dev.client.search({ fcn: '2026000000017' });
    expect(byFcn.results[0]).toMatchObject({
      orderId: target.id,
      status: 'acknowledged',
      fcn: '2026000000017',
    });
  });

  it('pages through results with nextOffset', async () => {
    const first = await dev.client.search({ name: 'Smith', limit: 2 });
    expect(first.results).toHaveLength(2);
    expect(first.nextOffset).toBe(2);
    const second = await dev.client.search({ name: 'Smith', limit: 2, offset: 2 });
    const all = [...first.results, ...second.results].map((r) => r.orderId);
    expect(new Set(all).size).toBe(all.length);
    const exact = await dev.client.search({ name: 'Smith', limit: 100 });
    expect(exact.results.filter((r) => r.restrained.last === 'Smith')).toHaveLength(perName);
  });

  it('refuses a search without criteria and finds nothing for a name far from all', async () => {
    await expect(dev.client.search({})).rejects.toMatchObject({
      status: 400,
      code: 'search-criteria-required',
    });
    await expect(dev.client.search({ dob: '1990-02-30' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/dob: not a real date/),
    });
    await expect(dev.client.search({ name: 'x'.repeat(500) })).rejects.toMatchObject({
      status: 400,
    });
    const none = await dev.client.search({ name: 'Zzyzxqv' });
    expect(none.results).toEqual([]);
  });
});
