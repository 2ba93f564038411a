// Vite's import.meta.glob (vitejs.dev/guide/features#glob-import), which the CLI bundle and vitest both
// resolve at build time; declared here because the main process is type-checked without vite/client.
interface ImportMeta {
  glob<T = unknown>(pattern: string): Record<string, () => Promise<T>>;
}
