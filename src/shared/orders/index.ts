/**
 * The order domain's single entry point (issue 3): catalog, model schemas, validation,
 * derived values, lifecycle and CLETS records. Pure TypeScript: runs in the renderer, main,
 * registry and CLI alike.
 */
export {
  catalogVersion,
  isKnownOrderType,
  listOrderTypes,
  orderTypeAt,
  orderTypeCatalog,
  orderTypeCodes,
  type OrderTypeSummary,
} from './catalog';
export {
  catalogEntrySchema,
  termKinds,
  type OrderTypeEntry,
  type TermKind,
} from './catalog/schema';
export {
  eyeCodes,
  hairCodes,
  ncicCodeTables,
  raceCodes,
  sexCodes,
  skinCodes,
  stateCodes,
  codeLabel,
  type CodeRow,
} from './catalog/codes';
export { relationships, petitionerRoles, nameRules } from './catalog/parties';
export { termRules } from './catalog/terms';
export { nameSchema, type Name } from './model/fields';
export {
  personSchema,
  protectedPersonSchema,
  heightSchema,
  type Person,
  type ProtectedPerson,
} from './model/person';
export { conductTermSchema, type ConductTerm } from './model/terms';
export {
  orderSchema,
  courtSchema,
  expirationSchema,
  serviceSchema,
  petitionerSchema,
  orderStatuses,
  type Order,
  type OrderInput,
  type Expiration,
  type Service,
  type Petitioner,
  type OrderStatus,
} from './model/order';
export { cletsConfidentialSchema, type CletsConfidential } from './model/confidential';
export { normaliseName, businessMarkerIn, type NameParts, type NameResult } from './names';
export {
  deriveExpiry,
  epoExpiry,
  latestExpiry,
  DEFAULT_CLOSE_OF_BUSINESS,
  type DeriveOptions,
  type ExpiryResult,
} from './derive/expiry';
export { derivePco, type PcoResult } from './derive/pco';
export { firearmDeadlines, renewalWindow, type FirearmDeadlines } from './derive/deadlines';
export { suggestBrady, type BradySuggestion } from './derive/brady';
export { enforcementPriority, type PriorityResult, type RankedOrder } from './derive/priority';
export {
  lifecycleEvents,
  lifecycleEventNames,
  lifecycleEventDef,
  nextStatus,
  fullRecordTags,
  type LifecycleEvent,
  type LifecycleEventDef,
  type CletsTransactionKind,
} from './lifecycle';
export { orderToCletsRecords, serviceStatement, NO_EXPIRY, type CletsField } from './cletsRecords';
export {
  checkOrder,
  checkOptionErrors,
  type CheckOptions,
  type CheckResult,
  type Derived,
  type NormalisedName,
} from './validate/check';
export { orderErrorMap, toFieldErrors, type FieldError } from './validate/issues';
