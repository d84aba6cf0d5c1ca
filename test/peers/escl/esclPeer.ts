/**
 * An eSCL scanner on loopback for the tests (no eSCL server exists in Debian or on npm;
 * devices.md §2.3 and appendix B). It implements the protocol as real MFPs and sane-airscan
 * expect it:
 *
 * - GET /eSCL/ScannerCapabilities: Platen, ADF simplex and duplex, 100–300 dpi, BlackAndWhite1
 *   (PNG only, as devices commonly do), Grayscale8 and RGB24 (JPEG, PNG);
 * - GET /eSCL/ScannerStatus: pwg:State, scan:AdfState and every job's JobInfo;
 * - POST /eSCL/ScanJobs: 201 + Location; 503 + Retry-After while busy; 409 for an empty feeder
 *   or an unsupported setting;
 * - GET {job}/NextDocument: 200 with the next image; 503 while the page is still being scanned;
 *   404 at the end of the job; 410 once the job was cancelled; a jam aborts the job (503, and
 *   ScannerStatus then shows AdfJam and the job Aborted);
 * - DELETE {job}: cancels the job.
 *
 * Faults and behaviour are plain fields, changeable between tests.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';

import sharp from 'sharp';

import { blankPage, textPage } from './pageFixtures';

const NS =
  'xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm"';
const resolutions = [100, 150, 200, 300];

type Job = {
  id: string;
  source: 'Platen' | 'Feeder';
  duplex: boolean;
  res: number;
  colorMode: string;
  format: string;
  width: number;
  height: number;
  sent: number;
  state: 'Pending' | 'Processing' | 'Completed' | 'Aborted' | 'Canceled';
  readyAt: number;
};

export type EsclPeerOptions = {
  /** Sheets in the feeder (duplex gives two images per sheet). */
  adfSheets: number;
  /** The next N ScanJobs requests get 503 (busy), then the device accepts. */
  busyPosts: number;
  /** 1-based image at which the feeder jams (0 = never). */
  jamAtImage: number;
  /** The feeder is empty: ScanJobs from the Feeder gets 409 and AdfState says so. */
  feederEmpty: boolean;
  /** The hatch is open. */
  coverOpen: boolean;
  /** Milliseconds each image takes to scan (NextDocument answers 503 until then). */
  pageDelayMs: number;
  /** Backs of duplex sheets are blank paper (for blank-page detection). */
  blankBacks: boolean;
  /** Refuse BlackAndWhite1 with 409 (some devices list it but do not do it). */
  refuseBlackAndWhite: boolean;
};

export const defaultEsclPeerOptions: EsclPeerOptions = {
  adfSheets: 3,
  busyPosts: 0,
  jamAtImage: 0,
  feederEmpty: false,
  coverOpen: false,
  pageDelayMs: 0,
  blankBacks: false,
  refuseBlackAndWhite: false,
};

const tag = (xml: string, name: string) =>
  new RegExp(`<(?:[\\w-]+:)?${name}>([^<]*)<`).exec(xml)?.[1];

function inputCaps(name: string): string {
  const profile =
    `<scan:SettingProfiles><scan:SettingProfile><scan:ColorModes>` +
    `<scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode>` +
    `</scan:ColorModes><scan:DocumentFormats>` +
    `<pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>image/png</pwg:DocumentFormat>` +
    `<scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt><scan:DocumentFormatExt>image/png</scan:DocumentFormatExt>` +
    `</scan:DocumentFormats><scan:SupportedResolutions><scan:DiscreteResolutions>` +
    resolutions
      .map(
        (r) =>
          `<scan:DiscreteResolution><scan:XResolution>${r}</scan:XResolution><scan:YResolution>${r}</scan:YResolution></scan:DiscreteResolution>`,
      )
      .join('') +
    `</scan:DiscreteResolutions></scan:SupportedResolutions></scan:SettingProfile></scan:SettingProfiles>`;
  return (
    `<scan:${name}><scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth>` +
    `<scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>4200</scan:MaxHeight>` +
    `<scan:MaxScanRegions>1</scan:MaxScanRegions>${profile}` +
    `<scan:SupportedIntents><scan:Intent>Document</scan:Intent><scan:Intent>TextAndGraphic</scan:Intent><scan:Intent>Photo</scan:Intent></scan:SupportedIntents>` +
    `</scan:${name}>`
  );
}

