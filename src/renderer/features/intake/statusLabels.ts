/**
 * What each order status means, in the clerk's words. Honest about where the order is: only
 * an acknowledgement from CLETS means it is in CLETS.
 */
export const statusLabels: Record<string, string> = {
  queued: 'Queued — not yet in CLETS',
  'at-registry': 'At registry — not yet in CLETS',
  'sent-to-clets': 'Sent to CLETS — awaiting acknowledgement',
  acknowledged: 'In CLETS — acknowledged',
  rejected: 'Rejected by CLETS — needs correction',
  'needs-attention': 'Needs attention',
};

export function statusLabel(status: string): string {
  return statusLabels[status] ?? status;
}
