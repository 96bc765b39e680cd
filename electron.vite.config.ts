import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

/**
 * main: the Electron main process plus every Node-side entry that shares the
 * core (utility-process core, job worker, browser host, CLI). Only
 * `electron/main` imports Electron.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          core: resolve('electron/core/process/utility-entry.ts'),
          'job-worker': resolve('electron/core/jobs/worker-entry.ts'),
          'read-worker': resolve('electron/core/spreadsheets/read/read-worker-entry.ts'),
          host: resolve('electron/host/main.ts'),
          cli: resolve('electron/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    build: {
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
      chunkSizeWarningLimit: 4000,
    },
    plugins: [react()],
  },
})
