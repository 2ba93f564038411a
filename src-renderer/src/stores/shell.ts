/** Window-level UI state that several singletons share: the command palette and the shortcut help. */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export const useShellStore = defineStore('shell', () => {
  const paletteOpen = ref(false);
  const shortcutsOpen = ref(false);

  const openPalette = () => {
    shortcutsOpen.value = false;
    paletteOpen.value = true;
  };
  const closePalette = () => (paletteOpen.value = false);
  const togglePalette = () => (paletteOpen.value ? closePalette() : openPalette());
  const openShortcuts = () => (shortcutsOpen.value = true);
  const closeShortcuts = () => (shortcutsOpen.value = false);

  return { paletteOpen, shortcutsOpen, openPalette, closePalette, togglePalette, openShortcuts, closeShortcuts };
});
