/**
 * DNS names as Route 53 treats them: case-insensitive, fully qualified with or without the trailing
 * dot (`www.example.com` and `www.example.com.` are the same name), and `*` as the leftmost label
 * is a wildcard. ListResourceRecordSets returns a wildcard's asterisk escaped as `\052`.
 * docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html
 */

/** Lowercase, `\052` → `*`, exactly one trailing dot. The root is `.`. */
export function normalizeName(name: string): string {
  const text = name.trim().replace(/\\052/g, '*').toLowerCase();
  if (text === '' || text === '.') return '.';
  return text.endsWith('.') ? text : `${text}.`;
}

export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** True when `name` is `zone` or lies below it. */
export function isInZone(name: string, zone: string): boolean {
  const n = normalizeName(name);
  const z = normalizeName(zone);
  return z === '.' || n === z || n.endsWith(`.${z}`);
}

/** The name one label up: `www.example.com.` → `example.com.`; the root has no parent. */
export function parentName(name: string): string | undefined {
  const n = normalizeName(name);
  if (n === '.') return undefined;
  const dot = n.indexOf('.');
  const rest = n.slice(dot + 1);
  return rest === '' ? '.' : rest;
}

/** The top-level domain of a name, with its dot: `example.co.uk.` → `uk.`. */
export function topLevelDomain(name: string): string {
  const labels = normalizeName(name).split('.').filter(Boolean);
  return `${labels[labels.length - 1] ?? ''}.`;
}

/** Removes the `dualstack.` prefix ELB alias targets are often written with. */
export function withoutDualstack(name: string): string {
  const n = normalizeName(name);
  return n.startsWith('dualstack.') ? n.slice('dualstack.'.length) : n;
}
