/**
 * The `report` domain's IPC handler: the supervisor's daily report as PDF or CSV, built from a
 * day summary the Review page holds. The dispatcher's gate checks `report.export` (supervisors)
 * and records each export (success or failure) in the audit journal, as it does for every
 * action `matrix.ts` audits on success; this handler adds the court check.
 */
import { ServiceError } from '../../shared/ipc/envelope';
import { buildDailyCsv, reportFileName } from '../../shared/review/reportCsv';
import type { Handlers } from '../ipc/dispatcher';

import { buildDailyPdf } from './reportPdf';

type ReportHandlers = Pick<Handlers, 'report:build-daily'>;

/** Excel reads a UTF-8 CSV as UTF-8 only with a byte-order mark. */
const BOM = '\uFEFF';

/** Handlers for the report channels. */
export function createReportHandlers(): ReportHandlers {
  return {
    'report:build-daily': async ({ summary, format }, ctx) => {
      // A supervisor reports on their own court's day, never another court's.
      const court = ctx.principal?.courtOri;
      if (court && summary.courtOri !== court) {
        throw new ServiceError(
          'forbidden',
          `This day belongs to court ${summary.courtOri}; you can report only on ${court}.`,
        );
      }
      if (format === 'csv') {
        return {
          fileName: reportFileName(summary, 'csv'),
          mime: 'text/csv',
          bytes: new TextEncoder().encode(BOM + buildDailyCsv(summary)),
        };
      }
      return {
        fileName: reportFileName(summary, 'pdf'),
        mime: 'application/pdf',
        // A copy whose buffer holds exactly the file (pdf-lib's may be larger or shared).
        bytes: new Uint8Array(await buildDailyPdf(summary)),
      };
    },
  };
}
