/**
 * The production serialport bindings: list ports and open one. Loaded lazily so a missing
 * native prebuild is reported as a problem in the reader list rather than a startup crash.
 */
import type * as SerialPortModule from 'serialport';

import type { LicenceReaderInfo } from './readerPort';
import type { SerialOpener } from './serialReader';

async function load(): Promise<typeof SerialPortModule> {
  return import('serialport');
}

/** Serial ports present now; the clerk picks the one the reader is on. */
export async function listSerialReaders(): Promise<LicenceReaderInfo[]> {
  const { SerialPort } = await load();
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    id: `serial:${p.path}`,
    kind: 'serial' as const,
    label: `${p.manufacturer ?? 'Serial port'} (${p.path})`,
    path: p.path,
    vendorId: p.vendorId ? parseInt(p.vendorId, 16) : null,
    productId: p.productId ? parseInt(p.productId, 16) : null,
  }));
}

/** Opens a port at `baudRate` (8N1), resolving once open. */
export const openNodeSerial: SerialOpener = async (path, baudRate) => {
  const { SerialPort } = await load();
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) =>
    port.open((error) => (error ? reject(error) : resolve())),
  );
  return port;
};
