import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, ProxyOptions } from 'vite';
import { defineConfig } from 'vitest/config';

const outDir = process.env.VF_WEB_OUT || 'dist';
const gateway = 'http://127.0.0.1:8080';

/** Every file under dir, as paths relative to root with forward slashes, sorted. */
async function listFiles(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory()
        ? listFiles(root, path)
        : [relative(root, path).split(sep).join('/')];
    }),
  );
  return nested.flat().sort();
}

/**
 * Writes files.json into the out dir once the bundle is written: the Java gateway serves the app
 * from a jar, where it cannot list a folder, so it reads this list instead.
 */
function fileList(): Plugin {
  let dir = '';
  return {
    name: 'vf-file-list',
    apply: 'build',
    configResolved(config) {
      dir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await listFiles(dir)).filter((file) => file !== 'files.json');
      await writeFile(join(dir, 'files.json'), JSON.stringify(files, null, 2) + '\n');
    },
  };
}

/**
 * The dev server's proxy to the gateway. To the browser the API is on the page's own origin, so
 * the call goes on without the browser's Origin header: the gateway's CORS allows only a few dev
 * origins, and would refuse every POST/PATCH/DELETE from a dev server on any other port.
 */
const toGateway: ProxyOptions = {
  target: gateway,
  configure: (proxy) => {
    proxy.on('proxyReq', (request) => request.removeHeader('origin'));
  },
};

export default defineConfig({
  plugins: [react(), fileList()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // Two pages: the app, and the tiny page of the silent sign-in's hidden frame (src/auth/silent.ts).
    rollupOptions: {
      input: {
        app: resolve(import.meta.dirname, 'index.html'),
        silent: resolve(import.meta.dirname, 'auth/silent.html'),
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': toGateway,
      '/openapi': toGateway,
      '/web-config.json': toGateway,
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
