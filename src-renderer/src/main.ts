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
import './styles/main.css';

// Web mode: the token leaves the address bar before the router reads it (the cookie now carries it).
takeLaunchToken(window);

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter();

app.config.errorHandler = (error, _instance, info) => reportFatal(error, info);
// A lazily loaded view that fails to load (a broken build) is fatal too, rather than an empty pane.
router.onError((error) => reportFatal(error, 'router'));
// Promises nobody awaited: worth telling the operator, not worth tearing the app down.
window.addEventListener('unhandledrejection', (event) => useSessionStore(pinia).reportProblem(event.reason));

app.use(pinia).use(createAppI18n()).use(router);
app.mount('#app');

useLiveStore(pinia).start();
