/**
 * Every renderer→main channel and main→renderer event, by domain.
 *
 * This module is plain data with no zod import, so the preload bundle stays tiny; the schemas
 * for each channel live in `contract.ts`, which is checked against this list at compile time.
 */
export const channels = {
  app: {
    getInfo: 'app:get-info',
  },
  status: {
    getSummary: 'status:get-summary',
  },
  auth: {
    getSession: 'auth:get-session',
    signIn: 'auth:sign-in',
    unlockSession: 'auth:unlock-session',
    signOut: 'auth:sign-out',
    lockSession: 'auth:lock-session',
    touchSession: 'auth:touch-session',
    changePassword: 'auth:change-password',
    checkAccess: 'auth:check-access',
    listUsers: 'auth:list-users',
    saveUser: 'auth:save-user',
    releaseLockout: 'auth:release-lockout',
    setIdleLock: 'auth:set-idle-lock',
  },
  audit: {
    recordEvent: 'audit:record-event',
    listPending: 'audit:list-pending',
    confirmQueued: 'audit:confirm-queued',
    listEvents: 'audit:list-events',
  },
  print: {
    listPrinters: 'print:list-printers',
    savePrinter: 'print:save-printer',
    deletePrinter: 'print:delete-printer',
    checkPrinter: 'print:check-printer',
    printTestPage: 'print:print-test-page',
    buildPacket: 'print:build-packet',
    printPackets: 'print:print-packets',
    listJobs: 'print:list-jobs',
    retryJob: 'print:retry-job',
    cancelJob: 'print:cancel-job',
    listRecords: 'print:list-records',
  },
  scanner: {
    listScanners: 'scanner:list-scanners',
    saveScanner: 'scanner:save-scanner',
    deleteScanner: 'scanner:delete-scanner',
    saveDefaults: 'scanner:save-defaults',
    saveSaneSetup: 'scanner:save-sane-setup',
    getCapabilities: 'scanner:get-capabilities',
    discoverScanners: 'scanner:discover-scanners',
    testScan: 'scanner:test-scan',
    startBatch: 'scanner:start-batch',
    cancelBatch: 'scanner:cancel-batch',
    getBatch: 'scanner:get-batch',
  },
  pages: {
    rotatePage: 'pages:rotate-page',
    detectBlank: 'pages:detect-blank',
  },
  licence: {
    listReaders: 'licence:list-readers',
    openReader: 'licence:open-reader',
    closeReader: 'licence:close-reader',
    parsePayload: 'licence:parse-payload',
    decodeImage: 'licence:decode-image',
  },
  sync: {
    getStatus: 'sync:get-status',
    setRegistry: 'sync:set-registry',
    enrol: 'sync:enrol-workstation',
    pushBatch: 'sync:push-batch',
    uploadPage: 'sync:upload-page',
    pullChanges: 'sync:pull-changes',
  },
  clets: {
    listDeadlines: 'clets:list-deadlines',
  },
  review: {
    getDay: 'review:get-day',
    returnOrder: 'review:return-order',
    decideApproval: 'review:decide-approval',
    requestVoid: 'review:request-void',
  },
  report: {
    buildDaily: 'report:build-daily',
  },
  search: {
    searchRegistry: 'search:search-registry',
    getOrder: 'search:get-order',
    getHistory: 'search:get-history',
    getPage: 'search:get-page',
  },
  calendar: {
    getCourtRules: 'calendar:get-court-rules',
  },
} as const;

/** Main→renderer pushes. The renderer subscribes through `ClerkApi.subscribe`. */
export const eventNames = [
  'status:summary-changed',
  'auth:session-changed',
  'print:job-updated',
  'scanner:page-arrived',
  'scanner:batch-progress',
  'scanner:batch-finished',
  'scanner:batch-failed',
  'licence:payload-scanned',
  'sync:status-changed',
] as const;

type Values<T> = T[keyof T];
type Flatten<T> = Values<{ [D in keyof T]: Values<T[D]> }>;

/** A renderer→main channel name, `domain:verb-noun`. */
export type InvokeChannel = Flatten<typeof channels>;
/** A main→renderer event name. */
export type EventName = (typeof eventNames)[number];

/** Every channel name as a flat list, used by allowlists in the preload and the host bridge. */
export const allInvokeChannels: readonly InvokeChannel[] = Object.values(channels).flatMap(
  (domain) => Object.values(domain),
) as InvokeChannel[];

const channelPattern = /^[a-z]+(?:-[a-z]+)*:[a-z]+(?:-[a-z]+)+$/;

/** True for a well-formed `domain:verb-noun` name; used by tests and lint of the contract. */
export function isWellFormedChannel(name: string): boolean {
  return channelPattern.test(name);
}
