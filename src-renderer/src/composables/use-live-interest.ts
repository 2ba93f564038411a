/**
 * Tells the host what this component shows while it is mounted (stores/live-interest.ts): call it
 * in setup with a getter; it follows the getter's reactive inputs (the selected group, the chart's
 * series) and lets go on unmount.
 */
import { onBeforeUnmount, watch } from 'vue';
import { useLiveInterestStore, type Interest } from '@/stores/live-interest';

export function useLiveInterest(interest: () => Interest): void {
  const held = useLiveInterestStore().hold();
  watch(interest, (value) => held.set(value), { immediate: true, deep: true });
  onBeforeUnmount(() => held.release());
}
