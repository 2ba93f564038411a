/**
 * Deep links to one resource (`#/rds?focus=shop-db-replica-1`), from the request-path map and the
 * command palette: the view marks elements with `data-focus="<id>"`; this scrolls the match into
 * view and flashes it once the view has rendered it.
 */
import { nextTick, onMounted, watch } from 'vue';
import { useRoute } from 'vue-router';

export function useFocusTarget(): void {
  const route = useRoute();

  async function reveal(): Promise<void> {
    const focus = route.query.focus;
    if (typeof focus !== 'string' || !focus) return;
    // Panels may render a frame later (lazy view, inventory just arrived): try for a short while.
    for (let attempt = 0; attempt < 10; attempt++) {
      await nextTick();
      const match = [...document.querySelectorAll<HTMLElement>('[data-focus]')].find((el) => el.dataset.focus === focus);
      if (match) {
        match.scrollIntoView?.({ block: 'center' });
        match.classList.remove('focus-flash');
        void match.offsetWidth; // restart the animation
        match.classList.add('focus-flash');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  onMounted(() => void reveal());
  watch(() => route.query.focus, () => void reveal());
}
