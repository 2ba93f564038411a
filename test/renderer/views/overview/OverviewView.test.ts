// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useActivitiesStore } from '@/stores/activities';
import { useInventoryStore } from '@/stores/inventory';
import OverviewView from '@/views/overview/OverviewView.vue';
import { activity, snapshot } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

beforeEach(() => {
  setActivePinia(createPinia());
  useInventoryStore().replace(snapshot().inventory);
  useActivitiesStore().load(Array.from({ length: 8 }, (_, i) => activity(`a${i}`, i)));
});

describe('OverviewView', () => {
  it('counts resources and target health, and lists the five newest activities', () => {
    const wrapper = mountWithApp(OverviewView);
    const count = (key: string) => wrapper.get(`[data-testid="overview-count-${key}"]`).attributes('data-value');
    expect([count('loadBalancers'), count('targetGroups'), count('autoScalingGroups'), count('instances'), count('hostedZones')]).toEqual(['1', '1', '1', '2', '0']);
    expect(wrapper.get('[data-testid="overview-targets-healthy"]').attributes('data-value')).toBe('1');
    expect(wrapper.get('[data-testid="overview-targets-unhealthy"]').attributes('data-value')).toBe('1');
    expect(wrapper.findAll('[data-testid="scaling-activity"]').map((row) => row.attributes('data-activity-id'))).toEqual(['a7', 'a6', 'a5', 'a4', 'a3']);
  });
});
