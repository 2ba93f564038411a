/**
 * Where clients and AWS regions are, for geolocation and latency routing.
 *
 * - Continents are Route 53's seven codes (AF, AN, AS, EU, NA, OC, SA); each ISO 3166 country
 *   belongs to one (GeoNames' assignment), so a query from DE also matches a record for EU.
 *   docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-geo.html
 * - Regions carry the place their data centres are, so `--from eu-west-1` means "a resolver in
 *   Dublin" (IE, EU) and latency routing can measure from it.
 * - Route 53 measures latency between resolvers and regions and does not publish the figures
 *   (routing-policy-latency.html). The default model here is ours: round-trip milliseconds =
 *   10 + 0.013 × great-circle kilometres (about light in fibre, both ways, with a 1.3 path
 *   detour), which gives Frankfurt–Dublin ≈ 24 ms and New York–London ≈ 82 ms. Coordinates are
 *   a country's main population centre (a state's for US subdivisions), or its continent's centre
 *   when the table has no entry. Any caller can pass its own table instead.
 */
import type { ClientLocation } from '../contract/model-dns';

export const CONTINENTS = {
  AF: 'Africa',
  AN: 'Antarctica',
  AS: 'Asia',
  EU: 'Europe',
  NA: 'North America',
  OC: 'Oceania',
  SA: 'South America',
} as const;
export type ContinentCode = keyof typeof CONTINENTS;

export function isContinentCode(code: string): code is ContinentCode {
  return Object.hasOwn(CONTINENTS, code);
}

const COUNTRIES_BY_CONTINENT: Record<ContinentCode, string> = {
  AF: 'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW',
  AN: 'AQ BV GS HM TF',
  AS: 'AE AF AM AZ BD BH BN BT CC CN CX GE HK ID IL IN IO IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE',
  EU: 'AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK',
  NA: 'AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA PM PR SV SX TC TT US VC VG VI',
  OC: 'AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS',
  SA: 'AR BO BR CL CO EC FK GF GY PE PY SR UY VE',
};

const CONTINENT_OF_COUNTRY = new Map<string, ContinentCode>(
  (Object.entries(COUNTRIES_BY_CONTINENT) as [ContinentCode, string][]).flatMap(([continent, list]) => list.split(' ').map((country) => [country, continent] as const)),
);

export function continentOfCountry(countryCode: string): ContinentCode | undefined {
  return CONTINENT_OF_COUNTRY.get(countryCode.toUpperCase());
}

export function isCountryCode(code: string): boolean {
  return CONTINENT_OF_COUNTRY.has(code.toUpperCase());
}

type LatLon = readonly [number, number];

const CONTINENT_CENTRES: Record<ContinentCode, LatLon> = {
  AF: [5, 20],
  AN: [-80, 0],
  AS: [30, 100],
  EU: [50, 10],
  NA: [40, -95],
  OC: [-28, 140],
  SA: [-15, -58],
};

