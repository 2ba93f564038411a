/**
 * One colour vocabulary for states across services, so "red" means the same thing everywhere:
 * ok = serving, bad = failed, warn = on its way in or out, info = work in progress, neutral = idle.
 */
import { isUnchecked, type ActivityStatusCode, type LifecycleState, type LoadBalancer, type TargetHealthDescription, type TargetHealthState } from '@contract';

export type Tone = 'ok' | 'bad' | 'warn' | 'info' | 'neutral';

export function activityTone(status: ActivityStatusCode): Tone {
  if (status === 'Successful') return 'ok';
  if (status === 'Failed') return 'bad';
  if (status === 'Cancelled') return 'neutral';
  return 'info';
}

export function targetHealthTone(state: TargetHealthState): Tone {
  switch (state) {
    case 'healthy':
      return 'ok';
    case 'unhealthy':
      return 'bad';
    case 'initial':
    case 'draining':
      return 'warn';
    default:
      return 'neutral';
  }
}

/**
 * The message key of a target's health state: `unavailable` because health checks are off (LTG-1,
 * Target.HealthCheckDisabled, a Lambda target's default) reads "Health checks off" — it gets
 * requests but nothing checks it, so it is neither healthy nor unhealthy (neutral tone).
 */
export function targetStateKey(target: Pick<TargetHealthDescription, 'state' | 'reason'>): string {
  return isUnchecked(target) ? 'targetGroups.states.healthChecksOff' : `targetGroups.states.${target.state}`;
}

export function lifecycleTone(state: LifecycleState): Tone {
  if (state === 'InService') return 'ok';
  if (state.startsWith('Pending')) return 'info';
  if (state.startsWith('Terminat') || state.startsWith('Detach')) return 'warn';
  return 'neutral';
}

export function loadBalancerTone(state: LoadBalancer['state']): Tone {
  if (state === 'active') return 'ok';
  if (state === 'failed') return 'bad';
  if (state === 'active_impaired') return 'warn';
  return 'info';
}
