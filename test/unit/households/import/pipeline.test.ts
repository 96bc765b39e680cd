import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { RosterCommitResult, RosterPreview } from '../../../../shared/api/households-import'
import { idCheckChar } from '../../../../shared/domain/id-number'
import type { CoreContext } from '../../../../electron/core/context'
import { dispatch } from '../../../../electron/core/dispatch'
import { exportRoster, STANDARD_FIELDS } from '../../../../electron/core/households/export'
import { LEGACY_HEADERS, legacyRosterRows, writeRosterWorkbook, type RosterRow } from '../../../fixtures/roster-workbook'
import { jobEnd } from '../../../helpers/core'
import { encodeGbk } from '../../../helpers/gbk'
import { importHarness } from '../../../helpers/import'
import { tempDir } from '../../../helpers/temp'

const { cores, setup } = importHarness()

const col = (name: (typeof LEGACY_HEADERS)[number]) => LEGACY_HEADERS.indexOf(name)
const validId = (first17: string) => first17 + idCheckChar(first17)

/** Everything a clerk would see, without timestamps, to compare ledger states. */
function snapshot(core: CoreContext) {
  const strip = (rows: Record<string, unknown>[]) => rows.map(({ created_at: _c, updated_at: _u, ...rest }) => rest)
  return {
    villages: core.ledger.sqlite.prepare('SELECT * FROM villages ORDER BY id').all(),
    households: strip(core.ledger.sqlite.prepare('SELECT * FROM households ORDER BY id').all() as Record<string, unknown>[]),
    members: strip(core.ledger.sqlite.prepare('SELECT * FROM members ORDER BY id').all() as Record<string, unknown>[]),
  }
}