/** Main population centres (our approximations). */
const COUNTRY_CENTRES: Record<string, LatLon> = {
  US: [39.8, -98.6], CA: [43.7, -79.4], MX: [19.4, -99.1], BR: [-23.5, -46.6], AR: [-34.6, -58.4], CL: [-33.4, -70.6],
  CO: [4.7, -74.1], PE: [-12.0, -77.0], VE: [10.5, -66.9], EC: [-0.2, -78.5], UY: [-34.9, -56.2], PY: [-25.3, -57.6],
  BO: [-16.5, -68.1], CR: [9.9, -84.1], PA: [9.0, -79.5], GT: [14.6, -90.5], CU: [23.1, -82.4], DO: [18.5, -69.9],
  JM: [18.0, -76.8], PR: [18.5, -66.1],
  GB: [51.5, -0.1], IE: [53.3, -6.3], FR: [48.9, 2.4], DE: [51.2, 10.4], NL: [52.4, 4.9], BE: [50.8, 4.4],
  LU: [49.6, 6.1], CH: [46.9, 7.4], AT: [48.2, 16.4], IT: [41.9, 12.5], ES: [40.4, -3.7], PT: [38.7, -9.1],
  DK: [55.7, 12.6], SE: [59.3, 18.1], NO: [59.9, 10.8], FI: [60.2, 24.9], IS: [64.1, -21.9], PL: [52.2, 21.0],
  CZ: [50.1, 14.4], SK: [48.1, 17.1], HU: [47.5, 19.0], RO: [44.4, 26.1], BG: [42.7, 23.3], GR: [38.0, 23.7],
  HR: [45.8, 16.0], SI: [46.1, 14.5], RS: [44.8, 20.5], UA: [50.5, 30.5], BY: [53.9, 27.6], LT: [54.7, 25.3],
  LV: [56.9, 24.1], EE: [59.4, 24.7], RU: [55.8, 37.6], TR: [41.0, 29.0], CY: [35.2, 33.4], MT: [35.9, 14.5],
  IL: [32.1, 34.8], AE: [25.2, 55.3], SA: [24.7, 46.7], QA: [25.3, 51.5], BH: [26.2, 50.6], KW: [29.4, 48.0],
  OM: [23.6, 58.4], JO: [31.9, 35.9], LB: [33.9, 35.5], EG: [30.0, 31.2], IR: [35.7, 51.4], IQ: [33.3, 44.4],
  PK: [24.9, 67.0], IN: [23.0, 77.0], BD: [23.8, 90.4], LK: [6.9, 79.9], NP: [27.7, 85.3], CN: [39.9, 116.4],
  HK: [22.3, 114.2], TW: [25.0, 121.5], JP: [35.7, 139.7], KR: [37.6, 127.0], SG: [1.35, 103.8], MY: [3.1, 101.7],
  TH: [13.8, 100.5], VN: [21.0, 105.8], PH: [14.6, 121.0], ID: [-6.2, 106.8], KZ: [51.2, 71.4], UZ: [41.3, 69.3],
  MN: [47.9, 106.9],
  AU: [-33.9, 151.2], NZ: [-36.8, 174.8], FJ: [-18.1, 178.4], PG: [-9.4, 147.2],
  ZA: [-26.2, 28.0], NG: [6.5, 3.4], KE: [-1.3, 36.8], MA: [33.6, -7.6], DZ: [36.8, 3.1], TN: [36.8, 10.2],
  GH: [5.6, -0.2], ET: [9.0, 38.7], TZ: [-6.8, 39.3], UG: [0.3, 32.6], SN: [14.7, -17.4], CI: [5.3, -4.0],
  CM: [3.9, 11.5], AO: [-8.8, 13.2], ZW: [-17.8, 31.0], ZM: [-15.4, 28.3], MZ: [-25.9, 32.6], NA: [-22.6, 17.1],
  BW: [-24.7, 25.9], MU: [-20.2, 57.5],
};

/** US states (Route 53 subdivision codes for CountryCode US), by their main population centre. */
const US_STATE_CENTRES: Record<string, LatLon> = {
  AL: [32.8, -86.8], AK: [61.2, -149.9], AZ: [33.5, -112.1], AR: [34.8, -92.2], CA: [36.8, -119.4], CO: [39.7, -105.0],
  CT: [41.6, -72.7], DE: [39.0, -75.5], DC: [38.9, -77.0], FL: [28.1, -81.6], GA: [33.7, -84.4], HI: [21.3, -157.8],
  ID: [43.6, -116.2], IL: [41.9, -87.6], IN: [39.8, -86.2], IA: [41.6, -93.6], KS: [38.5, -98.0], KY: [38.0, -84.5],
  LA: [30.5, -91.1], ME: [44.3, -69.8], MD: [39.0, -76.6], MA: [42.4, -71.1], MI: [42.7, -84.5], MN: [45.0, -93.3],
  MS: [32.3, -90.2], MO: [38.6, -92.2], MT: [46.9, -110.4], NE: [41.1, -98.3], NV: [36.2, -115.1], NH: [43.2, -71.5],
  NJ: [40.1, -74.5], NM: [35.1, -106.6], NY: [40.7, -74.0], NC: [35.8, -78.6], ND: [46.8, -100.8], OH: [40.0, -83.0],
  OK: [35.5, -97.5], OR: [45.5, -122.7], PA: [40.3, -76.9], RI: [41.8, -71.4], SC: [34.0, -81.0], SD: [44.4, -100.3],
  TN: [36.2, -86.8], TX: [30.3, -97.7], UT: [40.8, -111.9], VT: [44.3, -72.6], VA: [37.5, -77.4], WA: [47.6, -122.3],
  WV: [38.3, -81.6], WI: [43.1, -89.4], WY: [41.1, -104.8],
};

