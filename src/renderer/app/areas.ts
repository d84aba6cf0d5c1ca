/**
 * The workstation's areas, in navigation order. Alt+<key> jumps to each.
 */
export type AreaId = 'intake' | 'orders' | 'search' | 'print' | 'review' | 'devices' | 'settings';

export type Area = {
  readonly id: AreaId;
  readonly label: string;
  readonly key: string;
  readonly purpose: string;
};

export const areas: readonly Area[] = [
  { id: 'intake', label: 'Intake', key: '1', purpose: 'Scan and key new orders' },
  { id: 'orders', label: 'Orders', key: '2', purpose: 'Drafts, queued and sent orders' },
  { id: 'search', label: 'Search', key: '3', purpose: 'Find orders by person, case or FCN' },
  { id: 'print', label: 'Print', key: '4', purpose: 'Service copies and proof of service' },
  { id: 'review', label: 'Review', key: '5', purpose: 'Pending submissions and CLETS deadlines' },
  { id: 'devices', label: 'Devices', key: '6', purpose: 'Scanners, printers and licence readers' },
  { id: 'settings', label: 'Settings', key: '7', purpose: 'Workstation and registry settings' },
];

export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '').split('/')[0];
  return areas.find((a) => a.id === id)?.id ?? 'intake';
}
