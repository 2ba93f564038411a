/** Mounts a component with the app's real plugins (Pinia, i18n, router) for view tests. */
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { getActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createAppI18n, type Locale } from '@/i18n';
import { createAppRouter } from '@/router';

export function mountWithApp<C extends Component>(component: C, options: ComponentMountingOptions<C> & { locale?: Locale } = {}) {
  const pinia = getActivePinia();
  if (!pinia) throw new Error('call setActivePinia(createPinia()) first');
  const { locale = 'en', global, ...rest } = options;
  return mount(component, {
    ...rest,
    global: { ...global, plugins: [pinia, createAppI18n(locale), createAppRouter(), ...(global?.plugins ?? [])] },
  } as ComponentMountingOptions<C>);
}
