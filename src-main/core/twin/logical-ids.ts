/** CloudFormation logical ids for exported resources: `Alb` + `Web` from `web`, unique within the file. */
export class LogicalIds {
  private readonly used = new Set<string>();
  private readonly byKey = new Map<string, string>();

  /** The id for `key` (an ARN, a name), made once from `prefix` and `name`: alphanumeric, ≤ 255 characters. */
  id(prefix: string, name: string, key = `${prefix}|${name}`): string {
    const known = this.byKey.get(key);
    if (known) return known;
    const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    const base = `${prefix}${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`.slice(0, 240) || prefix;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}${n}`;
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }

  get(key: string): string | undefined {
    return this.byKey.get(key);
  }
}
