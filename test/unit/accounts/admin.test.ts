import fs from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { permissionOf } from '../../../shared/api/contract'
import { contract } from '../../../shared/api/contract'
import type { CoreContext } from '../../../electron/core/context'
import { dispatch } from '../../../electron/core/dispatch'
import { login } from '../../../electron/core/accounts/accounts'
import { touchSession } from '../../../electron/core/accounts/session'
import { testCore } from '../../helpers/core'

// scrypt at N = 2^17 costs ~0.5 s a hash here; the cost is tested in login-hardening.test.ts.
vi.mock('node:crypto', async (orig) => (await import('../../helpers/fast-scrypt')).withFastScrypt(await orig()))

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

type Ok<T> = { ok: true; value: T }

function setup() {
  const t = testCore()
  cores.push(t.core)
  const d = (name: string, input: unknown = {}) => dispatch(t.core, name, input)
  const as = async (username: string, password: string) => {
    await d('accounts.logout')
    const r = await d('accounts.login', { username, password })
    expect(r).toMatchObject({ ok: true })
  }
  return { ...t, d, as }
}

/** Operations that change the ledger. A new operation not listed here or as a read/admin one in shared/api/accounts.ts fails this test. */
const WRITES = [
  'demo.load', 'demo.remove', 'households.importCommit', 'imports.undo', 'backups.create',
  'households.update', 'households.addMember', 'households.updateMember', 'households.removeMember', 'households.changeHead',
  'households.undoChange', 'households.recordStatus', 'households.deleteStatus', 'households.move',
  'assistance.addHelper', 'assistance.pair', 'assistance.pairMany', 'assistance.endPairing', 'assistance.addVisit', 'assistance.addAid', 'assistance.resolveWish',
  'assistance.addUnit', 'assistance.updateVisit', 'assistance.deleteVisit', 'assistance.updateAid', 'assistance.deleteAid',
  'assistance.addWish', 'assistance.updateWish', 'assistance.deleteWish',
  'projects.create', 'projects.update', 'projects.delete', 'projects.addRecord', 'projects.updateRecord', 'projects.deleteRecord',
  'projects.addBeneficiaries', 'projects.removeBeneficiary', 'projects.importCommit',
  'monitoring.openCase', 'monitoring.deleteCase', 'monitoring.recordStep', 'monitoring.addMeasure', 'monitoring.deleteMeasure',
  'monitoring.setIndicators', 'monitoring.saveSettings',
  'checks.run', 'checks.waive', 'checks.unwaive', 'checks.importWaivers', 'checks.saveSettings',
  'forms.saveSettings', 'projects.addObtainedFund', 'projects.deleteObtainedFund',
  'national.importCommit', 'national.saveWorkSpell', 'national.deleteWorkSpell', 'national.saveVillageStatistics', 'national.savePlannedWork',
  'national.deletePlannedWork', 'national.saveHouseholdInfo',
  'rectification.create', 'rectification.update', 'rectification.delete', 'rectification.setStatus', 'rectification.addProgress',
  'rectification.deleteProgress', 'rectification.attach', 'rectification.removeAttachment', 'rectification.importCommit',
  'credit.setRating', 'credit.create', 'credit.update', 'credit.delete', 'credit.addRepayment', 'credit.deleteRepayment',
  'credit.addSubsidy', 'credit.deleteSubsidy', 'credit.importCommit',
  'posts.create', 'posts.update', 'posts.close', 'posts.delete', 'posts.assign', 'posts.updateHolding', 'posts.removeHolding',
  'posts.savePayroll', 'posts.deletePayroll', 'posts.importCommit',
]

describe('permissions', () => {
  it('every operation has a deliberate permission: reads are not refused to 只读 by accident', () => {
    const defaulted = Object.keys(contract).filter((op) => permissionOf(op) === 'write')
    expect(defaulted.filter((op) => !WRITES.includes(op))).toEqual([])
    expect(permissionOf('accounts.login')).toBe('open')
    expect(permissionOf('accounts.exportAudit')).toBe('admin')
    expect(permissionOf('accounts.turnOff')).toBe('admin')
    expect(permissionOf('households.list')).toBe('read')
  })
})

