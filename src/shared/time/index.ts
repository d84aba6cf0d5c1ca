/**
 * Date and zoned-time helpers for court rules (pure; `Intl` only, no date library).
 */
export * from './dates';
export * from './zoned';
