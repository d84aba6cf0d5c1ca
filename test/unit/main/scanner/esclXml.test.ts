import { describe, expect, it } from 'vitest';

import { statusError } from '../../../../src/main/devices/scanner/escl/esclScanner';
import {
  buildScanSettings,
  parseCapabilities,
  parseStatus,
} from '../../../../src/main/devices/scanner/escl/esclXml';

// Prefixes differ between devices; this one uses `s:` and `p:` on purpose.
const caps = `<?xml version="1.0"?>
<s:ScannerCapabilities xmlns:s="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:p="http://www.pwg.org/schemas/2010/12/sm">
  <p:MakeAndModel>Brother MFC-L5900</p:MakeAndModel>
  <s:Platen><s:PlatenInputCaps><s:MaxWidth>2550</s:MaxWidth><s:MaxHeight>3507</s:MaxHeight>
    <s:SettingProfiles><s:SettingProfile><s:ColorModes><s:ColorMode>Grayscale8</s:ColorMode><s:ColorMode>RGB24</s:ColorMode></s:ColorModes>
    <s:DocumentFormats><p:DocumentFormat>image/jpeg</p:DocumentFormat><p:DocumentFormat>application/pdf</p:DocumentFormat></s:DocumentFormats>
    <s:SupportedResolutions><s:XResolutionRange><s:Min>75</s:Min><s:Max>600</s:Max></s:XResolutionRange></s:SupportedResolutions>
    </s:SettingProfile></s:SettingProfiles></s:PlatenInputCaps></s:Platen>
  <s:Adf><s:AdfSimplexInputCaps><s:MaxWidth>2550</s:MaxWidth><s:MaxHeight>4200</s:MaxHeight>
    <s:SettingProfiles><s:SettingProfile><s:ColorModes><s:ColorMode>BlackAndWhite1</s:ColorMode><s:ColorMode>Grayscale8</s:ColorMode></s:ColorModes>
    <s:DocumentFormats><s:DocumentFormatExt>image/png</s:DocumentFormatExt><s:DocumentFormatExt>image/jpeg</s:DocumentFormatExt></s:DocumentFormats>
    <s:SupportedResolutions><s:DiscreteResolutions><s:DiscreteResolution><s:XResolution>300</s:XResolution><s:YResolution>300</s:YResolution></s:DiscreteResolution>
    <s:DiscreteResolution><s:XResolution>200</s:XResolution><s:YResolution>200</s:YResolution></s:DiscreteResolution></s:DiscreteResolutions></s:SupportedResolutions>
    </s:SettingProfile></s:SettingProfiles></s:AdfSimplexInputCaps></s:Adf>
</s:ScannerCapabilities>`;

describe('parseCapabilities', () => {
  const parsed = parseCapabilities(caps);

  it('reads model, sources, modes, formats and resolutions by local name', () => {
    expect(parsed.model).toBe('Brother MFC-L5900');
    expect(parsed.adfDuplex).toBeUndefined();
    expect(parsed.adfSimplex).toEqual({
      maxWidth: 2550,
      maxHeight: 4200,
      colorModes: ['BlackAndWhite1', 'Grayscale8'],
      formats: ['image/png', 'image/jpeg'],
      resolutions: [200, 300],
    });
  });

  it('turns a resolution range into the common steps inside it', () => {
    expect(parsed.platen?.resolutions).toEqual([75, 100, 150, 200, 300, 400, 600]);
    expect(parsed.platen?.formats).toContain('application/pdf');
  });
});

describe('parseStatus and statusError', () => {
  const status = (state: string, adf: string) =>
    parseStatus(
      `<scan:ScannerStatus><pwg:State>${state}</pwg:State><scan:AdfState>${adf}</scan:AdfState>` +
        `<scan:Jobs><scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/abc</pwg:JobUri><pwg:JobState>Aborted</pwg:JobState>` +
        `<pwg:ImagesCompleted>2</pwg:ImagesCompleted></scan:JobInfo></scan:Jobs></scan:ScannerStatus>`,
    );

  it('reads state, feeder state and jobs', () => {
    expect(status('Idle', 'ScannerAdfLoaded')).toEqual({
      state: 'Idle',
      adfState: 'ScannerAdfLoaded',
      jobs: [{ uri: '/eSCL/ScanJobs/abc', state: 'Aborted', imagesCompleted: 2 }],
    });
  });

  it('maps device conditions to the one error set', () => {
    expect(statusError(status('Idle', 'ScannerAdfJam'), true)?.code).toBe('paper-jam');
    expect(statusError(status('Idle', 'ScannerAdfHatchOpen'), true)?.code).toBe('cover-open');
    expect(statusError(status('Idle', 'ScannerAdfEmpty'), true)?.code).toBe('feeder-empty');
    expect(statusError(status('Down', 'ScannerAdfLoaded'), false)?.code).toBe('offline');
  });

  it('does not object to an empty feeder for a flatbed scan, nor to a busy state', () => {
    expect(statusError(status('Idle', 'ScannerAdfEmpty'), false)).toBeNull();
    expect(statusError(status('Processing', 'ScannerAdfLoaded'), true)).toBeNull();
  });
});

describe('buildScanSettings', () => {
  it('writes the eSCL job request', () => {
    const xml = buildScanSettings({
      inputSource: 'Feeder',
      duplex: true,
      colorMode: 'BlackAndWhite1',
      resolution: 300,
      width: 2550,
      height: 3300,
      format: 'image/png',
    });
    expect(xml).toContain('<pwg:InputSource>Feeder</pwg:InputSource>');
    expect(xml).toContain('<scan:Duplex>true</scan:Duplex>');
    expect(xml).toContain('<scan:ColorMode>BlackAndWhite1</scan:ColorMode>');
    expect(xml).toContain('<scan:XResolution>300</scan:XResolution>');
    expect(xml).toContain('<pwg:Width>2550</pwg:Width><pwg:Height>3300</pwg:Height>');
    expect(xml).toContain('escl:ThreeHundredthsOfInches');
  });

  it('omits Duplex for the platen', () => {
    const xml = buildScanSettings({
      inputSource: 'Platen',
      duplex: false,
      colorMode: 'Grayscale8',
      resolution: 150,
      width: 100,
      height: 100,
      format: 'image/jpeg',
    });
    expect(xml).not.toContain('Duplex');
  });
});
