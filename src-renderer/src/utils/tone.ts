/**
 * One colour vocabulary for states across services, so "red" means the same thing everywhere:
 * ok = serving, bad = failed, warn = on its way in or out, info = work in progress, neutral = idle.
 */
import type { ActivityStatusCode, LifecycleState, LoadBalancer, TargetHealthState } from '@contract';

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
