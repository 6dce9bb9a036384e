import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server that `npm run dev:web` talks to (started with `npm start`). */
const apiTarget = process.env.SOCLE_API_URL ?? 'http://localhost:3000';

const proxy = {
  target: apiTarget,
  changeOrigin: true,
  // The server checks that cookie-authenticated writes come from its own origin. In
  // development the browser's origin is Vite's, so the dev proxy (only) presents the
  // API's origin instead.
  configure: (server: { on: (event: 'proxyReq', cb: (req: { getHeader(n: string): unknown; setHeader(n: string, v: string): void }) => void) => void }) => {
    server.on('proxyReq', (req) => {
      if (req.getHeader('origin')) req.setHeader('origin', apiTarget);
    });
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': proxy, '/r': proxy },
  },
});
