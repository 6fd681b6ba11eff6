import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the board talks to a Plancia server on :8080; in production the server serves dist/ itself.
const server = process.env.PLANCIA_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': { target: server, ws: true },
      '/socket.io': { target: server, ws: true },
    },
  },
});
