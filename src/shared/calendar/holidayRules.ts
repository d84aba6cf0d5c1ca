/**
 * California judicial holidays as DATA (CCP §135, Gov. Code §6700), versioned by effective date.
 *
 * Laws change the list (Juneteenth added for 2023, Native American Day in and Columbus Day out for
 * 2022), so each rule carries the range of holiday dates it applies to. A change in the law is a
 * new or closed row here, never new code. Facts and sources: shared/reference/domain.md §5.2 and
 * the `source` of each row.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

/** How a holiday's (unobserved) date is found in a year. */
export const holidayDateRuleSchema = z.discriminatedUnion('kind', [
  /** The same month and day every year, e.g. 4 July. */
  z.object({
    kind: z.literal('fixed'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  }),
  /**
   * The nth `weekday` (0 = Sunday … 6 = Saturday) of `month`; `n = -1` is the last one.
   * `offsetDays` shifts from there: the day after Thanksgiving is the 4th Thursday + 1.
   */
  z.object({
    kind: z.literal('nthWeekday'),
    month: z.number().int().min(1).max(12),
    weekday: z.number().int().min(0).max(6),
    n: z.union([z.literal(-1), z.number().int().min(1).max(5)]),
    offsetDays: z.number().int().min(-6).max(6).optional(),
  }),
]);

/** One row of the holiday table. */
export const holidayRuleSchema = z.object({
  name: z.string().min(1),
  date: holidayDateRuleSchema,
  /** First holiday date (before observance) to which the row applies, inclusive. */
  from: isoDate.optional(),
  /** Last holiday date (before observance) to which the row applies, inclusive. */
  until: isoDate.optional(),
  /** Where the rule comes from; `UNVERIFIED` marks anything not confirmed from a public source. */
  source: z.string().min(1),
});

export type HolidayDateRule = z.infer<typeof holidayDateRuleSchema>;
export type HolidayRule = z.infer<typeof holidayRuleSchema>;

const COURT_LISTS =
  'domain.md §5.2: San Bernardino, Calaveras and Mono Superior Court 2025/2026 holiday lists';
const AB_855 =
  'AB 855 (Stats. 2021 ch. 283) amended CCP §135 from 1 Jan 2022: Native American Day became a judicial holiday, Columbus Day stopped being one';

/**
 * The 14 current California court holidays, plus Columbus Day for the years it still applied.
 * Weekends are court holidays too (CCP §135) but are handled as a rule, not rows.
 * Not here on purpose: Admission Day (9 Sept), Lunar New Year and Genocide Remembrance Day are
 * state holidays that CCP §135 excludes from judicial holidays.
 */
export const CA_JUDICIAL_HOLIDAY_RULES: readonly HolidayRule[] = [
  { name: "New Year's Day", date: { kind: 'fixed', month: 1, day: 1 }, source: COURT_LISTS },
  {
    name: 'Martin Luther King Jr. Day',
    date: { kind: 'nthWeekday', month: 1, weekday: 1, n: 3 },
    source: COURT_LISTS,
  },
  { name: 'Lincoln Day', date: { kind: 'fixed', month: 2, day: 12 }, source: COURT_LISTS },
  {
    name: "Presidents' Day",
    date: { kind: 'nthWeekday', month: 2, weekday: 1, n: 3 },
    source: COURT_LISTS,
  },
  { name: 'Cesar Chavez Day', date: { kind: 'fixed', month: 3, day: 31 }, source: COURT_LISTS },
  {
    name: 'Memorial Day',
    date: { kind: 'nthWeekday', month: 5, weekday: 1, n: -1 },
    source: COURT_LISTS,
  },
  {
    name: 'Juneteenth',
    date: { kind: 'fixed', month: 6, day: 19 },
    from: '2023-01-01',
    source: `${COURT_LISTS}; AB 1655 (2022) made it a state and judicial holiday, first observed 19 June 2023 (Judicial Council news release, 15 June 2023)`,
  },
  { name: 'Independence Day', date: { kind: 'fixed', month: 7, day: 4 }, source: COURT_LISTS },
  {
    name: 'Labor Day',
    date: { kind: 'nthWeekday', month: 9, weekday: 1, n: 1 },
    source: COURT_LISTS,
  },
  {
    name: 'Native American Day',
    date: { kind: 'nthWeekday', month: 9, weekday: 5, n: 4 },
    from: '2022-01-01',
    source: `${COURT_LISTS}; ${AB_855}. Its status 2015–2021 is UNVERIFIED (AB 1973 made it a state holiday in 2015; CCP §135 then excluded it)`,
  },
  {
    name: 'Columbus Day',
    date: { kind: 'nthWeekday', month: 10, weekday: 1, n: 2 },
    until: '2021-12-31',
    source: `${AB_855}; domain.md §5.2 notes it is absent from all current court lists`,
  },
  { name: 'Veterans Day', date: { kind: 'fixed', month: 11, day: 11 }, source: COURT_LISTS },
  {
    name: 'Thanksgiving Day',
    date: { kind: 'nthWeekday', month: 11, weekday: 4, n: 4 },
    source: COURT_LISTS,
  },
  {
    name: 'Day after Thanksgiving',
    date: { kind: 'nthWeekday', month: 11, weekday: 4, n: 4, offsetDays: 1 },
    source: `${COURT_LISTS}; CCP §135 names it a judicial holiday`,
  },
  { name: 'Christmas Day', date: { kind: 'fixed', month: 12, day: 25 }, source: COURT_LISTS },
];
