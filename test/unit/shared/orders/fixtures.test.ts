import { describe, expect, it } from 'vitest';
import { checkOrder, listOrderTypes, orderSchema } from '../../../../src/shared/orders';
import { compiledOrderSchema } from '../../../../src/shared/orders/validate/check';
import { orderErrorMap } from '../../../../src/shared/orders/validate/issues';
import { fixtureFiles, fixtureNow, readFixture } from './fixtureFiles';

type Expected = {
  description: string;
  basedOn: string;
  options: { now: string };
  errors: { path: string; message: string }[];
};

describe('order fixtures', () => {
  it('has a valid fixture for every order type', () => {
    const codes = fixtureFiles('.valid.json').map((f) => f.replace('.valid.json', ''));
    expect(codes.sort()).toEqual(
      listOrderTypes('2026-11-25')
        .map((t) => t.code)
        .sort(),
    );
  });

  it('has at least one invalid fixture for every order type', () => {
    const typesWithInvalid = new Set(
      fixtureFiles('.invalid.json').map((f) => (readFixture(f) as { orderType: string }).orderType),
    );
    const missing = listOrderTypes('2026-11-25')
      .map((t) => t.code)
      .filter((code) => !typesWithInvalid.has(code));
    expect(missing).toEqual([]);
  });

  for (const file of fixtureFiles('.valid.json')) {
    it(`${file} passes checkOrder`, () => {
      const r = checkOrder(readFixture(file), { now: fixtureNow });
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.derived?.pco.length).toBeGreaterThan(0);
    });
  }

  it('valid fixtures also pass at the real current time', () => {
    for (const file of fixtureFiles('.valid.json')) {
      expect(checkOrder(readFixture(file)).errors, file).toEqual([]);
    }
  });

  for (const file of fixtureFiles('.invalid.json')) {
    it(`${file} gives the expected errors`, () => {
      const expected = readFixture(file.replace('.invalid.json', '.expected.json')) as Expected;
      expect(expected.errors.length).toBeGreaterThan(0);
      const r = checkOrder(readFixture(file), expected.options);
      expect(r.ok).toBe(false);
      expect(r.derived).toBeNull();
      expect(r.errors).toEqual(expected.errors);
      // The mistake is the only difference: the fixture it is based on is valid.
      expect(checkOrder(readFixture(expected.basedOn), expected.options).ok).toBe(true);
    });
  }

  it('the compiled schema checkOrder uses agrees with the plain schema on every fixture', () => {
    const fast = compiledOrderSchema();
    for (const file of [...fixtureFiles('.valid.json'), ...fixtureFiles('.invalid.json')]) {
      const input = readFixture(file);
      const a = orderSchema.safeParse(input, { error: orderErrorMap });
      const b = fast.safeParse(input, { error: orderErrorMap });
      expect(b.success, file).toBe(a.success);
      expect(b.success ? b.data : b.error.issues, file).toEqual(
        a.success ? a.data : a.error.issues,
      );
    }
  });

  it('every invalid fixture has its expected file', () => {
    const invalid = fixtureFiles('.invalid.json').map((f) => f.replace('.invalid.json', ''));
    const expected = fixtureFiles('.expected.json').map((f) => f.replace('.expected.json', ''));
    expect(invalid).toEqual(expected);
    expect(invalid.length).toBeGreaterThanOrEqual(35);
  });
});
