// better-sqlite3 is compiled for one runtime at a time: `npm run dev` and
// `npm run dist` rebuild it for Electron. Before Node uses it again (tests,
// browser host, CLI), rebuild it for Node if it no longer loads.
import { execSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
try {
  const Database = require('better-sqlite3')
  new Database(':memory:').close()
} catch (err) {
  if (!/NODE_MODULE_VERSION|was compiled against/.test(String(err))) throw err
  console.log('better-sqlite3 was built for Electron; rebuilding it for Node…')
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' })
}