export function isUsStateCode(code: string): boolean {
  return Object.hasOwn(US_STATE_CENTRES, code.toUpperCase());
}

export interface RegionPlace {
  region: string;
  city: string;
  continentCode: ContinentCode;
  countryCode: string;
  subdivisionCode?: string;
  at: LatLon;
}

/** Regions Route 53 accepts for latency record sets (ResourceRecordSetRegion), and where they are. */
const REGION_LIST: RegionPlace[] = [
  { region: 'us-east-1', city: 'N. Virginia', continentCode: 'NA', countryCode: 'US', subdivisionCode: 'VA', at: [38.9, -77.4] },
  { region: 'us-east-2', city: 'Ohio', continentCode: 'NA', countryCode: 'US', subdivisionCode: 'OH', at: [40.0, -83.0] },
  { region: 'us-west-1', city: 'N. California', continentCode: 'NA', countryCode: 'US', subdivisionCode: 'CA', at: [37.4, -121.9] },
  { region: 'us-west-2', city: 'Oregon', continentCode: 'NA', countryCode: 'US', subdivisionCode: 'OR', at: [45.8, -119.7] },
  { region: 'us-gov-east-1', city: 'GovCloud (US-East)', continentCode: 'NA', countryCode: 'US', subdivisionCode: 'OH', at: [40.0, -83.0] },
  { region: 'us-gov-west-1', city: 'GovCloud (US-West)', continentCode: 'NA', countryCode: 'US', subdivisionCode: 'OR', at: [45.6, -121.2] },
  { region: 'ca-central-1', city: 'Montreal', continentCode: 'NA', countryCode: 'CA', at: [45.5, -73.6] },
  { region: 'ca-west-1', city: 'Calgary', continentCode: 'NA', countryCode: 'CA', at: [51.0, -114.1] },
  { region: 'mx-central-1', city: 'Querétaro', continentCode: 'NA', countryCode: 'MX', at: [20.6, -100.4] },
  { region: 'sa-east-1', city: 'São Paulo', continentCode: 'SA', countryCode: 'BR', at: [-23.5, -46.6] },
  { region: 'eu-west-1', city: 'Ireland', continentCode: 'EU', countryCode: 'IE', at: [53.3, -6.3] },
  { region: 'eu-west-2', city: 'London', continentCode: 'EU', countryCode: 'GB', at: [51.5, -0.1] },
  { region: 'eu-west-3', city: 'Paris', continentCode: 'EU', countryCode: 'FR', at: [48.9, 2.4] },
  { region: 'eu-central-1', city: 'Frankfurt', continentCode: 'EU', countryCode: 'DE', at: [50.1, 8.7] },
  { region: 'eu-central-2', city: 'Zurich', continentCode: 'EU', countryCode: 'CH', at: [47.4, 8.5] },
  { region: 'eu-north-1', city: 'Stockholm', continentCode: 'EU', countryCode: 'SE', at: [59.3, 18.1] },
  { region: 'eu-south-1', city: 'Milan', continentCode: 'EU', countryCode: 'IT', at: [45.5, 9.2] },
  { region: 'eu-south-2', city: 'Spain', continentCode: 'EU', countryCode: 'ES', at: [41.6, -0.9] },
  { region: 'eusc-de-east-1', city: 'Brandenburg', continentCode: 'EU', countryCode: 'DE', at: [52.4, 13.1] },
  { region: 'il-central-1', city: 'Tel Aviv', continentCode: 'AS', countryCode: 'IL', at: [32.1, 34.8] },
  { region: 'me-south-1', city: 'Bahrain', continentCode: 'AS', countryCode: 'BH', at: [26.1, 50.6] },
  { region: 'me-central-1', city: 'UAE', continentCode: 'AS', countryCode: 'AE', at: [24.5, 54.4] },
  { region: 'af-south-1', city: 'Cape Town', continentCode: 'AF', countryCode: 'ZA', at: [-33.9, 18.4] },
  { region: 'ap-east-1', city: 'Hong Kong', continentCode: 'AS', countryCode: 'HK', at: [22.3, 114.2] },
  { region: 'ap-east-2', city: 'Taipei', continentCode: 'AS', countryCode: 'TW', at: [25.0, 121.5] },
  { region: 'ap-south-1', city: 'Mumbai', continentCode: 'AS', countryCode: 'IN', at: [19.1, 72.9] },
  { region: 'ap-south-2', city: 'Hyderabad', continentCode: 'AS', countryCode: 'IN', at: [17.4, 78.5] },
  { region: 'ap-northeast-1', city: 'Tokyo', continentCode: 'AS', countryCode: 'JP', at: [35.7, 139.7] },
  { region: 'ap-northeast-2', city: 'Seoul', continentCode: 'AS', countryCode: 'KR', at: [37.6, 127.0] },
  { region: 'ap-northeast-3', city: 'Osaka', continentCode: 'AS', countryCode: 'JP', at: [34.7, 135.5] },
  { region: 'ap-southeast-1', city: 'Singapore', continentCode: 'AS', countryCode: 'SG', at: [1.35, 103.8] },
  { region: 'ap-southeast-2', city: 'Sydney', continentCode: 'OC', countryCode: 'AU', at: [-33.9, 151.2] },
  { region: 'ap-southeast-3', city: 'Jakarta', continentCode: 'AS', countryCode: 'ID', at: [-6.2, 106.8] },
  { region: 'ap-southeast-4', city: 'Melbourne', continentCode: 'OC', countryCode: 'AU', at: [-37.8, 145.0] },
  { region: 'ap-southeast-5', city: 'Malaysia', continentCode: 'AS', countryCode: 'MY', at: [3.1, 101.7] },
  { region: 'ap-southeast-6', city: 'New Zealand', continentCode: 'OC', countryCode: 'NZ', at: [-36.8, 174.8] },
  { region: 'ap-southeast-7', city: 'Thailand', continentCode: 'AS', countryCode: 'TH', at: [13.8, 100.5] },
  { region: 'cn-north-1', city: 'Beijing', continentCode: 'AS', countryCode: 'CN', at: [39.9, 116.4] },
  { region: 'cn-northwest-1', city: 'Ningxia', continentCode: 'AS', countryCode: 'CN', at: [38.5, 106.3] },
];

