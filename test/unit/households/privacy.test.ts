/**
 * Full ID numbers and phones stay in the core: list, household page, 修改记录 and the audit log
 * (and its export) show them masked for every role; only households.revealId gives one whole,
 * and it is logged; 只读 cannot export unmasked.
 */
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { idCheckChar, maskIdNumber, maskPhone } from '../../../shared/domain/id-number'
import { jobEnd, opCaller, testCore } from '../../helpers/core'

const open: CoreContext[] = []
afterEach(async () => {
  for (const c of open.splice(0)) await c.close()
})

async function setup(households = 30) {
  const t = testCore()
  open.push(t.core)
  const { call, raw } = opCaller(t.core)
  const started = await call('demo.load', { households })
  expect(await jobEnd(t.events, started.jobId)).toMatchObject({ type: 'job.done' })
  const db = t.core.ledger.sqlite
  const ids = db.prepare('SELECT id_number FROM members WHERE id_number IS NOT NULL').pluck().all() as string[]
  const phones = db.prepare('SELECT phone FROM households WHERE phone IS NOT NULL').pluck().all() as string[]
  expect(ids.length).toBeGreaterThan(households)
  expect(phones.length).toBeGreaterThan(0)
  /** Fails when any stored ID number or phone appears whole in what an operation returned. */
  const noFullNumbers = (value: unknown) => {
    const text = JSON.stringify(value)
    for (const n of [...ids, ...phones]) expect(text.includes(n), `${n} left the core whole`).toBe(false)
  }
  return { ...t, call, raw, db, ids, phones, noFullNumbers }
}

/** A valid 18-digit ID number, different for each n. */
const validId = (n: number) => {
  const first = `110101${1950 + (n % 50)}0${1 + (n % 9)}1${n % 10}${String(100 + (n % 900)).padStart(3, '0')}`
  return first + idCheckChar(first)!
}

