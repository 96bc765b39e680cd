import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

describe('package-lock.json', () => {
  it('lists every platform package, so `npm ci` on a fresh machine accepts it', () => {
    const r = spawnSync(process.execPath, [path.resolve(__dirname, '../../../scripts/complete-lockfile.mjs'), '--check'], { encoding: 'utf8' })
    expect(r.stdout.trim()).toBe('package-lock.json: complete')
    expect(r.status).toBe(0)
  })
})
