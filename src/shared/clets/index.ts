/**
 * CLETS records: the NCIC-style `TAG/value.` codec, the tag table and the record check.
 * The order rules (src/shared/orders) build records; the relay and the `ccpor` CLI encode them.
 */
export {
  CletsFormatError,
  TAG_PATTERN,
  decodeMessage,
  decodeRecord,
  encodeMessage,
  encodeRecord,
  escapeValue,
} from './codec';
export type { CletsField, CletsRecord } from './codec';
export { CLETS_TAGS, CLETS_TAG_RULES } from './tags';
export type { CletsTagRule, TagConfidence } from './tags';
export { checkRecord } from './check';
export type { CletsFieldProblem } from './check';