export const REGIONS: ReadonlyMap<string, RegionPlace> = new Map(REGION_LIST.map((place) => [place.region, place]));

export const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+)+-\d$/;

/** A client (resolver) located in a region: its country, continent and, in the US, its state. */
export function locationOfRegion(region: string): ClientLocation | undefined {
  const place = REGIONS.get(region);
  if (!place) return undefined;
  return {
    continentCode: place.continentCode,
    countryCode: place.countryCode,
    ...(place.subdivisionCode ? { subdivisionCode: place.subdivisionCode } : {}),
    region,
  };
}

/** Fills in the continent of a country, so a client in DE also matches records for EU. */
export function completeLocation(location: ClientLocation): ClientLocation {
  if (location.continentCode || !location.countryCode) return location;
  const continentCode = continentOfCountry(location.countryCode);
  return continentCode ? { ...location, continentCode } : location;
}

/**
 * Parses what an operator types for a location: a continent (`EU`), a country (`DE`), a
 * subdivision (`US-CA`) or a region (`eu-west-1`). Continent codes win where they collide with a
 * country code (AF, AS, NA, SA); `country:NA` or `continent:NA` says which one is meant.
 */
export function parseLocation(text: string): ClientLocation | { error: string } {
  const input = text.trim();
  const forced = /^(continent|country):(.+)$/i.exec(input);
  if (forced) {
    const code = forced[2]!.toUpperCase();
    if (forced[1]!.toLowerCase() === 'continent') {
      return isContinentCode(code) ? { continentCode: code } : { error: `"${forced[2]}" is not a continent code (${Object.keys(CONTINENTS).join(', ')})` };
    }
    return isCountryCode(code) ? completeLocation({ countryCode: code }) : { error: `"${forced[2]}" is not an ISO 3166 country code` };
  }
  if (REGION_PATTERN.test(input)) {
    return locationOfRegion(input) ?? { error: `"${input}" is not an AWS region this version knows (${[...REGIONS.keys()].join(', ')})` };
  }
  const upper = input.toUpperCase();
  if (isContinentCode(upper)) return { continentCode: upper };
  if (/^[A-Z]{2}$/.test(upper)) return isCountryCode(upper) ? completeLocation({ countryCode: upper }) : { error: `"${input}" is not an ISO 3166 country code` };
  const subdivision = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(upper);
  if (subdivision) {
    const [, country, code] = subdivision;
    if (!isCountryCode(country!)) return { error: `"${country}" in "${input}" is not an ISO 3166 country code` };
    if (country === 'US' && !isUsStateCode(code!)) return { error: `"${code}" is not a US state code` };
    return completeLocation({ countryCode: country, subdivisionCode: code });
  }
  return { error: `"${input}" is not a location: give a continent (EU), a country (DE), a subdivision (US-CA) or an AWS region (eu-west-1)` };
}

