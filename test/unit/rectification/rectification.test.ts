import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { attachmentsDir } from '../../../electron/core/db/attachments'
import type { ProblemImportPreview, ProblemImportResult } from '../../../shared/api/rectification'
import { COUNTY_HEADER, COUNTY_ROWS, writeProblemWorkbook } from '../../fixtures/problem-workbook'
import { jobEnd, opCaller, testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image body')])

function setup() {
  const { core, events, dbPath } = testCore()
  cores.push(core)
  const { raw, call } = opCaller(core)
  core.ledger.write.run({ actor: 'test' }, (w) => {
    w.insert('villages', { county: '示例县', township: '示例镇', name: '示例一村', is_demo: 0 })
    w.insert('villages', { county: '示例县', township: '示例镇', name: '示例二村', is_demo: 0 })
  })
  const villageId = core.ledger.sqlite.prepare("SELECT id FROM villages WHERE name = '示例一村'").pluck().get() as number
  const create = async (fields: Record<string, unknown> = {}) =>
    (await call('rectification.create', { source: '县巡视', foundDate: '2026-03-01', description: '危房改造档案不全', scope: 'village', villageId, deadline: '2026-04-30', ...fields })).id
  const file = (name: string, bytes: Buffer) => {
    const p = path.join(tempDir(), name)
    fs.writeFileSync(p, bytes)
    return core.files.register(p, name).id
  }
  const job = async <T>(jobId: string): Promise<T> => {
    const end = await jobEnd(events, jobId)
    if (end.type === 'job.failed') throw new Error(end.error.message)
    return (end as { result: T }).result
  }
  return { core, raw, call, create, file, job, villageId, dbPath }
}

describe('问题整改台账 records', () => {
  it('moves 未整改 → 整改中 → 已整改 → 已销号 one step at a time, with the dates and approver, audited', async () => {
    const { core, raw, call, create } = setup()
    const id = await create({ measures: '补齐档案' })
    expect((await call('rectification.get', { id, today: '2026-03-05' })).scopeLabel).toBe('示例一村')
    expect(await raw('rectification.setStatus', { id, status: '已整改', date: '2026-03-10' })).toMatchObject({ ok: false, error: { field: 'status' } })
    // A first progress note starts the rectification.
    await call('rectification.addProgress', { problemId: id, date: '2026-03-05', note: '已收集 12 户档案' })
    expect((await call('rectification.get', { id, today: '2026-03-05' })).status).toBe('整改中')
    expect(await raw('rectification.setStatus', { id, status: '已整改' })).toMatchObject({ ok: false, error: { field: 'date', message: '改为「已整改」时请填写整改完成日期。' } })
    await call('rectification.setStatus', { id, status: '已整改', date: '2026-03-20' })
    expect(await raw('rectification.setStatus', { id, status: '已销号', date: '2026-03-25' })).toMatchObject({ ok: false, error: { field: 'approver' } })
    expect(await raw('rectification.setStatus', { id, status: '已销号', date: '2026-03-19', approver: '县乡村振兴局' })).toMatchObject({ ok: false, error: { field: 'date' } })
    await call('rectification.setStatus', { id, status: '已销号', date: '2026-03-25', approver: '县乡村振兴局 李某' })
    const closed = await call('rectification.get', { id, today: '2026-05-01' })
    expect(closed).toMatchObject({ status: '已销号', rectifiedDate: '2026-03-20', closedDate: '2026-03-25', closedBy: '县乡村振兴局 李某', deadlineState: null })
    expect(closed.progress).toEqual([{ id: expect.any(Number), date: '2026-03-05', note: '已收集 12 户档案' }])
    expect(await raw('rectification.delete', { id })).toMatchObject({ ok: false })
    // Back one step (the county refused the 销号): the 销号 fields are cleared.
    await call('rectification.setStatus', { id, status: '已整改' })
    expect(await call('rectification.get', { id, today: '2026-05-01' })).toMatchObject({ status: '已整改', closedDate: null, closedBy: null })
    const audit = core.ledger.sqlite.prepare("SELECT field, old_value, new_value FROM audit_log WHERE table_name = 'rectification_problems' AND record_id = ? AND field = 'status' ORDER BY id").all(id)
    expect(audit.map((a) => (a as { new_value: string }).new_value)).toEqual(['整改中', '已整改', '已销号', '已整改'])
  })

  it('refuses a deadline before the date found, and a village scope without a village', async () => {
    const { raw, create } = setup()
    expect(await raw('rectification.create', { source: '审计', foundDate: '2026-03-01', description: '某问题', scope: 'village', deadline: '2026-02-01' })).toMatchObject({
      ok: false, error: { field: 'deadline' },
    })
    expect(await raw('rectification.create', { source: '审计', foundDate: '2026-03-01', description: '某问题', scope: 'village' })).toMatchObject({ ok: false, error: { field: 'scope' } })
    expect(await raw('rectification.create', { source: '路边', foundDate: '2026-03-01', description: '某问题', scope: 'township' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    await create()
  })

  it('lists overdue and near-deadline problems on the reminders, never the rectified ones', async () => {
    const { call, create } = setup()
    const overdue = await create({ deadline: '2026-03-31' })
    const near = await create({ deadline: '2026-04-18', description: '公示不及时' })
    await create({ deadline: '2026-06-30', description: '还早' })
    const done = await create({ deadline: '2026-03-20', description: '已改好', measures: '已改' })
    await call('rectification.addProgress', { problemId: done, date: '2026-03-10', note: '完成' })
    await call('rectification.setStatus', { id: done, status: '已整改', date: '2026-03-15' })
    const r = await call('rectification.reminders', { today: '2026-04-12' })
    expect(r.overdue.map((p) => p.id)).toEqual([overdue])
    expect(r.near.map((p) => [p.id, p.daysLeft])).toEqual([[near, 6]])
    expect((await call('rectification.list', { today: '2026-04-12', deadline: 'overdue' })).map((p) => p.id)).toEqual([overdue])
  })
})

describe('evidence files', () => {
  it('checks type and size, stores by SHA-256 beside the ledger, reports a missing file, and goes into backups and back on restore', async () => {
    const { raw, call, create, file, dbPath } = setup()
    const id = await create()
    expect(await raw('rectification.attach', { problemId: id, fileId: file('说明.docx', Buffer.from('PK')) })).toMatchObject({ ok: false, error: { code: 'bad_attachment' } })
    const fake = await raw('rectification.attach', { problemId: id, fileId: file('照片.jpg', Buffer.from('not a jpeg at all')) })
    expect(fake).toMatchObject({ ok: false, error: { message: expect.stringContaining('不是扩展名所说的JPG文件') } })
    expect(await raw('rectification.attach', { problemId: id, fileId: file('空.png', Buffer.alloc(0)) })).toMatchObject({ ok: false, error: { message: expect.stringContaining('空文件') } })
    const big = Buffer.alloc(20 * 1024 * 1024 + 1)
    PNG.copy(big)
    expect(await raw('rectification.attach', { problemId: id, fileId: file('大.png', big) })).toMatchObject({ ok: false, error: { message: expect.stringContaining('超过 20 MB') } })

    const aid = (await call('rectification.attach', { problemId: id, fileId: file('整改前.png', PNG) })).id
    const detail = await call('rectification.get', { id, today: '2026-03-05' })
    expect(detail.attachments).toMatchObject([{ id: aid, fileName: '整改前.png', mime: 'image/png', sizeBytes: PNG.length, missing: false }])
    const stored = path.join(attachmentsDir(dbPath), detail.attachments[0]!.sha256)
    expect(fs.readFileSync(stored).equals(PNG)).toBe(true)
    const opened = await call('rectification.openAttachment', { id: aid })
    expect(opened.name).toBe('整改前.png')

    const backup = await call('backups.create', {})
    fs.rmSync(stored)
    expect((await call('rectification.get', { id, today: '2026-03-05' })).attachments[0]!.missing).toBe(true)
    expect(await raw('rectification.openAttachment', { id: aid })).toMatchObject({ ok: false, error: { code: 'attachment_missing', message: expect.stringContaining('整改前.png') } })
    await call('backups.restore', { name: backup.name })
    expect(fs.readFileSync(stored).equals(PNG)).toBe(true)
    expect((await call('rectification.get', { id, today: '2026-03-05' })).attachments[0]!.missing).toBe(false)
  })
})

describe('county problem list import and export', () => {
  it('previews with issues by row and column, imports in one batch, undoes through imports, and re-imports its own export unchanged', async () => {
    const { core, call, file, job, villageId } = setup()
    const dir = tempDir()
    const bad = path.join(dir, '清单-有错.xlsx')
    const rows = COUNTY_ROWS.map((r) => [...r])
    rows[1]![2] = '路边听说'
    rows[3]![12] = '2026-02-01'
    await writeProblemWorkbook(bad, rows)
    const badPreview = await job<ProblemImportPreview>((await call('rectification.importPreview', { fileId: core.files.register(bad).id })).jobId)
    expect(badPreview.errorCount).toBe(2)
    expect(badPreview.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column])).toEqual([[5, '反馈来源'], [7, '完成时限（年月日）']])
    await expect(job((await call('rectification.importCommit', { fileId: core.files.register(bad).id })).jobId)).rejects.toThrow('表中有 2 处错误')
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM rectification_problems').pluck().get()).toBe(0)

    const good = path.join(dir, '清单.xlsx')
    await writeProblemWorkbook(good)
    const fileId = file('清单.xlsx', fs.readFileSync(good))
    const preview = await job<ProblemImportPreview>((await call('rectification.importPreview', { fileId })).jobId)
    expect(preview).toMatchObject({ headerRow: 3, errorCount: 0, problems: { new: 3, changed: 0, unchanged: 0 } })
    expect(preview.issues).toMatchObject([{ row: 7, column: '所在村', severity: 'warning', code: 'village_unknown', message: expect.stringContaining('第7行「所在村」') }])
    expect(preview.newProblems.map((p) => [p.source, p.scopeLabel])).toEqual([['县巡视', '示例一村'], ['审计', '乡镇'], ['自查', '不存在村']])
    const result = await job<ProblemImportResult>((await call('rectification.importCommit', { fileId })).jobId)
    expect(result.problems.new).toBe(3)
    const list = await call('rectification.list', { today: '2026-04-01' })
    const first = list.find((p) => p.problemNo === 'XC-2026-01')!
    expect(first).toMatchObject({ villageId, status: '整改中', deadline: '2026-04-30', batchNo: '县巡反〔2026〕3号', leader: '王副书记', similar: '全乡排查同类问题' })
    expect(list.find((p) => p.problemNo === 'XC-2026-02')).toMatchObject({ foundDate: '2026-03-10', deadline: '2026-05-31', status: '未整改' })
    expect(first.latestProgress).toMatch(/已完成核查 30 户$/)

    const exported = await call('rectification.export', {})
    const again = await job<ProblemImportPreview>((await call('rectification.importPreview', { fileId: exported.fileId })).jobId)
    expect(again.problems).toEqual({ new: 0, changed: 0, unchanged: 3, missing: 0 })
    expect(again.columns.map((c) => c.label)).toContain('举一反三')

    const batches = await call('imports.list', { kind: 'rectification' })
    expect(batches[0]).toMatchObject({ fileName: '清单.xlsx', counts: { problems: { new: 3 } } })
    await job((await call('imports.undo', { batchId: result.batchId })).jobId)
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM rectification_problems').pluck().get()).toBe(0)
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM rectification_progress').pluck().get()).toBe(0)
    expect(COUNTY_HEADER.length).toBe(16)
  })
})

describe('the demo township', () => {
  it('has a few problems, one of them overdue and one near its deadline, and removes them with the demo', async () => {
    const { call, job, core } = setup()
    await job((await call('demo.load', { households: 20 })).jobId)
    const list = await call('rectification.list', { today: new Date().toISOString().slice(0, 10) })
    expect(list.length).toBeGreaterThanOrEqual(4)
    expect(list.map((p) => p.status)).toContain('已销号')
    const r = await call('rectification.reminders', { today: (() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` })() })
    expect(r.overdue.length).toBe(1)
    expect(r.near.length).toBe(1)
    await call('demo.remove', {})
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM rectification_problems').pluck().get()).toBe(0)
    expect(core.ledger.sqlite.prepare('SELECT COUNT(*) FROM rectification_progress').pluck().get()).toBe(0)
  })
})

describe('bad problem lists and undo after later work', () => {
  it('says in words what is wrong with a file that is not a problem list, and refuses to undo an import whose problem got a progress note since', async () => {
    const { call, file, job } = setup()
    const notXlsx = file('清单.xlsx', PNG)
    await expect(job((await call('rectification.importPreview', { fileId: notXlsx })).jobId)).rejects.toThrow(/清单\.xlsx|文件/)
    const dir = tempDir()
    const roster = path.join(dir, '花名册.xlsx')
    await writeProblemWorkbook(roster, [['张三', '男']], ['姓名', '性别'])
    await expect(job((await call('rectification.importPreview', { fileId: file('花名册.xlsx', fs.readFileSync(roster)) })).jobId)).rejects.toThrow(/看起来是花名册.*不是问题整改清单.*「导入花名册」页面/)
    const other = path.join(dir, '其他.xlsx')
    await writeProblemWorkbook(other, [['甲', '乙']], ['开会时间', '地点'])
    await expect(job((await call('rectification.importPreview', { fileId: file('其他.xlsx', fs.readFileSync(other)) })).jobId)).rejects.toThrow('没有找到问题整改清单的表头')

    const good = path.join(dir, '清单.xlsx')
    await writeProblemWorkbook(good)
    const result = await job<ProblemImportResult>((await call('rectification.importCommit', { fileId: file('清单.xlsx', fs.readFileSync(good)) })).jobId)
    const [p] = await call('rectification.list', { today: '2026-04-01', q: '公示栏' })
    await call('rectification.addProgress', { problemId: p!.id, date: '2026-03-20', note: '已更新' })
    await expect(job((await call('imports.undo', { batchId: result.batchId })).jobId)).rejects.toThrow('导入后又添加了整改进展')
  })
})
