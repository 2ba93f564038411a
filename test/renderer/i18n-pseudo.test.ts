// @vitest-environment happy-dom
/**
 * The pseudo locale: brackets and accents every message, keeps placeholders, and is off unless the
 * test hook is set; a refused request shown in a view comes through it (the e2e test visits every
 * view in it: test/e2e/pseudo-locale.e2e.ts).
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '@/api';
import { createAppI18n } from '@/i18n';
import { PSEUDO_OPEN, PSEUDO_SETTING, pseudoMessage, pseudoMessages } from '@/i18n/pseudo';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import SettingsProfiles from '@/views/settings/SettingsProfiles.vue';
import SimulatorView from '@/views/simulator/SimulatorView.vue';
import { installFakeCore } from './support/fake-api';
import { clock, fullInventory, simSession } from './support/fixtures';
import { mountWithApp } from './support/mount';

afterEach(() => localStorage.removeItem(PSEUDO_SETTING));

describe('pseudo locale', () => {
  it('accents letters outside placeholders and brackets the message', () => {
    expect(pseudoMessage('Load {name} now')).toBe('⟦Lóád {name} ñów⟧');
    expect(pseudoMessages({ a: { b: 'x {n}' } })).toEqual({ a: { b: '⟦x {n}⟧' } });
  });

  it('is used only behind its test hook', () => {
    expect(createAppI18n('en').global.t('nav.settings')).toBe('Settings');
    localStorage.setItem(PSEUDO_SETTING, 'on');
    const i18n = createAppI18n('en');
    expect(i18n.global.locale.value).toBe('xx');
    expect(i18n.global.t('nav.settings')).toBe('⟦Šéttíñgš⟧');
    expect(i18n.global.t('simulator.loaded', { name: 'shop' })).toBe('⟦shop íš rúññíñg.⟧');
  });
});

/** What a text has outside ⟦ ⟧, innermost brackets first (as test/e2e/pseudo-locale.e2e.ts reads it). */
function untranslated(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return rest.trim();
}

/**
 * Words with an unaccented vowel once the values are taken out: the pseudo locale accents every
 * vowel of a message, so these are English that did not come through i18n — also when a message
 * carries it as a parameter, inside the brackets, where `untranslated` cannot see it.
 */
function englishWords(text: string, values: readonly string[] = []): string[] {
  const rest = values.reduce((left, value) => left.split(value).join(' '), text);
  return rest.split(/[^A-Za-z\u00C0-\u017F]+/).filter((word) => /[aeiouAEIOU]/.test(word));
}

describe('request errors come through i18n (issue 9 item 2)', () => {
  beforeEach(() => {
    localStorage.setItem(PSEUDO_SETTING, 'on');
    setActivePinia(createPinia());
  });
  afterEach(() => setApi(undefined));

  async function refusedInjection(problem?: { code: string; params: Record<string, string | number> }): Promise<string> {
    const core = installFakeCore();
    const session = useSessionStore();
    session.setSession(simSession);
    session.setClock(clock(0, true, 10));
    useInventoryStore().replace(fullInventory());
    core.answer('sim.scenarios.list', { current: 'shop', scenarios: [{ name: 'shop' }] });
    core.answer('sim.faultKinds', [{ type: 'FailHealthCheck', description: 'hc', parameters: { type: 'object', properties: { HealthCheckId: { type: 'string' } }, required: ['HealthCheckId'] } }]);
    core.answer('sim.faults.running', []);
    core.refuse('sim.fault.inject', 'InvalidRequest', 'A health check with id hc-1 does not exist.', problem ? { problem } : {});
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    const form = wrapper.get('[data-type="FailHealthCheck"]');
    await form.trigger('submit');
    await flushPromises();
    return form.get('[data-testid="fault-problem"]').text();
  }

  it('a refused fault injection: every word of it bracketed, only the ID left outside', async () => {
    const shown = await refusedInjection({ code: 'fault.healthCheckNotFound', params: { id: 'hc-1' } });
    expect(shown.startsWith(PSEUDO_OPEN)).toBe(true);
    expect(untranslated(shown)).toBe('');
    expect(englishWords(shown, ['hc-1'])).toEqual([]);
    expect(shown).toContain('hc-1');
  });

  it('the check can fail: a refusal without a code the window knows shows the core’s English, which it finds', async () => {
    expect(englishWords(await refusedInjection(), ['hc-1'])).toEqual(['A', 'health', 'check', 'with', 'id', 'does', 'not', 'exist']);
  });

  it('a request error shown in a view (Settings: profiles refused) is bracketed too', async () => {
    const core = installFakeCore();
    core.refuse('profiles.list', 'NotSupported', 'AWS profiles are not available in this host', { problem: { code: 'host.noProfiles', params: {} } });
    const wrapper = mountWithApp(SettingsProfiles);
    await flushPromises();
    const banner = wrapper.get('[data-testid="settings-profiles"] .banner--bad').text();
    expect(banner).toMatch(/^⟦.+⟧$/);
    expect(untranslated(banner)).toBe('');
    expect(englishWords(banner)).toEqual([]);
  });
});
