/**
 * DNS traces (`dns.trace`): how a name resolves from a client location — delegation steps, the
 * competing records and why one won — and, with `repeat`, the distribution of answers.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ClientLocation, DnsTrace } from '@contract';
import { api } from '@/api';
import { requestFailure, type RequestFailure } from '@/utils/request-error';

export interface TraceQuery {
  name: string;
  type: string;
  from: ClientLocation;
  repeat?: number;
}

export const useDnsStore = defineStore('dns', () => {
  const trace = shallowRef<DnsTrace | null>(null);
  const query = shallowRef<TraceQuery | null>(null);
  const loading = ref(false);
  const error = ref<RequestFailure | null>(null);

  async function run(next: TraceQuery): Promise<void> {
    loading.value = true;
    error.value = null;
    query.value = next;
    try {
      const payload = { name: next.name, type: next.type, from: next.from, ...(next.repeat && next.repeat > 1 ? { repeat: next.repeat } : {}) };
      trace.value = await api.request('dns.trace', payload);
    } catch (caught) {
      trace.value = null;
      error.value = requestFailure(caught);
    } finally {
      loading.value = false;
    }
  }

  return { trace, query, loading, error, run };
});
