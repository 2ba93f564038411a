/**
 * What every Simulator view test starts from: a fresh store, the fake core, a simulation session of
 * the shop scenario and its clock running at ×10. Tests add the answers and the inventory they need.
 */
import { createPinia, setActivePinia } from 'pinia';
import { useSessionStore } from '@/stores/session';
import { installFakeCore, type FakeCore } from '../../support/fake-api';
import { clock, simSession } from '../../support/fixtures';

export function startSimulatorSession(): FakeCore {
  setActivePinia(createPinia());
  const core = installFakeCore();
  const session = useSessionStore();
  session.setSession(simSession);
  session.setClock(clock(0, true, 10));
  return core;
}