describe('ID numbers and phones leave the core masked', () => {
  it('households.list, households.get and households.changes never return a full number; search still finds by it', async () => {
    const { call, db, ids, noFullNumbers } = await setup()
    const list = await call('households.list', { page: 1, pageSize: 500 })
    expect(list.total).toBe(30)
    noFullNumbers(list)
    for (const item of list.items) {
      const head = db.prepare("SELECT id_number FROM members WHERE household_id = ? AND relation = '户主' AND removed_reason IS NULL ORDER BY sort_order LIMIT 1").pluck().get(item.id) as string | undefined
      const phone = db.prepare('SELECT phone FROM households WHERE id = ?').pluck().get(item.id) as string | null
      expect(item.headIdNumber).toBe(head ? maskIdNumber(head) : null)
      expect(item.phone).toBe(phone === null ? null : maskPhone(phone))
      const detail = await call('households.get', { id: item.id })
      noFullNumbers(detail)
      expect(detail.phone).toBe(phone === null ? null : maskPhone(phone))
      expect(detail.values.phone ?? null).toBe(phone === null ? null : maskPhone(phone))
      for (const m of detail.members) {
        const stored = db.prepare('SELECT id_number FROM members WHERE id = ?').pluck().get(m.id) as string | null
        expect(m.idNumber).toBe(stored === null ? null : maskIdNumber(stored))
        expect(m.values.id_number ?? null).toBe(m.idNumber)
      }
    }
    // Search runs on the stored value: the whole number and its last digits still find the household.
    for (const id of ids.slice(0, 10)) {
      const household = db.prepare('SELECT household_id FROM members WHERE id_number = ?').pluck().get(id) as number
      expect((await call('households.list', { search: id })).items.map((i) => i.id)).toContain(household)
      expect((await call('households.list', { search: id.slice(-6) })).items.map((i) => i.id)).toContain(household)
    }
  })

  it('修改记录 and the audit log show changed ID numbers and phones masked; the trail keeps them whole', async () => {
    const { call, db, noFullNumbers } = await setup(10)
    const m = db.prepare("SELECT id, household_id, id_number FROM members WHERE relation = '户主' ORDER BY id LIMIT 1").get() as { id: number; household_id: number; id_number: string }
    const newId = validId(7)
    await call('households.updateMember', { memberId: m.id, patch: { id_number: newId } })
    await call('households.update', { id: m.household_id, patch: { phone: '13912345678' } })
    const added = await call('households.addMember', { householdId: m.household_id, values: { name: '张小新', relation: '之子', id_number: validId(8) } })
    expect(added.memberId).toBeGreaterThan(0)

    // The trail itself: whole.
    const trail = db.prepare("SELECT old_value, new_value FROM audit_log WHERE field IN ('id_number', 'phone')").all() as { old_value: string; new_value: string }[]
    expect(trail).toEqual(expect.arrayContaining([{ old_value: m.id_number, new_value: newId }, expect.objectContaining({ new_value: '13912345678' })]))

    const changes = await call('households.changes', { id: m.household_id })
    const byField = (f: string) => changes.find((c) => c.field === f)!
    expect(byField('id_number')).toMatchObject({ oldValue: maskIdNumber(m.id_number), newValue: maskIdNumber(newId) })
    expect(byField('phone')).toMatchObject({ newValue: '139****5678' })
    const all = [m.id_number, newId, validId(8), '13912345678']
    for (const c of changes) for (const n of all) expect(`${c.oldValue} ${c.newValue}`).not.toContain(n)
    noFullNumbers(changes)

    const audit = await call('accounts.audit', { page: 1, pageSize: 500 })
    const text = JSON.stringify(audit.entries)
    for (const n of all) expect(text).not.toContain(n)
    expect(text).toContain(maskIdNumber(newId))
    expect(text).toContain('139****5678')

    const file = await call('accounts.exportAudit', { page: 1, pageSize: 50 })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(open[0]!.files.get(file.fileId).path)
    const cells: string[] = []
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.text))))
    const exported = cells.join('\n')
    for (const n of all) expect(exported).not.toContain(n)
    expect(exported).toContain(maskIdNumber(newId))
  })

  it('the full number comes through households.revealId only, and each reveal is logged', async () => {
    const { call, db } = await setup(10)
    const m = db.prepare('SELECT id, name, id_number, household_id FROM members WHERE id_number IS NOT NULL LIMIT 1').get() as { id: number; name: string; id_number: string; household_id: number }
    const h = db.prepare('SELECT id, household_no, phone FROM households WHERE phone IS NOT NULL LIMIT 1').get() as { id: number; household_no: string; phone: string }
    expect(await call('households.revealId', { memberId: m.id })).toEqual({ idNumber: m.id_number })
    expect(await call('households.revealId', { householdId: h.id })).toEqual({ phone: h.phone })
    expect(db.prepare('SELECT action, detail FROM access_log ORDER BY id').all()).toEqual([
      { action: 'reveal_id', detail: `${m.name} ${maskIdNumber(m.id_number)}` },
      { action: 'reveal_id', detail: `户 ${h.household_no} 联系电话 ${maskPhone(h.phone)}` },
    ])
  })

  it('a masked number sent back by an edit is refused, nothing written', async () => {
    const { raw, db } = await setup(10)
    const m = db.prepare('SELECT id, household_id, id_number FROM members WHERE id_number IS NOT NULL LIMIT 1').get() as { id: number; household_id: number; id_number: string }
    const before = db.prepare('SELECT count(*) FROM audit_log').pluck().get()
    const r = await raw('households.updateMember', { memberId: m.id, patch: { id_number: maskIdNumber(m.id_number) } })
    expect(r).toMatchObject({ ok: false, error: { field: 'id_number', message: expect.stringContaining('请先点「显示后修改」') } })
    const p = await raw('households.update', { id: m.household_id, patch: { phone: '139****5678' } })
    expect(p).toMatchObject({ ok: false, error: { field: 'phone', message: expect.stringContaining('「联系电话」是隐藏了中间几位的号码') } })
    expect(db.prepare('SELECT id_number FROM members WHERE id = ?').pluck().get(m.id)).toBe(m.id_number)
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before)
  })
})

describe('read-only accounts cannot export unmasked', () => {
  it('refuses households.export with unmasked for 只读 in Chinese, logs nothing, and allows the masked export', async () => {
    const { call, raw, db, events } = await setup(10)
    await call('accounts.setup', { username: 'admin', displayName: '张主任', password: 'Secret-Pw-98765' })
    await call('accounts.add', { username: 'wang', displayName: '王查看', role: 'readonly', password: 'Other-Pw-24680' })
    await call('accounts.logout', {})
    await call('accounts.login', { username: 'wang', password: 'Other-Pw-24680' })
    const refused = await raw('households.export', { layout: 'standard', unmasked: true })
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('只读账户不能导出完整的证件号码和电话') } })
    expect(db.prepare('SELECT count(*) FROM access_log').pluck().get()).toBe(0)
    const masked = await call('households.export', { layout: 'standard' })
    expect(await jobEnd(events, masked.jobId)).toMatchObject({ type: 'job.done' })

    await call('accounts.logout', {})
    await call('accounts.login', { username: 'admin', password: 'Secret-Pw-98765' })
    const full = await call('households.export', { layout: 'standard', unmasked: true })
    expect(await jobEnd(events, full.jobId)).toMatchObject({ type: 'job.done' })
    expect(db.prepare('SELECT actor, action FROM access_log').all()).toEqual([{ actor: '张主任（admin，#1）', action: 'export_unmasked' }])
  })
})
