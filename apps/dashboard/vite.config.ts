import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API's port; the dev server forwards /graphql (HTTP and WebSocket) there so the browser
// talks to one origin, as it does in production where the API serves the built files.
const apiPort = process.env['STRAND_PORT'] ?? '4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/graphql': { target: `http://localhost:${apiPort}`, ws: true, changeOrigin: true },
    },
  },
});
