/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Three entry pages: the student page (also served at /j/CODE), the instructor console (also the
// setup page) and the projector. `npm run dev` proxies the API and the hub to a server on :5080.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        student: resolve(import.meta.dirname, 'index.html'),
        instructor: resolve(import.meta.dirname, 'instructor.html'),
        projector: resolve(import.meta.dirname, 'projector.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:5080',
      '/hubs': { target: 'http://localhost:5080', ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
