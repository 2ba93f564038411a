// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import ScalingActivityList from '@/views/auto-scaling/ScalingActivityList.vue';
import { activity } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

beforeEach(() => setActivePinia(createPinia()));

describe('ScalingActivityList', () => {
  it('renders one row per activity with its status, times, description and full cause', () => {
    const activities = [activity('a3', 9, 'InProgress'), activity('a2', 5, 'Failed'), activity('a1', 1)];
    const wrapper = mountWithApp(ScalingActivityList, { props: { activities } });
    const rows = wrapper.findAll('[data-testid="scaling-activity"]');
    expect(rows.map((row) => row.attributes('data-status'))).toEqual(['InProgress', 'Failed', 'Successful']);
    expect(rows[0]!.text()).toContain('In progress');
    expect(rows[0]!.text()).toContain('2024-01-01 00:09:00');
    expect(rows[2]!.text()).toContain('2024-01-01 00:02:00');
    expect(rows[1]!.text()).toContain('Launching a new EC2 instance: i-a2');
    expect(rows[1]!.text()).toContain('triggered policy cpu50-target-tracking changing the desired capacity from 2 to 3.');
    expect(rows[1]!.find('[data-testid="scaling-activity-status"]').classes()).toContain('badge--bad');
    expect(rows[2]!.find('[data-testid="scaling-activity-status"]').classes()).toContain('badge--ok');
  });

  it('says so when there is nothing to show, in Korean too', () => {
    const wrapper = mountWithApp(ScalingActivityList, { props: { activities: [] }, locale: 'ko' });
    expect(wrapper.find('[data-testid="scaling-activity"]').exists()).toBe(false);
    expect(wrapper.text()).toBe('아직 조정 활동이 없습니다');
  });

  it('translates the status label but keeps the AWS code in data-status', () => {
    const wrapper = mountWithApp(ScalingActivityList, { props: { activities: [activity('a1', 1)] }, locale: 'ko' });
    const row = wrapper.get('[data-testid="scaling-activity"]');
    expect(row.attributes('data-status')).toBe('Successful');
    expect(row.get('[data-testid="scaling-activity-status"]').text()).toBe('성공');
  });
});