describe('roster import: preview, commit, re-import, undo', () => {
  it('imports a legacy workbook with title rows into an empty ledger, exactly', async () => {
    const { job, file, sql } = setup()
    const xlsx = path.join(tempDir(), '示例花名册.xlsx')
    const rows = legacyRosterRows(30)
    await writeRosterWorkbook(xlsx, rows)
    const households = new Set(rows.map((r) => r[col('户编号')])).size

    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx) })
    expect(preview.headerRow).toBe(3)
    expect(preview.rows).toBe(rows.length)
    expect(preview.errorCount).toBe(0)
    expect(preview.households).toEqual({ new: households, changed: 0, unchanged: 0, missing: 0 })
    expect(preview.members).toEqual({ new: rows.length, changed: 0, unchanged: 0, missing: 0 })
    expect(preview.columns.find((c) => c.header === '备注')).toMatchObject({ field: null })
    expect(preview.columns.find((c) => c.header === '证件号码')).toMatchObject({ field: 'id_number' })

    const result = await job<RosterCommitResult>('households.importCommit', { fileId: file(xlsx) })
    expect(result.households.new).toBe(households)
    expect(result.members.new).toBe(rows.length)

    const first = rows[0]!
    const [member] = sql<Record<string, unknown>>('SELECT * FROM members WHERE id_number = ?', first[col('证件号码')])
    expect(member).toMatchObject({ name: first[col('姓名')], relation: '户主', person_no: first[col('人编号')], serious_illness_insurance: '是' })
    const [household] = sql<Record<string, unknown>>('SELECT * FROM households WHERE id = ?', member!.household_id)
    expect(household).toMatchObject({
      household_no: first[col('户编号')],
      exit_status: first[col('脱贫属性')],
      per_capita_net_income_fen: Math.round(Number(first[col('人均纯收入')]) * 100),
      phone: first[col('户联系电话')],
      declared_size: first[col('人数')],
    })
    // Unknown columns are kept with the member.
    const noted = rows.find((r) => r[col('备注')] !== null)!
    const [withNote] = sql<{ extra_json: string }>('SELECT extra_json FROM members WHERE id_number = ?', noted[col('证件号码')])
    expect(JSON.parse(withNote!.extra_json)).toEqual({ 备注: '外出务工' })
    expect(sql('SELECT name, county, township FROM villages ORDER BY id')).toHaveLength(6)
    const batches = sql<{ file_name: string; sha256: string; sheet: string }>('SELECT file_name, sha256, sheet FROM import_batches')
    expect(batches).toEqual([{ file_name: '示例花名册.xlsx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), sheet: '花名册' }])
  })

  it('re-importing the same file reports everything unchanged and writes no field', async () => {
    const { job, file, sql } = setup()
    const xlsx = path.join(tempDir(), 'r.xlsx')
    await writeRosterWorkbook(xlsx, legacyRosterRows(20))
    await job('households.importCommit', { fileId: file(xlsx) })
    const auditBefore = sql<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE table_name IN (\'households\', \'members\')')[0]!.n
    const again = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx) })
    expect(again.households.new + again.households.changed + again.households.missing).toBe(0)
    expect(again.members.new + again.members.changed + again.members.missing).toBe(0)
    await job('households.importCommit', { fileId: file(xlsx) })
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE table_name IN (\'households\', \'members\')')[0]!.n).toBe(auditBefore)
  })

  it('shows field-by-field changes, new and missing members; marks a missing member 移出; undo restores the ledger exactly', async () => {
    const { job, file, sql, core } = setup()
    const dir = tempDir()
    const rows = legacyRosterRows(20)
    await writeRosterWorkbook(path.join(dir, 'v1.xlsx'), rows)
    await job('households.importCommit', { fileId: file(path.join(dir, 'v1.xlsx')) })
    const before = snapshot(core)

    const changed = rows.map((r) => [...r])
    changed[0]![col('户联系电话')] = '13900000000'
    const dropped = changed.findIndex((r, i) => i > 0 && r[col('与户主关系')] !== '户主')
    const droppedId = changed[dropped]![col('证件号码')]
    changed.splice(dropped, 1)
    const baby: RosterRow = [...changed[0]!]
    baby[col('姓名')] = '张小宝'
    baby[col('与户主关系')] = '之子'
    baby[col('证件号码')] = validId('41990120260101001')
    baby[col('人编号')] = `${String(baby[col('人编号')])}9`
    changed.splice(1, 0, baby)
    await writeRosterWorkbook(path.join(dir, 'v2.xlsx'), changed)

    const v2 = file(path.join(dir, 'v2.xlsx'))
    const preview = await job<RosterPreview>('households.importPreview', { fileId: v2 })
    expect(preview.members.new).toBe(1)
    expect(preview.members.missing).toBe(1)
    const phoneChange = preview.changedHouseholds.find((h) => h.householdNo === rows[0]![col('户编号')])!
    expect(phoneChange.diffs).toContainEqual({ field: 'phone', label: '联系电话', before: rows[0]![col('户联系电话')], after: '13900000000' })
    expect(phoneChange.newMembers).toEqual(['张小宝'])
    const missing = preview.missing.find((m) => m.kind === 'member')!
    const [droppedMember] = sql<{ id: number; name: string }>('SELECT id, name FROM members WHERE id_number = ?', droppedId)
    expect(missing).toMatchObject({ id: droppedMember!.id, name: droppedMember!.name })

    const result = await job<RosterCommitResult>('households.importCommit', {
      fileId: v2,
      removeMembers: { [String(droppedMember!.id)]: { reason: '迁出', date: '2026-11-01' } },
    })
    expect(result.markedRemoved).toBe(1)
    expect(sql('SELECT removed_reason, removed_date FROM members WHERE id = ?', droppedMember!.id)).toEqual([{ removed_reason: '迁出', removed_date: '2026-11-01' }])
    expect(sql('SELECT phone FROM households WHERE household_no = ?', rows[0]![col('户编号')])).toEqual([{ phone: '13900000000' }])

    await job('imports.undo', { batchId: result.batchId })
    expect(snapshot(core)).toEqual(before)
    const [batch] = sql<{ undone_at: string | null }>('SELECT undone_at FROM import_batches WHERE id = ?', result.batchId)
    expect(batch!.undone_at).not.toBeNull()
    await expect(job('imports.undo', { batchId: result.batchId })).rejects.toThrow(/撤销过/)
  })

  it('refuses to undo when a later edit touched the same records', async () => {
    const { job, file, core } = setup()
    const xlsx = path.join(tempDir(), 'r.xlsx')
    await writeRosterWorkbook(xlsx, legacyRosterRows(5))
    const result = await job<RosterCommitResult>('households.importCommit', { fileId: file(xlsx) })
    const id = core.ledger.sqlite.prepare('SELECT id FROM households LIMIT 1').pluck().get() as number
    core.ledger.write.run({ actor: '李干事' }, (w) => w.update('households', id, { phone: '13811112222' }))
    await expect(job('imports.undo', { batchId: result.batchId })).rejects.toThrow(/又被修改过.*李干事/)
    expect(core.ledger.sqlite.prepare('SELECT count(*) FROM households').pluck().get()).toBe(5)
  })

  it('blocks on errors: an ID typed as a number, a household without 户主; nothing is written unless the rest is imported on request', async () => {
    const { job, file, sql } = setup()
    const rows = legacyRosterRows(10)
    const damaged = rows.findIndex((r) => r[col('与户主关系')] === '配偶')
    rows[damaged]![col('证件号码')] = Number(rows[damaged]![col('证件号码')])
    const headRow = rows.findIndex((r, i) => i > damaged + 3 && r[col('与户主关系')] === '户主')
    const headless = rows[headRow]![col('户编号')]
    for (const r of rows) if (r[col('户编号')] === headless && r[col('与户主关系')] === '户主') r[col('与户主关系')] = '之子'
    const xlsx = path.join(tempDir(), 'bad.xlsx')
    await writeRosterWorkbook(xlsx, rows)

    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx) })
    const excelRow = (i: number) => i + 4 // two title rows and the header
    expect(preview.issues).toContainEqual(expect.objectContaining({ row: excelRow(damaged), column: '证件号码', severity: 'error', code: 'id_number_cell', sheet: '花名册' }))
    expect(preview.issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'no_head' }))
    expect(preview.blockedHouseholds).toBe(2)

    await expect(job('households.importCommit', { fileId: file(xlsx) })).rejects.toThrow(/没有导入任何内容/)
    expect(sql('SELECT * FROM households')).toEqual([])
    expect(sql('SELECT * FROM import_batches')).toEqual([])

    const partial = await job<RosterCommitResult>('households.importCommit', { fileId: file(xlsx), skipBlocked: true })
    expect(partial.households.new).toBe(8)
    // The toast after the import says how many households were left out (issue 18, item 13).
    expect(partial.skipped).toBe(2)
    expect(sql('SELECT household_no FROM households WHERE household_no = ?', headless)).toEqual([])
  })

  it('reads a GBK CSV with a two-level header and no 户编号, grouping by 户主 rows', async () => {
    const { job, file, sql } = setup()
    const a = validId('41990119800101001')
    const b = validId('41990119820202002')
    const c = validId('41990120100303003')
    const d = validId('41990119700404004')
    const csv = [
      '示例镇花名册,,,,,,',
      '行政村,姓名,证件号码,与户主关系,收入情况,,',
      ',,,,人均纯收入,工资性收入,',
      `青山村,张三,${a},户主,"8,500.50",3000,`,
      `青山村,李四,${b},配偶,,,`,
      `青山村,张小三,${c},之子,,,`,
      `青山村,王五,${d},户主,12000,0,`,
    ].join('\r\n')
    const p = path.join(tempDir(), '花名册.csv')
    fs.writeFileSync(p, encodeGbk(csv))
    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(p) })
    expect(preview.errorCount).toBe(0)
    expect(preview.households.new).toBe(2)
    expect(preview.columns.map((x) => x.header).slice(4, 6)).toEqual(['收入情况/人均纯收入', '收入情况/工资性收入'])
    await job('households.importCommit', { fileId: file(p) })
    expect(sql('SELECT m.name, h.per_capita_net_income_fen AS income, h.wage_income_fen AS wage FROM members m JOIN households h ON h.id = m.household_id ORDER BY m.id')).toEqual([
      { name: '张三', income: 850050, wage: 300000 },
      { name: '李四', income: 850050, wage: 300000 },
      { name: '张小三', income: 850050, wage: 300000 },
      { name: '王五', income: 1200000, wage: 0 },
    ])
  })

  it('remembers a corrected mapping for files with the same header', async () => {
    const { job, file } = setup()
    const dir = tempDir()
    const headers: string[] = [...LEGACY_HEADERS]
    headers[col('户联系电话')] = '联系人手机'
    const xlsx = path.join(dir, 'm.xlsx')
    await writeRosterWorkbook(xlsx, legacyRosterRows(3), { headers })
    const first = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx) })
    const phoneColumn = first.columns.find((x) => x.header === '联系人手机')!
    expect(phoneColumn.field).toBeNull()
    const mapping = { [String(phoneColumn.index)]: 'phone' }
    const remapped = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx), mapping })
    expect(remapped.columns.find((x) => x.header === '联系人手机')!.field).toBe('phone')
    await job('households.importCommit', { fileId: file(xlsx), mapping })
    const later = await job<RosterPreview>('households.importPreview', { fileId: file(xlsx) })
    expect(later.rememberedMapping).toBe(true)
    expect(later.columns.find((x) => x.header === '联系人手机')!.field).toBe('phone')
    expect(later.households.unchanged).toBe(3)
  })

  it('round trip: the standard export of an untouched ledger re-imports with zero changes', async () => {
    const { job, file, core } = setup()
    const dir = tempDir()
    await writeRosterWorkbook(path.join(dir, 'in.xlsx'), legacyRosterRows(25))
    await job('households.importCommit', { fileId: file(path.join(dir, 'in.xlsx')) })
    const out = path.join(dir, 'out.xlsx')
    const exported = await exportRoster(core.ledger, out, { layout: 'standard', masked: false })
    expect(exported.households).toBe(25)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const idCell = wb.worksheets[0]!.getRow(2).getCell(STANDARD_FIELDS.findIndex((f) => f.key === 'id_number') + 1)
    expect(typeof idCell.value).toBe('string')
    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(out) })
    expect(preview.errorCount).toBe(0)
    expect(preview.households).toEqual({ new: 0, changed: 0, unchanged: 25, missing: 0 })
    expect(preview.members.new + preview.members.changed + preview.members.missing).toBe(0)
  })
})

