import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const sharedSource = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));
const clientRoot = fileURLToPath(new URL('./client', import.meta.url));
const clientDist = fileURLToPath(new URL('./client/dist', import.meta.url));
/** Where the API and Socket.IO server listens during development. */
const API_TARGET = 'http://127.0.0.1:3000';

// The client app: one build with three faces (/wall, /console, /field), served by the server from client/dist.
export default defineConfig({
  root: clientRoot,
  plugins: [vue({ features: { optionsAPI: false } })],
  resolve: { alias: { '@watchfloor/shared': sharedSource } },
  define: {
    // vue-i18n feature flags: composition API only, no global components, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    proxy: {
      '/api': { target: API_TARGET },
      '/socket.io': { target: API_TARGET, ws: true },
    },
  },
  build: {
    outDir: clientDist,
    emptyOutDir: true,
    // Walls run recent Chromium; keep the output modern.
    target: 'es2022',
    // MapLibre is about 1 MB on its own and only the wall and desk maps need it.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // MapLibre and ECharts change rarely: separate chunks stay cached across app releases.
        codeSplitting: {
          groups: [
            { name: 'maplibre-gl', test: /[\\/]node_modules[\\/](\.pnpm[\\/])?maplibre-gl/, priority: 2 },
            { name: 'echarts', test: /[\\/]node_modules[\\/](\.pnpm[\\/])?(echarts|zrender)/, priority: 2 },
          ],
        },
      },
    },
  },
});