const capabilities =
  `<?xml version="1.0" encoding="UTF-8"?><scan:ScannerCapabilities ${NS}>` +
  `<pwg:Version>2.63</pwg:Version><pwg:MakeAndModel>Courtroom Test eSCL</pwg:MakeAndModel>` +
  `<pwg:SerialNumber>CCPOR-TEST-1</pwg:SerialNumber><scan:UUID>4509a320-00a0-008f-00b6-002507510eca</scan:UUID>` +
  `<scan:Platen>${inputCaps('PlatenInputCaps')}</scan:Platen>` +
  `<scan:Adf>${inputCaps('AdfSimplexInputCaps')}${inputCaps('AdfDuplexInputCaps')}` +
  `<scan:FeederCapacity>50</scan:FeederCapacity><scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions></scan:Adf>` +
  `</scan:ScannerCapabilities>`;

/** The test eSCL scanner. */
export class EsclPeer {
  options: EsclPeerOptions;
  /** `METHOD path → status` of every request, for tests to check the client's behaviour. */
  readonly log: string[] = [];
  /** SHA-256 of every image sent, in order (a JPEG kept as delivered has the same hash). */
  readonly sent: string[] = [];
  private readonly jobs = new Map<string, Job>();
  private jammed = false;
  private readonly server: http.Server;
  port = 0;

  constructor(options: Partial<EsclPeerOptions> = {}) {
    this.options = { ...defaultEsclPeerOptions, ...options };
    this.server = http.createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  }

  /** The eSCL root URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/eSCL`;
  }

  async start(port = 0): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Back to a loaded, idle scanner with the given options. */
  reset(options: Partial<EsclPeerOptions> = {}): void {
    this.options = { ...defaultEsclPeerOptions, ...options };
    this.jobs.clear();
    this.jammed = false;
    this.log.length = 0;
    this.sent.length = 0;
  }

  private state(): string {
    return [...this.jobs.values()].some((j) => j.state === 'Processing' || j.state === 'Pending')
      ? 'Processing'
      : 'Idle';
  }

  private adfState(): string {
    if (this.options.coverOpen) return 'ScannerAdfHatchOpen';
    if (this.jammed) return 'ScannerAdfJam';
    return this.options.feederEmpty ? 'ScannerAdfEmpty' : 'ScannerAdfLoaded';
  }

  private status(): string {
    const jobs = [...this.jobs.values()]
      .map(
        (j) =>
          `<scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/${j.id}</pwg:JobUri><pwg:JobUuid>${j.id}</pwg:JobUuid>` +
          `<scan:Age>1</scan:Age><pwg:ImagesCompleted>${j.sent}</pwg:ImagesCompleted><pwg:ImagesToTransfer>1</pwg:ImagesToTransfer>` +
          `<pwg:JobState>${j.state}</pwg:JobState></scan:JobInfo>`,
      )
      .join('');
    return (
      `<?xml version="1.0" encoding="UTF-8"?><scan:ScannerStatus ${NS}><pwg:Version>2.63</pwg:Version>` +
      `<pwg:State>${this.state()}</pwg:State><scan:AdfState>${this.adfState()}</scan:AdfState>` +
      `<scan:Jobs>${jobs}</scan:Jobs></scan:ScannerStatus>`
    );
  }

