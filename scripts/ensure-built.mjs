// Builds the app when out/ is missing or older than the sources, so
// `npm start` and `npm run cli` work straight after `npm ci`.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const outputs = ['out/main/host.js', 'out/main/cli.js', 'out/renderer/index.html'].map((f) => path.join(root, f))
const sources = ['electron', 'shared', 'renderer', 'package.json', 'electron.vite.config.ts']

function newest(p) {
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))))
}

const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : 0
const changed = Math.max(...sources.map((s) => newest(path.join(root, s))))
if (built < changed) {
  if (!process.argv.includes('--quiet')) console.log('正在构建程序（首次启动或代码有更新）…')
  execSync('npx electron-vite build', { cwd: root, stdio: process.argv.includes('--quiet') ? 'ignore' : 'inherit' })
}
