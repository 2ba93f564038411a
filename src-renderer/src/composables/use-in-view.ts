/**
 * Whether an element is in or near the part of the page that shows (issue 15): a live section
 * scrolled out of view holds still (composables/use-display-rate `paused`) and shows its newest
 * state as it comes back. True until an IntersectionObserver says otherwise (and always where there
 * is none), so nothing ever waits on it.
 *
 * The observer's root is the element's nearest scrolling ancestor (the shell's main area), not the
 * window: a scroll container clips what it holds before the window's margin applies, so a margin on
 * the window would never see a section coming.
 */
import { onBeforeUnmount, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';

/** How far outside the scroll area a section already counts as shown: updated before it scrolls in. */
export const IN_VIEW_MARGIN = '200px 0px';

function scrollingAncestor(el: Element): Element | null {
  for (let parent = el.parentElement; parent; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return parent;
  }
  return null;
}

/** `el`: the element, or a getter (a component's root: `() => panel.value?.$el`); observed whenever it changes. */
export function useInView(el: MaybeRefOrGetter<Element | null | undefined>): Readonly<Ref<boolean>> {
  const inView = ref(true);
  let observer: IntersectionObserver | undefined;
  watch(
    () => toValue(el),
    (element) => {
      observer?.disconnect();
      observer = undefined;
      // Gone (a v-if), or no observer here: counts as shown, so nothing waits on it.
      inView.value = true;
      if (!element || typeof IntersectionObserver === 'undefined') return;
      observer = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1];
          if (entry) inView.value = entry.isIntersecting;
        },
        { root: scrollingAncestor(element), rootMargin: IN_VIEW_MARGIN },
      );
      observer.observe(element);
    },
    { immediate: true, flush: 'post' },
  );
  onBeforeUnmount(() => observer?.disconnect());
  return inView;
}
