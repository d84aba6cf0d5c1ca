/**
 * eSCL (AirScan/Mopria) XML: the ScanSettings we POST and the ScannerCapabilities and
 * ScannerStatus documents we read (devices.md §2.3). Elements are matched by local name, so
 * any namespace prefix a device chooses works; unknown elements are ignored.
 */

export const esclNs = {
  scan: 'http://schemas.hp.com/imaging/escl/2011/05/03',
  pwg: 'http://www.pwg.org/schemas/2010/12/sm',
} as const;

/** eSCL colour modes. */
export type EsclColorMode = 'BlackAndWhite1' | 'Grayscale8' | 'RGB24';

/** One input source's capabilities (`PlatenInputCaps`, `AdfSimplexInputCaps`, …). */
export type EsclInputCaps = {
  /** In 1/300 inch. */
  readonly maxWidth: number;
  readonly maxHeight: number;
  readonly colorModes: readonly string[];
  readonly formats: readonly string[];
  readonly resolutions: readonly number[];
};

export type EsclCapabilities = {
  readonly model?: string;
  readonly platen?: EsclInputCaps;
  readonly adfSimplex?: EsclInputCaps;
  readonly adfDuplex?: EsclInputCaps;
};

export type EsclJobInfo = {
  readonly uri: string;
  readonly state: string;
  readonly imagesCompleted: number;
};

export type EsclStatus = {
  /** Idle, Processing, Testing, Stopped, Down. */
  readonly state: string;
  /** ScannerAdfLoaded, ScannerAdfEmpty, ScannerAdfJam, ScannerAdfHatchOpen, … */
  readonly adfState?: string;
  readonly jobs: readonly EsclJobInfo[];
};

const element = (name: string) =>
  new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>`, 'g');

/** Text of every `name` element (by local name) in `xml`. */
export function allOf(xml: string, name: string): string[] {
  return [...xml.matchAll(element(name))].map((m) => (m[1] ?? '').trim());
}

/** Text of the first `name` element, if any. */
export function firstOf(xml: string, name: string): string | undefined {
  return allOf(xml, name)[0];
}

function inputCaps(block: string | undefined): EsclInputCaps | undefined {
  if (!block) return undefined;
  const discrete = allOf(block, 'DiscreteResolution').map((r) => Number(firstOf(r, 'XResolution')));
  const range = firstOf(block, 'XResolutionRange');
  let resolutions = discrete.filter((n) => Number.isFinite(n) && n > 0);
  if (!resolutions.length && range) {
    const min = Number(firstOf(range, 'Min'));
    const max = Number(firstOf(range, 'Max'));
    resolutions = [75, 100, 150, 200, 300, 400, 600, 1200].filter((d) => d >= min && d <= max);
  }
  return {
    maxWidth: Number(firstOf(block, 'MaxWidth') ?? 2550),
    maxHeight: Number(firstOf(block, 'MaxHeight') ?? 3300),
    colorModes: [...new Set(allOf(block, 'ColorMode'))],
    formats: [
      ...new Set([...allOf(block, 'DocumentFormatExt'), ...allOf(block, 'DocumentFormat')]),
    ],
    resolutions: [...new Set(resolutions)].sort((a, b) => a - b),
  };
}

/** Parses `GET /eSCL/ScannerCapabilities`. */
export function parseCapabilities(xml: string): EsclCapabilities {
  const adf = firstOf(xml, 'Adf');
  const model = firstOf(xml, 'MakeAndModel');
  const platen = inputCaps(firstOf(xml, 'PlatenInputCaps'));
  const adfSimplex = inputCaps(adf ? firstOf(adf, 'AdfSimplexInputCaps') : undefined);
  const adfDuplex = inputCaps(adf ? firstOf(adf, 'AdfDuplexInputCaps') : undefined);
  return {
    ...(model ? { model } : {}),
    ...(platen ? { platen } : {}),
    ...(adfSimplex ? { adfSimplex } : {}),
    ...(adfDuplex ? { adfDuplex } : {}),
  };
}

/** Parses `GET /eSCL/ScannerStatus`. */
export function parseStatus(xml: string): EsclStatus {
  const adfState = firstOf(xml, 'AdfState');
  return {
    state: firstOf(xml, 'State') ?? 'Unknown',
    ...(adfState ? { adfState } : {}),
    jobs: allOf(xml, 'JobInfo').map((j) => ({
      uri: firstOf(j, 'JobUri') ?? '',
      state: firstOf(j, 'JobState') ?? 'Unknown',
      imagesCompleted: Number(firstOf(j, 'ImagesCompleted') ?? 0),
    })),
  };
}

export type EsclScanRequest = {
  readonly inputSource: 'Platen' | 'Feeder';
  readonly duplex: boolean;
  readonly colorMode: EsclColorMode;
  readonly resolution: number;
  /** In 1/300 inch. */
  readonly width: number;
  readonly height: number;
  readonly format: string;
};

/** The `scan:ScanSettings` body of `POST /eSCL/ScanJobs`. */
export function buildScanSettings(r: EsclScanRequest): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<scan:ScanSettings xmlns:scan="${esclNs.scan}" xmlns:pwg="${esclNs.pwg}">` +
    `<pwg:Version>2.6</pwg:Version>` +
    `<scan:Intent>Document</scan:Intent>` +
    `<pwg:ScanRegions><pwg:ScanRegion>` +
    `<pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>` +
    `<pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset>` +
    `<pwg:Width>${r.width}</pwg:Width><pwg:Height>${r.height}</pwg:Height>` +
    `</pwg:ScanRegion></pwg:ScanRegions>` +
    `<pwg:InputSource>${r.inputSource}</pwg:InputSource>` +
    (r.inputSource === 'Feeder' ? `<scan:Duplex>${r.duplex}</scan:Duplex>` : '') +
    `<scan:ColorMode>${r.colorMode}</scan:ColorMode>` +
    `<scan:XResolution>${r.resolution}</scan:XResolution>` +
    `<scan:YResolution>${r.resolution}</scan:YResolution>` +
    `<pwg:DocumentFormat>${r.format}</pwg:DocumentFormat>` +
    `<scan:DocumentFormatExt>${r.format}</scan:DocumentFormatExt>` +
    `</scan:ScanSettings>`
  );
}
