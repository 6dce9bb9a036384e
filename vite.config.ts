import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server that `npm run dev:web` talks to (started with `npm start`). */
const apiTarget = process.env.SOCLE_API_URL ?? 'http://localhost:3000';

// The server trusts http://localhost:5173 (Vite's port) for cookie-authenticated writes.
const proxy = { target: apiTarget };

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The main chunk is React + Mantine + TanStack Query + i18next (~235 kB gzipped); ECharts
    // is loaded lazily, only by the dashboard.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': proxy, '/r': proxy },
  },
});
