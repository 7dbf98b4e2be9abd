import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Server-rendered so every form works without JavaScript (DESIGN.md, "public site").
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  security: { checkOrigin: true },
  compressHTML: true,
  build: { inlineStylesheets: 'never' },
  server: { host: '127.0.0.1', port: 4321 },
});