/** `DE (EU)`, `US-CA (NA)`, `eu-west-1 (IE, EU)`: a location in a few characters. */
export function describeLocation(location: ClientLocation): string {
  const geo = location.subdivisionCode ? `${location.countryCode}-${location.subdivisionCode}` : (location.countryCode ?? '');
  const parts = [geo, location.continentCode].filter(Boolean).join(', ');
  if (location.region) return parts ? `${location.region} (${parts})` : location.region;
  return parts || 'an unknown location';
}

function coordinatesOf(location: ClientLocation): LatLon | undefined {
  if (location.region) {
    const place = REGIONS.get(location.region);
    if (place) return place.at;
  }
  const country = location.countryCode?.toUpperCase();
  if (country === 'US' && location.subdivisionCode) {
    const state = US_STATE_CENTRES[location.subdivisionCode.toUpperCase()];
    if (state) return state;
  }
  if (country && COUNTRY_CENTRES[country]) return COUNTRY_CENTRES[country];
  const continent = location.continentCode ?? (country ? continentOfCountry(country) : undefined);
  return continent && isContinentCode(continent) ? CONTINENT_CENTRES[continent] : undefined;
}

function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const LATENCY_MODEL = { baseMs: 10, msPerKm: 0.013 } as const;

/**
 * Region → round-trip latency in ms from the client's location, by the model above; empty when
 * the location is unknown (latency routing then says so instead of guessing).
 */
export function defaultLatencyTable(from: ClientLocation, regions: Iterable<string> = REGIONS.keys()): Record<string, number> {
  const origin = coordinatesOf(from);
  const table: Record<string, number> = {};
  if (!origin) return table;
  for (const region of regions) {
    const place = REGIONS.get(region);
    if (place) table[region] = Math.round(LATENCY_MODEL.baseMs + LATENCY_MODEL.msPerKm * greatCircleKm(origin, place.at));
  }
  return table;
}
