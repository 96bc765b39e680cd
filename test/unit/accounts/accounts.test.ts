import { scryptSync } from 'node:crypto'
import fs from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { dispatch } from '../../../electron/core/dispatch'
import { hashPassword, verifyPassword } from '../../../electron/core/accounts/accounts'
import { jobEnd, testCore } from '../../helpers/core'

// scrypt at N = 2^17 costs ~0.5 s a hash here; the cost is tested in login-hardening.test.ts.
vi.mock('node:crypto', async (orig) => (await import('../../helpers/fast-scrypt')).withFastScrypt(await orig()))

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

function setup() {
  const t = testCore()
  cores.push(t.core)
  return { ...t, d: (name: string, input: unknown = {}) => dispatch(t.core, name, input) }
}

describe('accounts', () => {
  it('hashes passwords with scrypt and a salt; the password never reaches the file', async () => {
    const h = await hashPassword('正确的密码123')
    expect(h).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(await hashPassword('正确的密码123')).not.toBe(h)
    expect(await verifyPassword('正确的密码123', h)).toBe(true)
    expect(await verifyPassword('错误的密码', h)).toBe(false)
    // A hash made by the earlier version (N = 2^14) still verifies: the parameters are stored with it.
    const salt = Buffer.from('0123456789abcdef')
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('旧密码123', salt, 64, { N: 16384, r: 8, p: 1 }).toString('base64')}`
    expect(await verifyPassword('旧密码123', old)).toBe(true)
    expect(await verifyPassword('旧密码124', old)).toBe(false)

    const { d, core, dbPath } = setup()
    await d('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Secret-Pw-98765' })
    core.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const bytes = Buffer.concat([fs.readFileSync(dbPath), fs.existsSync(`${dbPath}-wal`) ? fs.readFileSync(`${dbPath}-wal`) : Buffer.alloc(0)])
    expect(bytes.includes(Buffer.from('Secret-Pw-98765'))).toBe(false)
  })

  it('without accounts everything is allowed; once set up, operations need a signed-in person', async () => {
    const { d } = setup()
    expect(await d('households.list')).toMatchObject({ ok: true })
    expect(await d('accounts.status')).toEqual({ ok: true, value: { enabled: false, current: null, idleMinutes: 15 } })
    const admin = await d('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Zhang-Zhuren-01' })
    expect(admin).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } })
    expect(await d('accounts.setup', { username: 'other', displayName: '其他', password: 'Zhang-Zhuren-01' })).toMatchObject({ ok: false, error: { code: 'already_set_up' } })
    await d('accounts.logout')
    expect(await d('households.list')).toEqual({ ok: false, error: { code: 'not_signed_in', message: '请先登录。' } })
    expect(await d('app.info')).toMatchObject({ ok: true })
  })

  it('只读 cannot write and 经办人 cannot administer, refused in the core; writes name the signed-in person', async () => {
    const { d, core, events } = setup()
    await d('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Zhang-Zhuren-01' })
    await d('accounts.add', { username: 'li', displayName: '李干事', role: 'clerk', password: 'Li-Ganshi-0202' })
    await d('accounts.add', { username: 'wang', displayName: '王查看', role: 'readonly', password: 'Chakan-Wq-303' })

    await d('accounts.logout')
    expect(await d('accounts.login', { username: 'wang', password: 'Chakan-Wq-303' })).toMatchObject({ ok: true, value: { role: 'readonly' } })
    expect(await d('households.list')).toMatchObject({ ok: true })
    expect(await d('demo.load', { households: 10 })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: '只读账户不能修改台账。如需修改，请用经办人或管理员账户登录。' },
    })

    await d('accounts.logout')
    await d('accounts.login', { username: 'li', password: 'Li-Ganshi-0202' })
    expect(await d('accounts.add', { username: 'z', displayName: 'z', role: 'admin', password: 'Zzzz-Admin-404' })).toMatchObject({ ok: false, error: { message: '只有管理员可以进行这项操作。' } })
    // A job started by 李干事 records 李干事.
    const started = (await d('demo.load', { households: 10 })) as { ok: true; value: { jobId: string } }
    await jobEnd(events, started.value.jobId)
    const household = core.ledger.sqlite.prepare('SELECT id FROM households LIMIT 1').pluck().get() as number
    await d('households.update', { id: household, patch: { phone: '13800001111' } })
    const actors = core.ledger.sqlite.prepare("SELECT DISTINCT actor FROM audit_log WHERE table_name IN ('households', 'members')").pluck().all()
    expect(actors).toEqual(['李干事（li，#2）'])
  })

  it('wrong passwords: a clear refusal, and five in a row lock the account for a while', async () => {
    const { d } = setup()
    await d('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Zhang-Zhuren-01' })
    await d('accounts.logout')
    for (let i = 0; i < 4; i++) {
      expect(await d('accounts.login', { username: 'admin', password: 'wrong!' })).toMatchObject({ ok: false, error: { code: 'login_failed', message: '用户名或密码不正确。' } })
    }
    expect(await d('accounts.login', { username: 'admin', password: 'wrong!' })).toMatchObject({
      ok: false,
      error: { code: 'account_locked', message: '用户名或密码不正确。密码已连续输错多次，请等 30 秒后再试。' },
    })
    // Even the right password waits out the 30 seconds.
    expect(await d('accounts.login', { username: 'admin', password: 'Zhang-Zhuren-01' })).toMatchObject({
      ok: false,
      error: { code: 'account_locked', message: expect.stringMatching(/^密码已连续输错多次，请等 (29|30) 秒后再试。$/) },
    })
    expect(await d('accounts.login', { username: 'nobody', password: 'Zhang-Zhuren-01' })).toMatchObject({ ok: false, error: { code: 'login_failed' } })
  })
})

describe('the audit log for administrators', () => {
  it('lists and exports who changed what, filtered by person; others are refused', async () => {
    const { d, core } = setup()
    await d('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Zhang-Zhuren-01' })
    await d('accounts.add', { username: 'li', displayName: '李干事', role: 'clerk', password: 'Li-Ganshi-0202' })
    core.ledger.write.run({ actor: '李干事' }, (w) => w.insert('villages', { name: '青山村' }))
    const all = (await d('accounts.audit', { page: 1, pageSize: 50 })) as { ok: true; value: { entries: { actor: string; action: string; record: string }[]; total: number; actors: string[] } }
    expect(all.value.actors).toEqual(['张主任（admin，#1）', '本机用户', '李干事'].sort())
    const li = (await d('accounts.audit', { actor: '李干事' })) as typeof all
    expect(li.value.entries).toEqual([expect.objectContaining({ actor: '李干事', action: '新增', record: expect.stringMatching(/^行政村 #\d+$/) })])
    const file = (await d('accounts.exportAudit', { actor: '李干事' })) as { ok: true; value: { fileId: string; name: string } }
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(core.files.get(file.value.fileId).path)
    expect(wb.worksheets[0]!.rowCount).toBe(2)
    expect(wb.worksheets[0]!.getRow(2).getCell(2).value).toBe('李干事')
    await d('accounts.logout')
    await d('accounts.login', { username: 'li', password: 'Li-Ganshi-0202' })
    expect(await d('accounts.audit', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
