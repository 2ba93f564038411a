/**
 * LTG-1: a target `unavailable` because health checks are off (Target.HealthCheckDisabled,
 * API_TargetHealth.html; a Lambda target's default, lambda-functions.html) reads "Health checks off",
 * never green, and counts name it "not checked" rather than healthy.
 */
import { describe, expect, it } from 'vitest';
import { targetHealthTone, targetStateKey } from '@/utils/tone';
import { targetCountDetail, targetGroupTone } from '@/utils/service-health';
import en from '@/i18n/en';
import ko from '@/i18n/ko';
import type { TargetGroup } from '@contract';

const unchecked = { targetId: 'arn:aws:lambda:us-east-1:123456789012:function:resize', state: 'unavailable' as const, reason: 'Target.HealthCheckDisabled' };
const lambdaGroup: TargetGroup = { targetGroupArn: 'arn:tg/resize', targetGroupName: 'resize', targetType: 'lambda', loadBalancerArns: ['arn:lb'], targets: [unchecked] };

describe('LTG-1: targets with health checks off in the renderer (API_TargetHealth)', () => {
  it('LTG-1: the state reads "Health checks off" (상태 확인 꺼짐), in a neutral tone; other unavailable targets read "Unavailable"', () => {
    expect(targetStateKey(unchecked)).toBe('targetGroups.states.healthChecksOff');
    expect(en.targetGroups.states.healthChecksOff).toBe('Health checks off');
    expect(ko.targetGroups.states.healthChecksOff).toBe('상태 확인 꺼짐');
    expect(targetStateKey({ state: 'unavailable', reason: 'Elb.InternalError' })).toBe('targetGroups.states.unavailable');
    expect(targetStateKey({ state: 'healthy' })).toBe('targetGroups.states.healthy');
    expect(targetHealthTone('unavailable')).toBe('neutral');
  });

  it('LTG-1: a group of unchecked targets is "1 not checked", never "1/1" or "0/1", and not red before core’s verdict', () => {
    const words = (count: number) => `${count} not checked`;
    expect(targetCountDetail({ healthy: 0, unhealthy: 0, other: 1, unchecked: 1, total: 1 }, words)).toBe('1 not checked');
    expect(targetCountDetail({ healthy: 3, unhealthy: 0, other: 1, unchecked: 1, total: 4 }, words)).toBe('3/3 · 1 not checked');
    expect(targetCountDetail({ healthy: 2, unhealthy: 1, other: 0, unchecked: 0, total: 3 }, words)).toBe('2/3');
    expect(targetGroupTone(lambdaGroup)).toBe('neutral');
  });
});
