/** SDK v3 returns Date objects; the domain model carries ISO-8601 strings, as the AWS APIs print them. */
export function iso(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
