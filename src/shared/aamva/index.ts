/**
 * AAMVA DL/ID barcode parsing (pure TS: used by main's readers, the CLI and the renderer).
 */
export { parseAamva, safeParseAamva, MAX_PAYLOAD_CHARS } from './parse';
export type { ParseOptions } from './parse';
export { AamvaError } from './errors';
export type { AamvaErrorCode } from './errors';
export { aamvaTextFromBytes, declaredPayloadLength } from './bytes';
export {
  aamvaLicenceSchema,
  aamvaParseResultSchema,
  licenceFieldSchema,
  unmappedValueSchema,
} from './schema';
export type { AamvaLicence, AamvaParseResult, LicenceField, UnmappedValue } from './schema';
export { ncicEyeCodes, ncicHairCodes } from './codes';
export type { NcicEyeCode, NcicHairCode } from './codes';
export { printable } from './header';