describe('roster export', () => {
  it('in the source layout: same columns and order, header on the same row, unknown columns and date formats given back; re-import unchanged', async () => {
    const { job, file, core } = setup()
    const dir = tempDir()
    const rows = legacyRosterRows(12)
    // The county wrote 首次识别时间 as 201603-style text.
    for (const r of rows) r[col('首次识别时间')] = String(r[col('首次识别时间')]).replace('-', '')
    await writeRosterWorkbook(path.join(dir, 'county.xlsx'), rows)
    await job('households.importCommit', { fileId: file(path.join(dir, 'county.xlsx')) })
    const out = path.join(dir, 'back.xlsx')
    await exportRoster(core.ledger, out, { layout: 'source', masked: false })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const sheet = wb.worksheets[0]!
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([...LEGACY_HEADERS])
    const first = sheet.getRow(4)
    expect(first.getCell(col('证件号码') + 1).value).toBe(rows[0]![col('证件号码')])
    expect(first.getCell(col('首次识别时间') + 1).value).toBe(rows[0]![col('首次识别时间')])
    expect(first.getCell(col('姓名') + 1).value).toBe(rows[0]![col('姓名')])
    const noted = rows.findIndex((r) => r[col('备注')] !== null)
    expect(sheet.getRow(4 + noted).getCell(col('备注') + 1).value).toBe('外出务工')
    const again = await job<RosterPreview>('households.importPreview', { fileId: file(out) })
    expect(again.households).toEqual({ new: 0, changed: 0, unchanged: 12, missing: 0 })
    expect(again.members.changed + again.members.new).toBe(0)
  })

  it('masks ID numbers and phones by default, and exports only the filtered households', async () => {
    const { job, file, core } = setup()
    const dir = tempDir()
    const rows = legacyRosterRows(8)
    await writeRosterWorkbook(path.join(dir, 'in.xlsx'), rows)
    await job('households.importCommit', { fileId: file(path.join(dir, 'in.xlsx')) })
    const ids = core.ledger.sqlite.prepare('SELECT id FROM households ORDER BY id LIMIT 2').pluck().all() as number[]
    const out = path.join(dir, 'masked.xlsx')
    const r = await exportRoster(core.ledger, out, { layout: 'standard', masked: true, householdIds: ids })
    expect(r.households).toBe(2)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const idCol = STANDARD_FIELDS.findIndex((f) => f.key === 'id_number') + 1
    const phoneCol = STANDARD_FIELDS.findIndex((f) => f.key === 'phone') + 1
    const row = wb.worksheets[0]!.getRow(2)
    expect(String(row.getCell(idCol).value)).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
    expect(String(row.getCell(phoneCol).value)).toMatch(/^1\d{2}\*{4}\d{4}$/)
    expect(wb.worksheets[0]!.rowCount).toBe(1 + (core.ledger.sqlite.prepare('SELECT count(*) FROM members WHERE household_id IN (?, ?)').pluck().get(ids[0], ids[1]) as number))
  })
})

