/**
 * The production node-hid bindings, loaded lazily: a workstation without libusb (or with a
 * broken prebuild) still starts, and lists the problem instead of HID readers.
 */
import type * as NodeHidModule from 'node-hid';

import type { HidOpener } from './hidPosReader';
import type { LicenceReaderInfo } from './readerPort';

/** HID usage page of point-of-sale devices; barcode scanners in HID POS mode report it. */
export const HID_POS_USAGE_PAGE = 0x8c;

type NodeHid = typeof NodeHidModule;

async function load(): Promise<NodeHid> {
  return (await import('node-hid')) as NodeHid;
}

/** HID POS barcode readers attached now (empty on a machine without USB, e.g. CI). */
export async function listHidPosReaders(): Promise<LicenceReaderInfo[]> {
  const hid = await load();
  const devices = await hid.devicesAsync();
  return devices
    .filter((d) => d.usagePage === HID_POS_USAGE_PAGE && typeof d.path === 'string')
    .map((d) => ({
      id: `hid:${d.path}`,
      kind: 'hid-pos' as const,
      label: `${d.manufacturer ?? 'HID'} ${d.product ?? 'barcode reader'}`.trim(),
      path: d.path as string,
      vendorId: d.vendorId,
      productId: d.productId,
    }));
}

/** Opens a device with node-hid's asynchronous API (reads happen off the main thread). */
export const openNodeHid: HidOpener = async (path) => {
  const hid = await load();
  return hid.HIDAsync.open(path);
};
