/**
 * The one selected resource of a master–detail view, kept in the route's query
 * (`#/auto-scaling?group=web-asg`) so that it survives a reload and can be linked. A `focus` deep
 * link (command palette, request-path map) selects what it names when it is in this list. Without
 * either, the first resource is shown, without writing it into the address.
 */
import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';

export interface RouteSelection {
  /** The selected id, or null when the list is empty. */
  selected: ComputedRef<string | null>;
  select: (id: string) => void;
}

/** Pure: which id a query selects among `ids` (focus first, then the view's own parameter, then the first). */
export function selectedFromQuery(query: LocationQuery, param: string, ids: ReadonlySet<string>, first: string | undefined): string | null {
  for (const value of [query.focus, query[param]]) {
    if (typeof value === 'string' && ids.has(value)) return value;
  }
  return first ?? null;
}

export function useRouteSelection(param: string, ids: () => readonly string[]): RouteSelection {
  const route = useRoute();
  const router = useRouter();
  const known = computed(() => new Set(ids()));
  const selected = computed(() => selectedFromQuery(route.query, param, known.value, ids()[0]));

  function select(id: string): void {
    const focus = route.query.focus;
    const focusHere = typeof focus === 'string' && known.value.has(focus);
    if (id === route.query[param] && !focusHere) return;
    // replace, not push: moving through a list of 1,000 should not fill the Back button's history.
    const query = { ...route.query, [param]: id };
    // A focus link into this list has done its job; left in place it would win over the new selection.
    if (focusHere) delete query.focus;
    void router.replace({ query });
  }

  return { selected, select };
}
