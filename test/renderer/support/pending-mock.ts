/**
 * Stands in for `@/api-pending` as if the core already declared the channels being added on main
 * (action.*, dns.trace, profiles.*, settings.*): tests decide the answers per channel.
 * Use as `vi.mock('@/api-pending', () => import('../../support/pending-mock'))`.
 */
import { vi } from 'vitest';

type Handler = (payload: unknown) => unknown;
export const pending = {
  declared: true,
  handlers: new Map<string, Handler>(),
  requests: [] as { channel: string; payload: unknown }[],
  listeners: new Map<string, (payload: unknown) => void>(),
};

export function reset(): void {
  pending.declared = true;
  pending.handlers.clear();
  pending.requests.length = 0;
  pending.listeners.clear();
}

export const isDeclared = vi.fn(() => pending.declared);
export const isEventDeclared = vi.fn(() => pending.declared);

export async function requestDeclared<T>(channel: string, payload: unknown, schema: { parse: (value: unknown) => T }): Promise<T> {
  pending.requests.push({ channel, payload });
  const handler = pending.handlers.get(channel);
  if (!handler) throw new Error(`no answer for ${channel}`);
  return schema.parse(await handler(payload));
}

export function onDeclared<T>(channel: string, schema: { parse: (value: unknown) => T }, listener: (payload: T) => void): () => void {
  pending.listeners.set(channel, (payload) => listener(schema.parse(payload)));
  return () => pending.listeners.delete(channel);
}

export function emit(channel: string, payload: unknown): void {
  pending.listeners.get(channel)?.(payload);
}
