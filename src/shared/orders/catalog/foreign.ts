/**
 * Catalog data: registration of out-of-state or tribal DV orders (DV-600) and of Canadian DV
 * orders. The order's own terms and expiry are entered "as written". Source: domain.md §1.1.
 */
import { civilDefaults, noHearing } from './common';
import { termKinds } from './schema';
import type { OrderTypeEntry } from './schema';

const registration = {
  ...civilDefaults,
  family: 'FOREIGN',
  phase: 'registration',
  // The protected person registers voluntarily and without a fee.
  petitioner: { required: true, roles: ['protected-person'] },
  protected: { min: 1, max: null },
  restrainedLabel: 'Restrained person',
  hearing: noHearing,
  maxDuration: null,
  defaultExpiry: { rule: 'must-be-written' },
  // A foreign order may have no end date; enter it as written.
  noExpirationAllowed: true,
  renewal: null,
  conductTerms: [...termKinds],
  serviceMethods: ['not-served', 'in-court', 'personal', 'mail'],
  // §6404(a)(2): registered foreign orders are sealed.
  confidentiality: 'sealed',
} as const satisfies Partial<OrderTypeEntry>;

/** DV-600 and the Canadian registration. */
export const foreignEntries: readonly OrderTypeEntry[] = [
  {
    ...registration,
    code: 'DV-600',
    name: 'Order to Register Out-of-State or Tribal Court Protective/Restraining Order',
    statute: ['Fam. Code §§6400–6409', 'Fam. Code §6404'],
    forms: ['DV-600'],
    cletsNickname: null,
    unverified: ['That registered orders go to CARPOS through CLETS is INFERRED.'],
  },
  {
    ...registration,
    code: 'CAN-DV',
    name: 'Registration of a Canadian Domestic Violence Protection Order',
    statute: ['Fam. Code §§6450–6460', 'Fam. Code §6454'],
    // The mandatory registration form was adopted effective 1 January 2019; number unknown.
    forms: [],
    cletsNickname: null,
    effectiveFrom: '2019-01-01',
    unverified: [
      'Registration form number not confirmed.',
      'Sealing as for DV-600 and entry into CARPOS are INFERRED.',
    ],
  },
];