describe('roster import: other shapes and long work', () => {
  it('one row per household (户主 columns and 人数) imports each household with its head', async () => {
    const { job, file, sql } = setup()
    const a = validId('41990119700101001')
    const b = validId('41990119750505002')
    const csv = ['行政村,户编号,户主姓名,户主身份证号码,人数,主要致贫原因', `青山村,419901000001,张三,${a},4,因病致贫`, `石桥村,419901000002,李四,${b},2,缺劳动力`].join('\n')
    const p = path.join(tempDir(), '户表.csv')
    fs.writeFileSync(p, csv)
    const preview = await job<RosterPreview>('households.importPreview', { fileId: file(p) })
    expect(preview.households.new).toBe(2)
    expect(preview.members.new).toBe(2)
    await job('households.importCommit', { fileId: file(p) })
    expect(sql('SELECT h.household_no, h.declared_size, h.main_cause, m.name, m.id_number, m.relation FROM households h JOIN members m ON m.household_id = h.id ORDER BY h.id')).toEqual([
      { household_no: '419901000001', declared_size: 4, main_cause: '因病', name: '张三', id_number: a, relation: '户主' },
      { household_no: '419901000002', declared_size: 2, main_cause: '缺劳力', name: '李四', id_number: b, relation: '户主' },
    ])
  })

  it('a cancelled import writes nothing', async () => {
    const events: import('../../../../shared/api/jobs').LedgerEvent[] = []
    const { createCore } = await import('../../../../electron/core/create-core')
    let cancelled = false
    const core: CoreContext = createCore({
      dbPath: path.join(tempDir(), 'ledger.sqlite'),
      appVersion: 'test',
      jobMode: 'inline',
      emit: (e) => {
        events.push(e)
        // Cancel once the commit has started writing (its messages say 写入).
        if (e.type === 'job.progress' && e.message.includes('写入') && !cancelled) cancelled = core.jobs.cancel(e.jobId)
      },
    })
    cores.push(core)
    const xlsx = path.join(tempDir(), 'big.xlsx')
    await writeRosterWorkbook(xlsx, legacyRosterRows(600))
    const started = await dispatch(core, 'households.importCommit', { fileId: core.files.register(xlsx).id })
    if (!started.ok) throw new Error(started.error.message)
    const end = await jobEnd(events, (started.value as { jobId: string }).jobId)
    expect(cancelled).toBe(true)
    expect(end.type).toBe('job.cancelled')
    expect(core.ledger.sqlite.prepare('SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM import_batches)').pluck().get()).toBe(0)
  })
})

