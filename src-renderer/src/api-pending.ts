/**
 * Requests the UI treats as capabilities (the action protocol, dns.trace, profiles and settings):
 * built while they were landing on main, and still guarded, so a build whose contract lacks one
 * shows a disabled button with the reason instead of failing. `isDeclared` is that switch; the
 * request itself goes through the normal api, validated with the contract's schema.
 */
import type { z } from 'zod';
import { isEventChannel, isRequestChannel, type EventChannel, type RequestChannel } from '@contract';
import { api, ApiError } from './api';

export function isDeclared(channel: string): boolean {
  return isRequestChannel(channel);
}

export function isEventDeclared(channel: string): boolean {
  return isEventChannel(channel);
}

export async function requestDeclared<T>(channel: string, payload: unknown, schema: z.ZodType<T>): Promise<T> {
  if (!isRequestChannel(channel)) throw new ApiError('NotSupported', `${channel} is not in this version's contract`);
  const request = api.request as unknown as (channel: RequestChannel, payload: unknown) => Promise<unknown>;
  return schema.parse(await request(channel, payload));
}

export function onDeclared<T>(channel: string, schema: z.ZodType<T>, listener: (payload: T) => void): () => void {
  if (!isEventChannel(channel)) return () => {};
  const on = api.on as unknown as (channel: EventChannel, listener: (payload: unknown) => void) => () => void;
  return on(channel, (payload) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) listener(parsed.data);
  });
}
