import { afterEach, describe, expect, it } from 'vitest'
import type { OpName, OpResult } from '../../../shared/api/contract'
import { dispatch } from '../../../electron/core/dispatch'
import type { CoreContext } from '../../../electron/core/context'
import { computeIncome, divRoundHalfUp, ageOn } from '../../../shared/domain/households-rules'
import { idCheckChar } from '../../../shared/domain/id-number'
import { formatYuan } from '../../../shared/domain/money'
import { jobEnd, testCore } from '../../helpers/core'

const open: CoreContext[] = []
afterEach(async () => {
  for (const c of open.splice(0)) await c.close()
})

async function setup() {
  const t = testCore()
  open.push(t.core)
  const call = async <K extends OpName>(name: K, input: unknown): Promise<OpResult<K>> => {
    const r = await dispatch(t.core, name, input)
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.value as OpResult<K>
  }
  /** The refusal's message (fails the test if the call went through). */
  const refused = async (name: OpName, input: unknown): Promise<{ code: string; message: string; field?: string }> => {
    const r = await dispatch(t.core, name, input)
    if (r.ok) throw new Error(`${name} was not refused`)
    return r.error
  }
  const started = await call('demo.load', { households: 20 })
  expect(await jobEnd(t.events, started.jobId)).toMatchObject({ type: 'job.done' })
  const sqlite = t.core.ledger.sqlite
  const hh = sqlite
    .prepare(
      `SELECT h.id FROM households h WHERE (SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.removed_reason IS NULL) >= 3
         AND EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND m.relation = '配偶') ORDER BY h.id LIMIT 1`,
    )
    .get() as { id: number }
  const members = () =>
    sqlite.prepare('SELECT * FROM members WHERE household_id = ? ORDER BY sort_order, id').all(hh.id) as Record<string, string | number | null>[]
  const household = () => sqlite.prepare('SELECT * FROM households WHERE id = ?').get(hh.id) as Record<string, string | number | null>
  const audit = (after: number) =>
    sqlite.prepare('SELECT actor, action, table_name, record_id, field, old_value, new_value FROM audit_log WHERE id > ? ORDER BY id').all(after) as {
      actor: string; action: string; table_name: string; record_id: number; field: string | null; old_value: string | null; new_value: string | null
    }[]
  const lastAudit = () => (sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n
  return { ...t, call, refused, id: hh.id, members, household, audit, lastAudit, sqlite }
}

/** A valid 18-digit ID with the given birth date and sex. */
function makeId(birth: string, sex: '男' | '女', seq = 12): string {
  const first17 = `410102${birth.replace(/-/g, '')}${String(seq).padStart(2, '0')}${sex === '男' ? 1 : 2}`
  return first17 + idCheckChar(first17)
}

describe('computed values', () => {
  it('纯收入 and 人均纯收入 in exact 分, rounded half up', () => {
    expect(computeIncome({ wage_income_fen: 1_000_001, business_income_fen: 250_050, property_income_fen: null, transfer_income_fen: 33_333, business_expense_fen: 100_000 }, 3))
      .toEqual({ net_income_fen: 1_183_384, per_capita_net_income_fen: 394_461 })
    expect(divRoundHalfUp(5, 2)).toBe(3)
    expect(divRoundHalfUp(7, 3)).toBe(2)
    expect(divRoundHalfUp(8, 3)).toBe(3)
    expect(divRoundHalfUp(-5, 2)).toBe(-3)
    expect(computeIncome({ wage_income_fen: null }, 3)).toBeNull()
    expect(computeIncome({ wage_income_fen: 100 }, 0)).toEqual({ net_income_fen: 100, per_capita_net_income_fen: null })
  })
  it('age from the birth date', () => {
    expect(ageOn('2010-06-15', '2024-06-14')).toBe(13)
    expect(ageOn('2010-06-15', '2024-06-15')).toBe(14)
    expect(ageOn('2024-05-01', '2024-06-15')).toBe(0)
    expect(ageOn('2010-06', '2024-06-01')).toBe(14)
    expect(ageOn('abc', '2024-06-01')).toBeNull()
  })
})

describe('household edits', () => {
  it('saves income parts from 元, computes 纯收入 and 人均纯收入, and audits field, old and new', async () => {
    const s = await setup()
    const n = s.members().filter((m) => m.removed_reason === null).length
    const before = s.household()
    const mark = s.lastAudit()
    const patch = { wage_income_fen: '12,000.50', business_income_fen: '3000', property_income_fen: '', transfer_income_fen: '1234.56', business_expense_fen: '800.01', phone: '138 0013 8000' }
    const net = 1_200_050 + 300_000 + 123_456 - 80_001
    // The roster's 人均纯收入 came from the county: replacing it with the computed figure needs the clerk's word.
    const asked = await s.refused('households.update', { id: s.id, patch })
    expect(asked).toMatchObject({ code: 'confirm_income', field: 'per_capita_net_income_fen' })
    expect(asked.message).toBe(
      `花名册中的人均纯收入为 ${formatYuan(Number(before.per_capita_net_income_fen))}（县里下发的数），按填写的收入各项算得 ${formatYuan(divRoundHalfUp(net, n))}。保存收入各项将用算得的数替换花名册的数，请确认后再保存。`,
    )
    expect(s.household()).toEqual(before)
    expect(s.audit(mark)).toEqual([])
    const r = await s.call('households.update', { id: s.id, patch, replaceRosterIncome: true })
    expect(r.warnings).toEqual([])
    const h = s.household()
    expect(h).toMatchObject({ wage_income_fen: 1_200_050, business_income_fen: 300_000, property_income_fen: null, transfer_income_fen: 123_456, business_expense_fen: 80_001, net_income_fen: net, per_capita_net_income_fen: divRoundHalfUp(net, n), phone: '13800138000' })
    const rows = s.audit(mark)
    expect(rows.every((a) => a.actor === s.core.actor && a.table_name === 'households' && a.record_id === s.id && a.action === 'update')).toBe(true)
    const byField = Object.fromEntries(rows.map((a) => [a.field, [a.old_value, a.new_value]]))
    expect(byField.wage_income_fen).toEqual([before.wage_income_fen === null ? null : String(before.wage_income_fen), '1200050'])
    expect(byField.per_capita_net_income_fen).toEqual([String(before.per_capita_net_income_fen), String(divRoundHalfUp(net, n))])
    expect(byField.phone).toEqual([before.phone, '13800138000'])
    // Editing the computed values directly is refused once parts exist.
    expect((await s.refused('households.update', { id: s.id, patch: { per_capita_net_income_fen: '9999' } })).message)
      .toBe('「纯收入」「人均纯收入」由各项收入和生产经营性支出算出，不能直接修改。请修改收入各项。')
    // Once the figure is computed from parts, changing a part asks nothing.
    await s.call('households.update', { id: s.id, patch: { wage_income_fen: '13000' } })
    expect(s.household().wage_income_fen).toBe(1_300_000)
  })

  it('refuses unreadable numbers and status columns; warns on a bad phone but saves it', async () => {
    const s = await setup()
    expect(await s.refused('households.update', { id: s.id, patch: { wage_income_fen: '一万' } }))
      .toMatchObject({ code: 'invalid_edit', field: 'wage_income_fen', message: '「工资性收入」的「一万」不是有效数字，未保存。请改为数字，如 1234.56。' })
    expect((await s.refused('households.update', { id: s.id, patch: { exit_status: '已脱贫(享受政策)' } })).message)
      .toBe('「脱贫状态」由状态记录决定，不能直接修改。请在「状态记录」中登记识别、脱贫、返贫、纳入监测或风险消除。')
    const r = await s.call('households.update', { id: s.id, patch: { phone: '12345' } })
    expect(r.warnings).toEqual([{ severity: 'warning', code: 'bad_phone', field: 'phone', message: '「联系电话」的「12345」不是 11 位手机号，也不是带区号的固定电话（如 0371-12345678）。请核对改正。' }])
    expect(s.household().phone).toBe('12345')
  })

  it('keeps 两不愁三保障 as 达标 / 有短板 with a note, refusing a gap without one', async () => {
    const s = await setup()
    expect(await s.refused('households.update', { id: s.id, patch: { guarantee_housing: '有短板' } })).toMatchObject({
      field: 'guarantee_housing_note', message: '「住房安全保障」标为有短板，请在说明中写明短板是什么（如：住房为C级危房、未参加基本医疗保险）。',
    })
    const mark = s.lastAudit()
    await s.call('households.update', { id: s.id, patch: { guarantee_housing: '有短板', guarantee_housing_note: 'C级危房', guarantee_food: '达标' } })
    expect(s.household()).toMatchObject({ guarantee_housing: '有短板', guarantee_housing_note: 'C级危房', guarantee_food: '达标' })
    expect(s.audit(mark).map((a) => [a.field, a.old_value, a.new_value])).toEqual([
      ['guarantee_housing', null, '有短板'], ['guarantee_housing_note', null, 'C级危房'], ['guarantee_food', null, '达标'],
    ])
  })
})

describe('member edits', () => {
  it('adds a newborn: birth date and sex read from the ID, 人数 and 人均纯收入 follow', async () => {
    const s = await setup()
    await s.call('households.update', { id: s.id, patch: { wage_income_fen: '10000' }, replaceRosterIncome: true })
    const activeBefore = s.members().filter((m) => m.removed_reason === null).length
    s.sqlite.prepare('UPDATE households SET declared_size = ? WHERE id = ?').run(activeBefore, s.id)
    const mark = s.lastAudit()
    const id = makeId('2024-03-05', '女')
    const r = await s.call('households.addMember', { householdId: s.id, values: { name: '小花', relation: '之孙女', id_number: id } })
    const added = s.members().find((m) => m.id === r.memberId)!
    expect(added).toMatchObject({ name: '小花', relation: '之孙女', id_number: id, birth_date: '2024-03-05', sex: '女', removed_reason: null })
    expect(s.household()).toMatchObject({ declared_size: activeBefore + 1, per_capita_net_income_fen: divRoundHalfUp(1_000_000, activeBefore + 1) })
    const rows = s.audit(mark)
    expect(rows[0]).toMatchObject({ action: 'insert', table_name: 'members', record_id: r.memberId })
    expect(rows.slice(1).map((a) => a.field)).toEqual(['declared_size', 'per_capita_net_income_fen'])
    expect(rows[1]).toMatchObject({ old_value: String(activeBefore), new_value: String(activeBefore + 1) })
  })

  it('refuses a wrong ID check character, an ID of another household, a missing name and a second 户主', async () => {
    const s = await setup()
    const good = makeId('2024-03-05', '男')
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1')
    const e1 = await s.refused('households.addMember', { householdId: s.id, values: { name: '小明', relation: '之孙子', id_number: bad } })
    expect(e1).toMatchObject({ field: 'id_number' })
    expect(e1.message).toBe(`成员「小明」「证件号码」的「${bad}」校验位不对（按前 17 位算应为「${good[17]}」），可能有数字录错。请对照身份证或户口簿改正。`)
    const other = s.sqlite.prepare('SELECT m.id_number, m.name FROM members m WHERE m.household_id <> ? AND m.id_number IS NOT NULL LIMIT 1').get(s.id) as { id_number: string; name: string }
    const e2 = await s.refused('households.addMember', { householdId: s.id, values: { name: '某人', relation: '其他', id_number: other.id_number } })
    expect(e2.message).toContain(`在台账中已登记为`)
    expect(e2.message).toContain(`的「${other.name}」`)
    expect((await s.refused('households.addMember', { householdId: s.id, values: { name: '', relation: '之子' } })).message).toBe('「姓名」不能为空。请填写姓名。')
    const child = s.members().find((m) => m.relation !== '户主' && m.removed_reason === null)!
    const head = s.members().find((m) => m.relation === '户主')!
    expect((await s.refused('households.updateMember', { memberId: child.id, patch: { relation: '户主' } })).message)
      .toBe(`成员「${String(child.name)}」的「与户主关系」不能改为「户主」：成员「${String(head.name)}」已是户主。一户只能有一个户主，请用「更换户主」。`)
    expect((await s.refused('households.updateMember', { memberId: head.id, patch: { relation: '之子' } })).message)
      .toBe(`「${String(head.name)}」是户主，不能直接改「与户主关系」。请用「更换户主」指定新户主，并为原户主选择新的关系。`)
  })

  it('edits a member with warnings (relation vs sex) and audits exact old → new', async () => {
    const s = await setup()
    const spouse = s.members().find((m) => m.relation === '配偶')!
    const mark = s.lastAudit()
    const r = await s.call('households.updateMember', { memberId: spouse.id, patch: { education: '初中', work_months: '6个月' } })
    expect(r.warnings.filter((w) => w.field === 'education' || w.field === 'work_months')).toEqual([])
    const rows = s.audit(mark).map((a) => [a.table_name, a.record_id, a.field, a.old_value, a.new_value])
    expect(rows).toEqual([
      ...(spouse.education === '初中' ? [] : [['members', spouse.id, 'education', spouse.education, '初中']]),
      ...(spouse.work_months === '6' ? [] : [['members', spouse.id, 'work_months', spouse.work_months, '6']]),
    ])
  })

  it('removes a member with reason and date, keeping the person; refuses removing the 户主', async () => {
    const s = await setup()
    const head = s.members().find((m) => m.relation === '户主')!
    expect((await s.refused('households.removeMember', { memberId: head.id, reason: '死亡', date: '2024-01-02' })).message)
      .toBe(`「${String(head.name)}」是户主，不能直接移出。请先用「更换户主」指定新户主，再移出「${String(head.name)}」。`)
    const spouse = s.members().find((m) => m.relation === '配偶')!
    const mark = s.lastAudit()
    await s.call('households.removeMember', { memberId: spouse.id, reason: '死亡', date: '2024-01-02' })
    expect(s.members().find((m) => m.id === spouse.id)).toMatchObject({ removed_reason: '死亡', removed_date: '2024-01-02', name: spouse.name })
    expect(s.audit(mark).filter((a) => a.table_name === 'members').map((a) => [a.field, a.old_value, a.new_value]))
      .toEqual([['removed_reason', null, '死亡'], ['removed_date', null, '2024-01-02']])
    expect((await s.refused('households.removeMember', { memberId: spouse.id, reason: '迁出', date: '2024-02-02' })).message)
      .toBe(`「${String(spouse.name)}」已于 2024-01-02 移出（死亡）。`)
    expect((await s.refused('households.removeMember', { memberId: spouse.id, reason: '离家', date: '2024-02-02' })).message)
      .toBe('「移出原因」只能是：死亡、迁出、婚嫁、参军、服刑、其他。请修改后重试。')
  })

  it('changes the 户主: exactly one active head after, the old head gets the chosen relation', async () => {
    const s = await setup()
    const head = s.members().find((m) => m.relation === '户主')!
    const spouse = s.members().find((m) => m.relation === '配偶')!
    const mark = s.lastAudit()
    const r = await s.call('households.changeHead', { householdId: s.id, newHeadId: spouse.id, oldHeadRelation: '配偶' })
    const heads = s.members().filter((m) => m.relation === '户主' && m.removed_reason === null)
    expect(heads.map((m) => m.id)).toEqual([spouse.id])
    expect(s.members().find((m) => m.id === head.id)!.relation).toBe('配偶')
    expect(s.audit(mark).map((a) => [a.record_id, a.field, a.old_value, a.new_value])).toEqual([
      [head.id, 'relation', '户主', '配偶'], [spouse.id, 'relation', '配偶', '户主'],
    ])
    expect(r.warnings.map((w) => w.message)).toContain(`户主已改为「${String(spouse.name)}」。其他成员的「与户主关系」仍是相对原户主填写的，请逐一核对并修改。`)
    expect((await s.refused('households.changeHead', { householdId: s.id, newHeadId: spouse.id, oldHeadRelation: '之子' })).message).toBe(`「${String(spouse.name)}」已是户主。`)
    expect((await s.refused('households.changeHead', { householdId: s.id, newHeadId: head.id, oldHeadRelation: '户主' })).message).toBe('请为原户主选择新的「与户主关系」（不能是户主）。')
    // Now the old head can be removed.
    await s.call('households.removeMember', { memberId: head.id, reason: '迁出', date: '2024-03-01' })
  })
})

describe('status history through the core', () => {
  it('records events, updates the status columns in the same transaction and answers statusAt', async () => {
    const s = await setup()
    s.sqlite.prepare("UPDATE households SET exit_status = '未脱贫', exit_year = NULL, first_identified = '2015-06', monitoring_category = NULL WHERE id = ?").run(s.id)
    expect((await s.refused('households.recordStatus', { householdId: s.id, kind: '脱贫', date: '2015-05-31' })).message)
      .toBe('脱贫日期 2015-05-31 早于识别时间 2015-06。脱贫不能早于识别，请核对日期。')
    expect((await s.refused('households.recordStatus', { householdId: s.id, kind: '风险消除', date: '2022-05-31', eliminationMethod: '帮扶消除' })).message)
      .toBe('该户在 2022-05-31 没有处于监测中的记录，不能登记风险消除。请先登记「纳入监测」，或核对日期。')
    const mark = s.lastAudit()
    const e = await s.call('households.recordStatus', { householdId: s.id, kind: '脱贫', date: '2019-11-20', note: '验收通过' })
    expect(e).toMatchObject({ kind: '脱贫', date: '2019-11-20', note: '验收通过', actor: s.core.actor })
    expect(s.household()).toMatchObject({ exit_status: '已脱贫(享受政策)', exit_year: '2019' })
    const rows = s.audit(mark)
    expect(rows.map((a) => [a.table_name, a.action, a.field, a.old_value, a.new_value])).toEqual([
      ['household_status_events', 'insert', null, null, null],
      ['households', 'update', 'exit_status', '未脱贫', '已脱贫(享受政策)'],
      ['households', 'update', 'exit_year', null, '2019'],
    ])
    await s.call('households.recordStatus', { householdId: s.id, kind: '纳入监测', date: '2023-03-01', monitoringCategory: '脱贫不稳定户', risks: ['因病', '其他'], riskNote: '子女辍学' })
    expect(s.household().monitoring_category).toBe('脱贫不稳定户')
    await s.call('households.recordStatus', { householdId: s.id, kind: '风险消除', date: '2024-01-15', eliminationMethod: '帮扶消除' })
    expect(s.household().monitoring_category).toBeNull()
    const in2023 = await s.call('households.statusAt', { asOf: '2023-12-31', periodStart: '2023-01-01', householdIds: [s.id] })
    expect(in2023).toEqual([{ householdId: s.id, exitStatus: '已脱贫(享受政策)', monitored: true, monitoringCategory: '脱贫不稳定户' }])
    expect(await s.call('households.statusAt', { asOf: '2024-06-30', householdIds: [s.id] })).toEqual([{ householdId: s.id, exitStatus: '已脱贫(享受政策)', monitored: false, monitoringCategory: null }])
    expect(await s.call('households.statusAt', { asOf: '2022-12-31', periodStart: '2022-01-01', householdIds: [s.id] })).toEqual([{ householdId: s.id, exitStatus: '已脱贫(享受政策)', monitored: false, monitoringCategory: null }])
    // The household list answers the same question: monitored at any time of 2023, though no longer now.
    expect((await s.call('households.list', { monitoredIn: '2023' })).items.map((h) => h.id)).toEqual([s.id])
    expect((await s.call('households.list', { monitoredIn: '2022' })).total).toBe(0)
    // Only the latest event may be deleted; deleting it re-derives the columns.
    const events = await s.call('households.statusEvents', { id: s.id })
    expect(events.map((x) => x.kind)).toEqual(['脱贫', '纳入监测', '风险消除'])
    expect((await s.refused('households.deleteStatus', { eventId: events[0]!.id })).message).toBe('只能删除最近的一条状态记录（2024-01-15「风险消除」）。请先删除它，再删除更早的记录。')
    await s.call('households.deleteStatus', { eventId: events[2]!.id })
    expect(s.household().monitoring_category).toBe('脱贫不稳定户')
  })

  it('shows 修改记录 newest first with labels and money in 元', async () => {
    const s = await setup()
    await s.call('households.update', { id: s.id, patch: { wage_income_fen: '100.5' }, replaceRosterIncome: true })
    const child = s.members().find((m) => m.relation !== '户主')!
    await s.call('households.updateMember', { memberId: child.id, patch: { work_months: '7' } })
    const changes = await s.call('households.changes', { id: s.id })
    expect(changes[0]).toMatchObject({ subject: `成员「${String(child.name)}」`, field: 'work_months', fieldLabel: '务工时间(月)', oldValue: child.work_months, newValue: '7', actor: s.core.actor })
    const wage = changes.find((c) => c.field === 'wage_income_fen')!
    expect(wage).toMatchObject({ subject: '户', fieldLabel: '工资性收入（元）', newValue: '100.50' })
  })
})
