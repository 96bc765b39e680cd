import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { OpName, OpResult } from '../../../shared/api/contract'
import type { CoreContext } from '../../../electron/core/context'
import { dispatch } from '../../../electron/core/dispatch'
import { jobEnd, testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

describe('backups through the operations', () => {
  it('makes a daily copy on start, a manual copy on request, and restores one after saving the current state', async () => {
    const { core, events } = testCore()
    cores.push(core)
    const call = async <K extends OpName>(name: K, input: unknown): Promise<OpResult<K>> => {
      const r = await dispatch(core, name, input)
      if (!r.ok) throw new Error(r.error.message)
      return r.value as OpResult<K>
    }
    await core.startupBackup
    const atStart = await call('backups.list', {})
    expect(atStart.backups).toEqual([expect.objectContaining({ reason: 'daily', households: 0, members: 0 })])
    await jobEnd(events, (await call('demo.load', { households: 40 })).jobId)
    const manual = await call('backups.create', {})
    expect(manual).toMatchObject({ reason: 'manual', households: 40, newer: false })
    const listed = await call('backups.list', {})
    expect(listed.dir).toBe(path.join(path.dirname(core.ledger.path), 'backups'))
    // Rotation keeps the newest copy of each day (and every manual one).
    expect(listed.backups[0]).toMatchObject({ name: manual.name, households: 40 })

    await call('demo.remove', {})
    expect((await call('app.info', {})).householdCount).toBe(0)
    const restored = await call('backups.restore', { name: manual.name })
    expect(restored.safetyCopy).toMatch(/pre-restore\.sqlite$/)
    // The core keeps working on the restored file.
    expect((await call('app.info', {})).householdCount).toBe(40)
    expect((await call('households.list', { pageSize: 5 })).total).toBe(40)
    const after = await call('backups.list', {})
    expect(after.backups.find((b) => b.name === restored.safetyCopy)).toMatchObject({ households: 0, reason: 'pre-restore' })
  })

  it('refuses a relative or unwritable backup folder, in Chinese, and accepts a real one', async () => {
    const { core } = testCore()
    cores.push(core)
    expect(await dispatch(core, 'backups.setDir', { dir: 'relative/folder' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
    const usb = path.join(tempDir(), 'U盘', '台账备份')
    expect(await dispatch(core, 'backups.setDir', { dir: usb })).toEqual({ ok: true, value: { dir: usb } })
    const made = await dispatch(core, 'backups.create', {})
    expect(made.ok).toBe(true)
    expect((await dispatch(core, 'backups.list', {})) as { value: { dir: string } }).toMatchObject({ value: { dir: usb } })
    expect(await dispatch(core, 'backups.restore', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
