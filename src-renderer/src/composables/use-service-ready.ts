/**
 * Whether a view may say "there is none": the inventory has arrived and none of the view's services
 * is still loading (AWS mode discovers each service separately). Before that, an empty list means
 * "not yet", and saying "no load balancers" would be a lie.
 */
import { computed, type ComputedRef } from 'vue';
import type { Service } from '@contract';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';

export function useServiceReady(services: readonly Service[]): ComputedRef<boolean> {
  const inventory = useInventoryStore();
  const session = useSessionStore();
  return computed(() => inventory.loaded && services.every((service) => session.datasets[service]?.state !== 'loading'));
}