describe('roster import: helpers named in the file', () => {
  it('creates the unit and the helper and pairs them with the household, once', async () => {
    const { job, file, sql } = setup()
    const a = validId('41990119700101001')
    const b = validId('41990119720202002')
    const csv = [
      '行政村,户编号,姓名,证件号码,与户主关系,帮扶单位,帮扶责任人,帮扶责任人电话',
      `青山村,419901000001,张三,${a},户主,县农业农村局,王帮扶,13800001111`,
      `青山村,419901000002,李四,${b},户主,县农业农村局,王帮扶,13800001111`,
    ].join('\n')
    const p = path.join(tempDir(), 'helpers.csv')
    fs.writeFileSync(p, csv)
    await job('households.importCommit', { fileId: file(p) })
    await job('households.importCommit', { fileId: file(p) })
    expect(sql('SELECT name FROM assisting_units')).toEqual([{ name: '县农业农村局' }])
    expect(sql('SELECT name, phone FROM helpers')).toEqual([{ name: '王帮扶', phone: '13800001111' }])
    expect(sql('SELECT h.household_no FROM pairings p JOIN households h ON h.id = p.household_id WHERE p.end_date IS NULL ORDER BY h.household_no')).toEqual([
      { household_no: '419901000001' },
      { household_no: '419901000002' },
    ])
  })
})
