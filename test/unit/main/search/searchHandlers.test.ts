import { describe, expect, it } from 'vitest';

import { createSearchHandlers } from '../../../../src/main/search/searchHandlers';
import { searchByOf } from '../../../../src/shared/auth/searchBy';
import type { Principal } from '../../../../src/shared/auth/principal';
import { ServiceError } from '../../../../src/shared/ipc/envelope';

const user = (role: Principal['role']): Principal => ({
  userId: `id-${role}`,
  username: role,
  displayName: role,
  role,
  courtOri: 'CA034999J',
  courtroom: '',
});

function setup() {
  const calls: Record<string, string | number>[] = [];
  const audit: { outcome: string; reason?: string }[] = [];
  const handlers = createSearchHandlers({
    userLink: {
      withUser: (_p, fn) =>
        fn({
          search: async (params: Record<string, string | number>) => {
            calls.push(params);
            return { results: [], offset: 0, limit: 25, nextOffset: null };
          },
        } as never),
    },
    journal: { record: async (e) => (audit.push(e as never), {} as never) },
  });
  return { handlers, calls, audit };
}

describe('search handlers', () => {
  it('reads how a search looks things up like the registry does', () => {
    expect(searchByOf({ caseNumber: 'FL-1' })).toBe('case-number');
    expect(searchByOf({ caseNumber: 'FL-1', name: 'Pena' })).toBe('name');
    expect(searchByOf({ dob: '1980-01-02' })).toBe('dob');
  });

  it('lets a clerk search by case number only; a name search is refused and audited', async () => {
    const { handlers, calls, audit } = setup();
    const ctx = { shell: 'host' as const, origin: 'test', principal: user('clerk') };
    await handlers['search:search-registry']({ caseNumber: 'FL-1', limit: 25, offset: 0 }, ctx);
    expect(calls).toEqual([{ caseNumber: 'FL-1', limit: 25, offset: 0 }]);
    await expect(
      handlers['search:search-registry']({ name: 'Pena', limit: 25, offset: 0 }, ctx),
    ).rejects.toBeInstanceOf(ServiceError);
    expect(calls).toHaveLength(1);
    expect(audit).toMatchObject([
      { outcome: 'denied', reason: expect.stringMatching(/case number/) },
    ]);
  });

  it('lets a supervisor search by name', async () => {
    const { handlers, calls } = setup();
    const ctx = { shell: 'host' as const, origin: 'test', principal: user('supervisor') };
    await handlers['search:search-registry'](
      { name: 'Pena', first: 'Jo', limit: 25, offset: 0 },
      ctx,
    );
    expect(calls).toEqual([{ name: 'Pena', first: 'Jo', limit: 25, offset: 0 }]);
  });
});
