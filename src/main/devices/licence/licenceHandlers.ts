/**
 * IPC handlers of the `licence` domain, composed into src/main/workstation.ts, plus the
 * production wiring of the service (node-hid, serialport, zxing-wasm).
 */
import type { Handlers } from '../../ipc/dispatcher';
import type { LicenceScan } from '../../../shared/ipc/contracts/licence';
import { HidPosReader } from './hidPosReader';
import { decodeLicenceImage } from './imageDecoder';
import { LicenceService } from './licenceService';
import { listHidPosReaders, openNodeHid } from './nodeHid';
import { listSerialReaders, openNodeSerial } from './nodeSerial';
import type { LicenceReaderInfo, LicenceReaderPort } from './readerPort';
import { SerialLicenceReader } from './serialReader';

type LicenceChannel =
  | 'licence:list-readers'
  | 'licence:open-reader'
  | 'licence:close-reader'
  | 'licence:parse-payload'
  | 'licence:decode-image';

/** The handlers for the licence channels, over a service. */
export function createLicenceHandlers(service: LicenceService): Pick<Handlers, LicenceChannel> {
  return {
    'licence:list-readers': () => service.listReaders(),
    'licence:open-reader': ({ readerId }) => service.openReader(readerId),
    'licence:close-reader': ({ readerId }) => service.closeReader(readerId),
    'licence:parse-payload': ({ payload }) => service.parsePayload(payload),
    'licence:decode-image': ({ image }) => service.decodeImage(image),
  };
}

/** A reader adapter for a listed reader, by its kind. */
function createReader(info: LicenceReaderInfo): LicenceReaderPort {
  return info.kind === 'hid-pos'
    ? new HidPosReader(info, { open: openNodeHid })
    : new SerialLicenceReader(info, { open: openNodeSerial });
}

/** The service with the real devices; `publish` forwards scans to the event hub. */
export function createLicenceService(publish: (scan: LicenceScan) => void): LicenceService {
  return new LicenceService({
    listHid: listHidPosReaders,
    listSerial: listSerialReaders,
    createReader,
    decodeImage: (image) => decodeLicenceImage(image),
    publish,
  });
}
