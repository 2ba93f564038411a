/**
 * Every region an operator can choose, from the SDK's partition data (the `partitionsInfo` of
 * @aws-sdk/core 3.981, "version 1.1"), which the SDK does not export as a list: copied here and
 * checked against the SDK's own `partition()` by test/unit/aws/regions.test.ts, so an SDK update
 * that adds a region fails that test until the list follows.
 *
 * Opt-in: "Regions launched before March 20, 2019 are enabled by default … Regions launched after
 * March 20, 2019 are disabled by default" (docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
 * The 17 default regions of the aws partition are listed; every other aws-partition region is opt-in.
 * (account:ListRegions would say per account, but needs a permission most read-only roles lack.)
 */
export interface RegionInfo {
  name: string;
  description: string;
  partition: 'aws' | 'aws-cn' | 'aws-us-gov';
  optIn: boolean;
}

const AWS_REGIONS: Record<string, string> = {
  'af-south-1': 'Africa (Cape Town)',
  'ap-east-1': 'Asia Pacific (Hong Kong)',
  'ap-east-2': 'Asia Pacific (Taipei)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-south-2': 'Asia Pacific (Hyderabad)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)',
  'ap-southeast-4': 'Asia Pacific (Melbourne)',
  'ap-southeast-5': 'Asia Pacific (Malaysia)',
  'ap-southeast-6': 'Asia Pacific (New Zealand)',
  'ap-southeast-7': 'Asia Pacific (Thailand)',
  'ca-central-1': 'Canada (Central)',
  'ca-west-1': 'Canada West (Calgary)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-central-2': 'Europe (Zurich)',
  'eu-north-1': 'Europe (Stockholm)',
  'eu-south-1': 'Europe (Milan)',
  'eu-south-2': 'Europe (Spain)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-west-3': 'Europe (Paris)',
  'il-central-1': 'Israel (Tel Aviv)',
  'me-central-1': 'Middle East (UAE)',
  'me-south-1': 'Middle East (Bahrain)',
  'me-west-1': 'Middle East (Saudi Arabia)',
  'mx-central-1': 'Mexico (Central)',
  'sa-east-1': 'South America (Sao Paulo)',
  'sa-west-1': 'South America (Chile)',
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
};

const ENABLED_BY_DEFAULT = new Set([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-central-1', 'eu-north-1', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2',
]);

const OTHER_PARTITIONS: RegionInfo[] = [
  { name: 'cn-north-1', description: 'China (Beijing)', partition: 'aws-cn', optIn: false },
  { name: 'cn-northwest-1', description: 'China (Ningxia)', partition: 'aws-cn', optIn: false },
  { name: 'us-gov-east-1', description: 'AWS GovCloud (US-East)', partition: 'aws-us-gov', optIn: false },
  { name: 'us-gov-west-1', description: 'AWS GovCloud (US-West)', partition: 'aws-us-gov', optIn: false },
];

export const REGIONS: readonly RegionInfo[] = [
  ...Object.entries(AWS_REGIONS).map(([name, description]) => ({ name, description, partition: 'aws' as const, optIn: !ENABLED_BY_DEFAULT.has(name) })),
  ...OTHER_PARTITIONS,
];

/**
 * The shape of a region name in every partition's `regionRegex` (us-east-1, us-gov-west-1,
 * cn-north-1, us-isob-east-1 …): letters, dashes, a number. Anything else ("us east 1") is
 * rejected before a request is built — the SDK would otherwise fail with a confusing host error.
 */
const REGION_SHAPE = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

export function isRegionName(region: string): boolean {
  return region.length <= 40 && REGION_SHAPE.test(region);
}

export function regionInfo(region: string): RegionInfo | undefined {
  return REGIONS.find((r) => r.name === region);
}