  private async render(job: Job, index: number): Promise<Buffer> {
    const back = job.duplex && index % 2 === 1;
    const page =
      back && this.options.blankBacks
        ? blankPage(job.res, 100 + index, job.width, job.height)
        : textPage(job.res, 1 + index, job.width, job.height);
    let image = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } });
    if (job.colorMode === 'BlackAndWhite1') {
      return image
        .threshold(128)
        .toColourspace('b-w')
        .png({ palette: true, colours: 2 })
        .withDensity(job.res)
        .toBuffer();
    }
    image = job.colorMode === 'RGB24' ? image.toColourspace('srgb') : image.toColourspace('b-w');
    const encoded = job.format === 'image/png' ? image.png() : image.jpeg({ quality: 75 });
    return encoded.withDensity(job.res).toBuffer();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const path = (req.url ?? '').replace(/\/+$/, '');
    const send = (
      code: number,
      headers: Record<string, string> = {},
      data: string | Buffer = '',
    ) => {
      this.log.push(`${req.method} ${path} → ${code}`);
      res.writeHead(code, headers).end(data);
    };
    const xml = { 'Content-Type': 'text/xml' };
    if (req.method === 'GET' && path === '/eSCL/ScannerCapabilities')
      return send(200, xml, capabilities);
    if (req.method === 'GET' && path === '/eSCL/ScannerStatus')
      return send(200, xml, this.status());
    if (req.method === 'POST' && path === '/eSCL/ScanJobs') {
      if (this.options.busyPosts > 0 || this.state() !== 'Idle') {
        this.options.busyPosts = Math.max(0, this.options.busyPosts - 1);
        return send(503, { 'Retry-After': '1' });
      }
      const source = tag(body, 'InputSource') === 'Feeder' ? 'Feeder' : 'Platen';
      const colorMode = tag(body, 'ColorMode') ?? 'RGB24';
      const format = tag(body, 'DocumentFormatExt') ?? tag(body, 'DocumentFormat') ?? 'image/jpeg';
      const res300 = Number(tag(body, 'XResolution') ?? 300);
      if (source === 'Feeder' && (this.options.feederEmpty || this.options.coverOpen))
        return send(409);
      if (!resolutions.includes(res300) || !['image/jpeg', 'image/png'].includes(format))
        return send(409);
      if (
        colorMode === 'BlackAndWhite1' &&
        (this.options.refuseBlackAndWhite || format !== 'image/png')
      )
        return send(409);
      const w = Math.min(2550, Number(tag(body, 'Width') ?? 2550));
      const h = Math.min(4200, Number(tag(body, 'Height') ?? 3300));
      const id = randomUUID();
      this.jobs.set(id, {
        id,
        source,
        duplex: source === 'Feeder' && tag(body, 'Duplex') === 'true',
        res: res300,
        colorMode,
        format,
        width: Math.round((w / 300) * res300),
        height: Math.round((h / 300) * res300),
        sent: 0,
        state: 'Processing',
        readyAt: Date.now() + this.options.pageDelayMs,
      });
      return send(201, { Location: `http://127.0.0.1:${this.port}/eSCL/ScanJobs/${id}` });
    }
    const m = /^\/eSCL\/ScanJobs\/([0-9a-f-]+)(\/NextDocument)?$/.exec(path);
    const job = m ? this.jobs.get(m[1] ?? '') : undefined;
    if (!m || !job) return send(404);
    if (req.method === 'DELETE' && !m[2]) {
      if (job.state === 'Processing' || job.state === 'Pending') job.state = 'Canceled';
      return send(200);
    }
    if (req.method !== 'GET' || !m[2]) return send(405);
    if (job.state === 'Canceled') return send(410);
    if (job.state === 'Aborted') return send(503, { 'Retry-After': '1' });
    const total = job.source === 'Feeder' ? this.options.adfSheets * (job.duplex ? 2 : 1) : 1;
    if (job.sent >= total) {
      job.state = 'Completed';
      return send(404);
    }
    if (this.options.jamAtImage === job.sent + 1) {
      job.state = 'Aborted';
      this.jammed = true;
      return send(503, { 'Retry-After': '1' });
    }
    if (Date.now() < job.readyAt) return send(503, { 'Retry-After': '1' });
    const image = await this.render(job, job.sent);
    this.sent.push(createHash('sha256').update(image).digest('hex'));
    job.sent += 1;
    job.readyAt = Date.now() + this.options.pageDelayMs;
    if (job.sent >= total && job.source === 'Platen') job.state = 'Completed';
    return send(
      200,
      { 'Content-Type': job.format === 'image/png' ? 'image/png' : 'image/jpeg' },
      image,
    );
  }
}
