import { describe, expect, it } from 'vitest';
import { completeLocation, continentOfCountry, defaultLatencyTable, describeLocation, locationOfRegion, parseLocation, REGIONS } from '@main/core/route53/geography';

describe('client locations', () => {
  it('parses a continent, a country, a subdivision and a region', () => {
    expect(parseLocation('EU')).toEqual({ continentCode: 'EU' });
    expect(parseLocation('de')).toEqual({ continentCode: 'EU', countryCode: 'DE' });
    expect(parseLocation('US-CA')).toEqual({ continentCode: 'NA', countryCode: 'US', subdivisionCode: 'CA' });
    expect(parseLocation('eu-west-1')).toEqual({ continentCode: 'EU', countryCode: 'IE', region: 'eu-west-1' });
    expect(parseLocation('us-west-1')).toEqual({ continentCode: 'NA', countryCode: 'US', subdivisionCode: 'CA', region: 'us-west-1' });
  });

  it('reads AF, AS, NA and SA as continents unless country: says otherwise', () => {
    expect(parseLocation('NA')).toEqual({ continentCode: 'NA' });
    expect(parseLocation('country:NA')).toEqual({ continentCode: 'AF', countryCode: 'NA' });
    expect(parseLocation('continent:sa')).toEqual({ continentCode: 'SA' });
  });

  it('explains what it cannot parse', () => {
    expect(parseLocation('XX')).toEqual({ error: '"XX" is not an ISO 3166 country code' });
    expect(parseLocation('US-ZZ')).toEqual({ error: '"ZZ" is not a US state code' });
    expect(parseLocation('xx-nowhere-9')).toHaveProperty('error');
    expect(parseLocation('somewhere')).toHaveProperty('error');
  });

  it('knows the continent of every country Route 53 routes, and describes a location briefly', () => {
    expect(continentOfCountry('TR')).toBe('AS');
    expect(continentOfCountry('RU')).toBe('EU');
    expect(continentOfCountry('AS')).toBe('OC'); // American Samoa
    expect(completeLocation({ countryCode: 'BR' })).toEqual({ countryCode: 'BR', continentCode: 'SA' });
    expect(describeLocation(parseLocation('US-CA') as object)).toBe('US-CA, NA');
    expect(describeLocation(locationOfRegion('eu-west-1')!)).toBe('eu-west-1 (IE, EU)');
  });

  it('every latency region has a place on a known continent', () => {
    for (const place of REGIONS.values()) expect([place.region, continentOfCountry(place.countryCode)]).toEqual([place.region, place.continentCode]);
  });
});

describe('default latency model (ours: 10 ms + 0.013 ms per great-circle km)', () => {
  it('gives plausible round trips: Frankfurt–Dublin ≈ 24 ms, a German client nearest to eu-central-1', () => {
    const fromFrankfurt = defaultLatencyTable(locationOfRegion('eu-central-1')!, ['eu-central-1', 'eu-west-1', 'us-east-1', 'ap-southeast-2']);
    expect(fromFrankfurt['eu-central-1']).toBe(10);
    expect(fromFrankfurt['eu-west-1']).toBe(24);
    expect(fromFrankfurt['us-east-1']).toBeGreaterThan(90);
    expect(fromFrankfurt['ap-southeast-2']).toBeGreaterThan(200);
    const fromGermany = defaultLatencyTable({ countryCode: 'DE' });
    const nearest = Object.entries(fromGermany).sort((a, b) => a[1] - b[1])[0]![0];
    expect(['eu-central-1', 'eusc-de-east-1']).toContain(nearest);
  });

  it('a Californian client is nearer to us-west-1 than to us-east-1; a continent alone still gives figures; nothing gives none', () => {
    const fromCalifornia = defaultLatencyTable({ countryCode: 'US', subdivisionCode: 'CA' });
    expect(fromCalifornia['us-west-1']!).toBeLessThan(fromCalifornia['us-east-1']!);
    expect(Object.keys(defaultLatencyTable({ continentCode: 'OC' })).length).toBe(REGIONS.size);
    expect(defaultLatencyTable({})).toEqual({});
  });
});
