// npm records only the platform packages its registry could resolve. Where the
// registry (a filtered mirror) lacks the other platforms' native bindings of a
// package such as rollup, the lock misses them and `npm ci` refuses it as "out
// of sync". This adds the entries npm would have written: version, os, cpu,
// libc, optional. npm skips them on other platforms without fetching anything.
// Run after `npm install` changes package-lock.json (the lockfile test checks).
import fs from 'node:fs'
import path from 'node:path'

const file = path.resolve(import.meta.dirname, '..', 'package-lock.json')
const lock = JSON.parse(fs.readFileSync(file, 'utf8'))
const OS = { android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', openbsd: 'openbsd', openharmony: 'openharmony', win32: 'win32', netbsd: 'netbsd', sunos: 'sunos', aix: 'aix' }
const CPU = { arm: 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' }

/** '@rollup/rollup-linux-arm64-musl' → { os: ['linux'], cpu: ['arm64'], libc: ['musl'] } */
export function platformOf(name) {
  const parts = name.split('/').pop().split('-')
  for (let i = 0; i < parts.length - 1; i++) {
    const os = OS[parts[i]]
    const cpu = CPU[parts[i + 1]]
    if (!os || !cpu) continue
    const abi = parts[i + 2] ?? ''
    const libc = /^musl/.test(abi) ? ['musl'] : /^gnu/.test(abi) && os === 'linux' ? ['glibc'] : undefined
    return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) }
  }
  return null
}

export function missingOptional(lock) {
  const added = {}
  for (const [key, pkg] of Object.entries(lock.packages)) {
    for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
      const where = `${key ? `${key}/` : ''}node_modules/${dep}`
      if (lock.packages[where] || lock.packages[`node_modules/${dep}`]) continue
      const platform = platformOf(dep)
      if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue
      added[`node_modules/${dep}`] = { version, ...(pkg.dev ? { dev: true } : {}), optional: true, ...platform }
    }
  }
  return added
}

if (process.argv[1] === import.meta.filename) {
  const added = missingOptional(lock)
  const names = Object.keys(added)
  if (process.argv.includes('--check')) {
    console.log(names.length ? `package-lock.json lacks ${names.length} platform entries: run node scripts/complete-lockfile.mjs` : 'package-lock.json: complete')
    process.exit(names.length ? 1 : 0)
  }
  if (names.length) {
    const entries = Object.entries({ ...lock.packages, ...added }).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
    lock.packages = Object.fromEntries(entries)
    fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
  }
  console.log(names.length ? `package-lock.json: added ${names.length} platform entries (${names.join(', ')})` : 'package-lock.json: complete')
}
