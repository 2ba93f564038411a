/**
 * Renderer entry. Order matters: the error handler is installed before mount so that nothing thrown
 * during the first render can leave a blank window; the live feed starts once the stores exist.
 */
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { reportFatal } from './error-report';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { useLiveStore } from './stores/live';
import { useSessionStore } from './stores/session';
import { takeLaunchToken } from './transport/launch-token';
import { failedView, isViewLoadFailure } from './view-load';
import './styles/main.css';

// Web mode: the token leaves the address bar before the router reads it (the cookie now carries it).
takeLaunchToken(window);

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter();

app.config.errorHandler = (error, _instance, info) => reportFatal(error, info);
// A lazily loaded view that cannot be fetched (web mode, the server gone) says so in place of the
// view and opens when the connection returns (view-load.ts); any other failure (a broken build) is
// fatal, rather than an empty pane.
router.onError((error, to) => {
  if (!isViewLoadFailure(error)) return reportFatal(error, 'router');
  failedView.value = { fullPath: to.fullPath, name: String(to.name ?? to.path), titleKey: to.meta.titleKey, message: error instanceof Error ? error.message : String(error) };
});
router.afterEach((_to, _from, failure) => {
  if (!failure) failedView.value = null;
});
// Promises nobody awaited: worth telling the operator, not worth tearing the app down.
window.addEventListener('unhandledrejection', (event) => useSessionStore(pinia).reportProblem(event.reason));

app.use(pinia).use(createAppI18n()).use(router);
app.mount('#app');

useLiveStore(pinia).start();
