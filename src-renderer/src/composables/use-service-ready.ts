/**
 * Whether a view may say "there is none": the inventory has arrived and every one of the view's
 * services has had a successful answer (AWS mode discovers each service separately). Before that
 * — still loading, or failing since the start (unreachable, denied) — an empty list means "not
 * known", and saying "no load balancers in this region" would be a lie. So after a good answer
 * whose refresh now fails (stale: credentials revoked, network gone): the empty list is old.
 */
import { computed, type ComputedRef } from 'vue';
import type { Service } from '@contract';
import { answersNow } from '@/utils/dataset-state';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';

export function useServiceReady(services: readonly Service[]): ComputedRef<boolean> {
  const inventory = useInventoryStore();
  const session = useSessionStore();
  return computed(() => inventory.loaded && services.every((service) => answersNow(session.datasets[service], session.session?.mode === 'aws')));
}