describe('administering accounts', () => {
  it('changes roles, 停用 and passwords; keeps one administrator; hashes never reach the audit trail', async () => {
    const { d, as, core, dbPath } = setup()
    await d('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Zhang-Zhuren-01' })
    const li = (await d('accounts.add', { username: 'li', displayName: '李干事', role: 'clerk', password: 'Li-Ganshi-0202' })) as Ok<{ id: number }>
    const adminId = (core.account as { id: number }).id

    // The only administrator cannot leave the role or be disabled, and nobody disables themselves.
    expect(await d('accounts.update', { id: adminId, role: 'clerk' })).toMatchObject({ ok: false, error: { code: 'self_demote' } })
    expect(await d('accounts.update', { id: adminId, disabled: true })).toEqual({
      ok: false,
      error: { code: 'self_disable', message: '不能停用自己正在使用的账户。', field: 'disabled' },
    })
    expect(await d('accounts.update', { id: li.value.id, role: 'readonly' })).toEqual({
      ok: true,
      value: { id: li.value.id, username: 'li', displayName: '李干事', role: 'readonly', disabled: false },
    })

    // A new role applies at the next sign-in.
    await as('li', 'Li-Ganshi-0202')
    expect(await d('households.update', { id: 1, patch: { phone: '1' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await d('accounts.changePassword', { oldPassword: 'nope', password: 'New-Secret-55' })).toMatchObject({
      ok: false,
      error: { code: 'login_failed', message: '原密码不正确。' },
    })
    expect(await d('accounts.changePassword', { oldPassword: 'Li-Ganshi-0202', password: 'Li-New-Pw-606' })).toEqual({ ok: true, value: { changed: true } })

    await as('admin', 'Zhang-Zhuren-01')
    expect(await d('accounts.resetPassword', { id: li.value.id, password: 'reset-by-admin' })).toEqual({ ok: true, value: { reset: true } })
    expect(await d('accounts.update', { id: li.value.id, disabled: true })).toMatchObject({ ok: true, value: { disabled: true } })
    await d('accounts.logout')
    expect(await d('accounts.login', { username: 'li', password: 'reset-by-admin' })).toEqual({
      ok: false,
      error: { code: 'account_disabled', message: '这个账户已停用，请联系管理员。' },
    })

    await as('admin', 'Zhang-Zhuren-01')
    const trail = (await d('accounts.audit', { table: 'accounts', pageSize: 100 })) as Ok<{ entries: { actor: string; action: string; field: string | null; oldValue: string | null; newValue: string | null }[] }>
    expect(trail.value.entries.map((e) => [e.actor, e.action, e.field, e.oldValue, e.newValue])).toEqual([
      ['张主任（admin，#1）', '修改', '停用', '否', '是'],
      ['张主任（admin，#1）', '修改', '密码', '（已隐藏）', '（已隐藏）'],
      ['李干事（li，#2）', '修改', '密码', '（已隐藏）', '（已隐藏）'],
      ['张主任（admin，#1）', '修改', '角色', '经办人', '只读'],
      ['张主任（admin，#1）', '新增', null, null, '用户名：li，姓名：李干事，角色：经办人'],
      ['本机用户', '新增', null, null, '用户名：admin，姓名：张主任，角色：管理员'],
    ])
    core.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    expect(core.ledger.sqlite.prepare("SELECT count(*) FROM audit_log WHERE old_value LIKE '%scrypt%' OR new_value LIKE '%scrypt%'").pluck().get()).toBe(0)
    const bytes = fs.readFileSync(dbPath)
    for (const pw of ['Zhang-Zhuren-01', 'Li-Ganshi-0202', 'Li-New-Pw-606', 'reset-by-admin']) expect(bytes.includes(Buffer.from(pw))).toBe(false)
  })

  it('the idle lock time is set by an administrator; turning accounts off needs the password and returns to single-user mode', async () => {
    const { d, core } = setup()
    await d('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Zhang-Zhuren-01' })
    expect(await d('accounts.setIdle', { idleMinutes: 5 })).toEqual({ ok: true, value: { idleMinutes: 5 } })
    expect(await d('accounts.status')).toMatchObject({ ok: true, value: { enabled: true, idleMinutes: 5 } })
    expect(await d('accounts.setIdle', { idleMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'idleMinutes' } })

    expect(await d('accounts.turnOff', { password: 'wrong' })).toEqual({ ok: false, error: { code: 'login_failed', message: '管理员密码不正确。', field: 'password' } })
    expect(await d('accounts.turnOff', { password: 'Zhang-Zhuren-01' })).toEqual({ ok: true, value: { turnedOff: true } })
    expect(await d('accounts.status')).toEqual({ ok: true, value: { enabled: false, current: null, idleMinutes: 5 } })
    expect(core.actor).toBe('本机用户')
    expect(await d('households.list')).toMatchObject({ ok: true })
    // The removal is in the trail, without the hash.
    const del = core.ledger.sqlite.prepare("SELECT actor, old_value FROM audit_log WHERE table_name = 'accounts' AND action = 'delete'").get() as { actor: string; old_value: string }
    expect(del.actor).toBe('张主任（admin，#1）')
    expect(JSON.parse(del.old_value)).toMatchObject({ username: 'admin', password_hash: '（已隐藏）' })
  })

  it('the core forgets the signed-in person after the idle time without any operation (a closed tab cannot lock its screen)', async () => {
    const { d, core } = setup()
    await d('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Zhang-Zhuren-01' })
    await d('accounts.setIdle', { idleMinutes: 2 })
    touchSession(core, 'read', Date.now() + 119_000)
    expect(core.account).toMatchObject({ username: 'admin' })
    touchSession(core, 'read', Date.now() + 119_000 + 121_000)
    expect(core.account).toBe(null)
    expect(core.actor).toBe('本机用户')
    expect(await d('households.list')).toEqual({ ok: false, error: { code: 'not_signed_in', message: '请先登录。' } })
  })

  it('a lockout ends after 30 seconds', async () => {
    const { d, core } = setup()
    await d('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Zhang-Zhuren-01' })
    const t0 = new Date('2026-03-01T08:00:00Z')
    for (let i = 0; i < 5; i++) await expect(login(core.ledger, 'admin', 'bad-pw', undefined, t0)).rejects.toThrow()
    await expect(login(core.ledger, 'admin', 'Zhang-Zhuren-01', undefined, new Date(t0.getTime() + 29_000))).rejects.toThrow('请等 1 秒后再试')
    expect((await login(core.ledger, 'admin', 'Zhang-Zhuren-01', undefined, new Date(t0.getTime() + 30_001))).username).toBe('admin')
  }, 60_000)

  it('the audit log filters by table and dates', async () => {
    const { d, core } = setup()
    await d('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Zhang-Zhuren-01' })
    core.ledger.write.run({ actor: '张主任' }, (w) => w.insert('villages', { name: '青山村' }))
    core.ledger.sqlite.prepare("UPDATE audit_log SET at = '2025-12-31T23:59:59.000Z' WHERE table_name = 'accounts'").run()
    const villages = (await d('accounts.audit', { table: 'villages' })) as Ok<{ total: number; tables: { value: string; label: string }[] }>
    expect(villages.value.total).toBe(1)
    expect(villages.value.tables).toEqual([{ value: 'accounts', label: '账户' }, { value: 'villages', label: '行政村' }])
    const lastYear = (await d('accounts.audit', { from: '2025-12-31', to: '2025-12-31' })) as Ok<{ entries: { record: string }[] }>
    expect(lastYear.value.entries.map((e) => e.record)).toEqual(['账户 #1'])
  })
})
