/**
 * A small form from each fault kind's JSON Schema (what `sim.faultKinds` returns, from the same zod
 * schemas the scenario loader uses), with values pre-filled from the inventory where the parameter
 * name says what it is: AutoScalingGroupName, AvailabilityZone, TargetGroupName,
 * DBInstanceIdentifier, FunctionName, HealthCheckId.
 */
import { isUnchecked, type Inventory } from '@contract';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'string[]';

export interface FaultField {
  name: string;
  type: FieldType;
  required: boolean;
  minimum?: number;
  maximum?: number;
  /** exclusiveMinimum from zod's positive(): the value must be greater. */
  exclusiveMinimum?: number;
  pattern?: string;
  enum?: string[];
}

interface JsonSchemaProperty {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  enum?: unknown[];
  items?: { type?: string };
}

/** JavaScript's MAX_SAFE_INTEGER, which zod writes as the maximum of every int(): not a real limit. */
const UNBOUNDED = 9007199254740991;

export function schemaFields(schema: Record<string, unknown>): FaultField[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchemaProperty>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, property]) => {
    let type: FieldType = 'string';
    if (property.type === 'integer') type = 'integer';
    else if (property.type === 'number') type = 'number';
    else if (property.type === 'boolean') type = 'boolean';
    else if (property.type === 'array') type = 'string[]';
    return {
      name,
      type,
      required: required.has(name),
      minimum: property.minimum,
      maximum: property.maximum !== undefined && property.maximum < UNBOUNDED ? property.maximum : undefined,
      exclusiveMinimum: property.exclusiveMinimum,
      pattern: property.pattern,
      enum: property.enum?.map(String),
    };
  });
}

/** Values an operator would pick for a parameter, from the inventory (first = the default). */
export function suggestions(field: string, faultType: string, inventory: Inventory): string[] {
  switch (field) {
    case 'AutoScalingGroupName':
      return inventory.autoScalingGroups.map((g) => g.autoScalingGroupName);
    case 'AvailabilityZone': {
      const zones = new Set<string>();
      for (const g of inventory.autoScalingGroups) for (const z of g.availabilityZones) zones.add(z);
      for (const lb of inventory.loadBalancers) for (const z of lb.availabilityZones) zones.add(z);
      return [...zones].sort();
    }
    case 'TargetGroupName':
      // Failing health checks needs health checks: a group with them off (a Lambda one by default,
      // LTG-1) is refused by the simulator, so it is not offered (nor the default) for FailTargets.
      return inventory.targetGroups.filter((tg) => faultType !== 'FailTargets' || (tg.healthCheck?.enabled !== false && !(tg.targets.length > 0 && tg.targets.every(isUnchecked)))).map((tg) => tg.targetGroupName);
    case 'DBInstanceIdentifier': {
      const dbs = inventory.dbInstances;
      // Lag needs a replica; failing over needs a Multi-AZ primary: offer those first.
      if (faultType === 'RaiseReplicaLag') return dbs.filter((db) => db.readReplicaSourceDBInstanceIdentifier).map((db) => db.dbInstanceIdentifier);
      if (faultType === 'FailDBInstance') return [...dbs].sort((a, b) => Number(b.multiAZ) - Number(a.multiAZ)).map((db) => db.dbInstanceIdentifier);
      return dbs.map((db) => db.dbInstanceIdentifier);
    }
    case 'FunctionName':
      return inventory.lambdaFunctions.map((fn) => fn.functionName);
    case 'HealthCheckId':
      return inventory.healthChecks.map((check) => check.id);
    case 'WebACLName':
      return inventory.webAcls.map((acl) => acl.name);
    // WafBlockPath: a starting pattern an operator edits (free text, not a resource).
    case 'Path':
      return ['/admin*'];
    default:
      return [];
  }
}

/**
 * What an option shows: a health check by what it checks (its id is a UUID nobody recognises),
 * everything else by its name.
 */
export function optionLabel(field: string, value: string, inventory: Inventory): string {
  if (field !== 'HealthCheckId') return value;
  const check = inventory.healthChecks.find((candidate) => candidate.id === value);
  const host = check?.fullyQualifiedDomainName ?? check?.ipAddress;
  if (!check || !host) return value;
  return `${host}${check.port ? `:${check.port}` : ''}${check.resourcePath ?? ''} · ${value.slice(0, 8)}…`;
}

/** Sensible starting numbers, so one click does something visible. */
const NUMBER_DEFAULTS: Record<string, number> = { Count: 1, Percent: 50, LagSeconds: 120, ErrorRate: 0.25, ReservedConcurrentExecutions: 0, Factor: 2 };

export function initialValues(fields: readonly FaultField[], faultType: string, inventory: Inventory): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of fields) {
    if (field.type === 'boolean') values[field.name] = false;
    else if (field.type === 'integer' || field.type === 'number') values[field.name] = field.required && NUMBER_DEFAULTS[field.name] !== undefined ? String(NUMBER_DEFAULTS[field.name]) : '';
    else values[field.name] = field.required ? (suggestions(field.name, faultType, inventory)[0] ?? '') : '';
  }
  return values;
}

/**
 * What a form input holds: Vue's v-model gives a number for an edited `<input type="number">`
 * (and '' when cleared), a string for text and selects, a boolean for checkboxes.
 */
export type FieldValue = string | number | boolean;

export type BuildResult = { ok: true; parameters: Record<string, unknown> } | { ok: false; field: string; problem: 'required' | 'number' | 'range' | 'pattern' };

/** Form strings → typed parameters; optional empty fields are left out. */
export function buildParameters(fields: readonly FaultField[], values: Record<string, FieldValue>): BuildResult {
  const parameters: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.type === 'boolean') {
      if (raw === true || field.required) parameters[field.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : '';
    if (!text) {
      if (field.required) return { ok: false, field: field.name, problem: 'required' };
      continue;
    }
    if (field.type === 'string[]') {
      parameters[field.name] = text.split(/[\s,]+/).filter(Boolean);
    } else if (field.type === 'integer' || field.type === 'number') {
      const value = Number(text);
      if (!Number.isFinite(value) || (field.type === 'integer' && !Number.isInteger(value))) return { ok: false, field: field.name, problem: 'number' };
      if ((field.minimum !== undefined && value < field.minimum) || (field.maximum !== undefined && value > field.maximum) || (field.exclusiveMinimum !== undefined && value <= field.exclusiveMinimum)) {
        return { ok: false, field: field.name, problem: 'range' };
      }
      parameters[field.name] = value;
    } else {
      if (field.pattern && !new RegExp(field.pattern).test(text)) return { ok: false, field: field.name, problem: 'pattern' };
      parameters[field.name] = text;
    }
  }
  return { ok: true, parameters };
}

const INVENTORY_FIELDS = new Set(['AutoScalingGroupName', 'AvailabilityZone', 'TargetGroupName', 'DBInstanceIdentifier', 'FunctionName', 'HealthCheckId']);

/** The parameter names a resource in the inventory: offered as a list, never free text. */
export function isInventoryField(name: string): boolean {
  return INVENTORY_FIELDS.has(name);
}

/** A kind applies when every required resource parameter has something to pick. */
export function faultApplies(kind: { type: string; parameters: Record<string, unknown> }, inventory: Inventory): boolean {
  // WafBlockPath's web ACL is optional (the associated one) but one must exist.
  if (kind.type === 'WafBlockPath' && inventory.webAcls.length === 0) return false;
  return schemaFields(kind.parameters).every((field) => !field.required || !isInventoryField(field.name) || suggestions(field.name, kind.type, inventory).length > 0);
}
