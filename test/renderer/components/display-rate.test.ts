// @vitest-environment happy-dom
/**
 * Issue 15: live lists are shown at most once a second (four pushes a second at ×3600 re-rendered
 * every visible row four times), the newest value always ends up shown, and what the operator
 * selects shows at once.
 */
/* eslint-disable vue/one-component-per-file -- each test mounts its own small host component to count renders and evaluations */
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { resetDisplayClocks } from '@/composables/display-clock';
import { useDisplayRate } from '@/composables/use-display-rate';

const live = ref(0);
const selected = ref('a');
let renders = 0;
const Host = defineComponent({
  setup() {
    const shown = useDisplayRate(() => `${selected.value}:${live.value}`, { immediateOn: () => selected.value });
    return () => {
      renders++;
      return h('p', shown.value);
    };
  },
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  // The page's display tick (composables/display-clock) is shared: each test starts on a quiet page.
  resetDisplayClocks();
  live.value = 0;
  selected.value = 'a';
  renders = 0;
});
afterEach(() => vi.useRealTimers());

describe('useDisplayRate (issue 15)', () => {
  it('shows the first change at once, coalesces the next second of changes into one, and ends on the newest', async () => {
    const wrapper = mount(Host);
    live.value = 1;
    await flushPromises();
    expect(wrapper.text()).toBe('a:1');
    for (let i = 2; i <= 5; i++) {
      await vi.advanceTimersByTimeAsync(200);
      live.value = i;
      await flushPromises();
    }
    expect(wrapper.text()).toBe('a:1');
    await vi.advanceTimersByTimeAsync(300);
    expect(wrapper.text()).toBe('a:5');
    expect(renders).toBe(3); // mount, a:1, a:5
    wrapper.unmount();
  });

  it('shows a new selection at once, however recent the last change', async () => {
    const wrapper = mount(Host);
    live.value = 1;
    await flushPromises();
    live.value = 2;
    await flushPromises();
    selected.value = 'b';
    await flushPromises();
    expect(wrapper.text()).toBe('b:2');
    wrapper.unmount();
  });

  it('evaluates its source only when it shows it, never per change: five changes in a pace cost two evaluations', async () => {
    let evaluations = 0;
    const Counting = defineComponent({
      setup() {
        // A derived list (the Overview's merged recent events) was rebuilt per push only to be compared.
        const shown = useDisplayRate(() => {
          evaluations++;
          return `${live.value}`;
        });
        return () => h('p', shown.value);
      },
    });
    const wrapper = mount(Counting);
    expect(evaluations).toBe(1);
    for (let i = 1; i <= 5; i++) {
      live.value = i;
      await flushPromises();
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(wrapper.text()).toBe('5');
    expect(evaluations).toBe(3); // mount, the first change at once, the newest at the end of the pace
    wrapper.unmount();
    live.value = 6;
    await vi.advanceTimersByTimeAsync(2000);
    expect(evaluations).toBe(3); // nothing after unmount
  });

  it('shows values that change at different moments in the same tick: one layout and paint a second, not one per value', async () => {
    // Two lists of a view, fed by the same pushes (four a second), the second starting half a second
    // later (its first change came after a quiet second). Each used to keep its own second, so their
    // phases drifted apart and the page re-rendered (and the browser laid out and painted) twice a second.
    const a = ref(0);
    const b = ref(0);
    const renderedAt = new Set<number>();
    const Pair = defineComponent({
      setup() {
        const shownA = useDisplayRate(() => a.value);
        const shownB = useDisplayRate(() => b.value);
        return () => {
          renderedAt.add(Math.round(performance.now()));
          return h('p', `${shownA.value}:${shownB.value}`);
        };
      },
    });
    const wrapper = mount(Pair);
    renderedAt.clear();
    for (let quarter = 1; quarter <= 12; quarter++) {
      a.value = quarter;
      if (quarter >= 3) b.value = quarter;
      await flushPromises();
      await vi.advanceTimersByTimeAsync(250);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(wrapper.text()).toBe('12:12');
    // Three seconds of pushes: the first change at once, then one tick a second, both values together.
    expect(renderedAt.size).toBeLessThanOrEqual(4);
    wrapper.unmount();
  });

  it('holds still while paused (out of view) and shows the newest at once when the pause ends', async () => {
    const paused = ref(true);
    let evaluations = 0;
    const Section = defineComponent({
      setup() {
        const shown = useDisplayRate(
          () => {
            evaluations++;
            return live.value;
          },
          { paused: () => paused.value },
        );
        return () => h('p', String(shown.value));
      },
    });
    const wrapper = mount(Section);
    for (let i = 1; i <= 8; i++) {
      live.value = i;
      await flushPromises();
      await vi.advanceTimersByTimeAsync(250);
    }
    expect(wrapper.text()).toBe('0');
    expect(evaluations).toBe(1); // the mount only: nothing evaluated or rendered while out of view
    paused.value = false;
    await flushPromises();
    expect(wrapper.text()).toBe('8');
    live.value = 9;
    await flushPromises();
    await vi.advanceTimersByTimeAsync(1000);
    expect(wrapper.text()).toBe('9');
    wrapper.unmount();
  });
});
