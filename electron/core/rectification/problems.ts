/** 问题整改台账 records: problems, their status, progress notes and evidence files, all through the audited write path. */
import fs from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import type { AttachmentView, ProblemDetail, ProblemFields, ProblemRow, RectificationReminders } from '../../../shared/api/rectification'
import { LedgerError } from '../../../shared/api/result'
import {
  ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, daysBetween, deadlineState, statusMoveProblem, type ProblemScope, type ProblemSource, type ProblemStatus,
} from '../../../shared/domain/rectification'
import { attachmentExists, readAttachment, storeAttachment } from '../db/attachments'
import type { Ledger } from '../db/ledger'

type Fields = z.output<typeof ProblemFields>
type Value = string | number | null

interface ProblemDbRow {
  id: number
  problem_no: string | null
  source: ProblemSource
  batch_no: string | null
  found_date: string
  description: string
  scope: ProblemScope
  village_id: number | null
  household_id: number | null
  project_id: number | null
  scope_note: string | null
  leader: string | null
  unit: string | null
  person: string | null
  measures: string | null
  deadline: string | null
  status: ProblemStatus
  rectified_date: string | null
  closed_date: string | null
  closed_by: string | null
  similar: string | null
  village_name: string | null
  household_no: string | null
  head_name: string | null
  project_name: string | null
  latest_progress: string | null
  attachment_count: number
}

const SELECT = `
  SELECT p.*, v.name AS village_name, h.household_no,
    (SELECT m.name FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL ORDER BY m.sort_order LIMIT 1) AS head_name,
    pr.name AS project_name,
    (SELECT g.note_date || ' ' || g.note FROM rectification_progress g WHERE g.problem_id = p.id ORDER BY g.note_date DESC, g.id DESC LIMIT 1) AS latest_progress,
    (SELECT COUNT(*) FROM rectification_attachments a WHERE a.problem_id = p.id) AS attachment_count
  FROM rectification_problems p
  LEFT JOIN households h ON h.id = p.household_id
  LEFT JOIN villages v ON v.id = COALESCE(p.village_id, h.village_id)
  LEFT JOIN projects pr ON pr.id = p.project_id`

export function scopeLabelOf(r: Pick<ProblemDbRow, 'scope' | 'village_name' | 'household_no' | 'head_name' | 'project_name' | 'scope_note'>): string {
  const note = r.scope_note ? `（${r.scope_note}）` : ''
  switch (r.scope) {
    case 'township':
      return `乡镇${note}`
    case 'village':
      return r.village_name ? `${r.village_name}${note}` : r.scope_note ?? '村（未关联）'
    case 'household':
      return r.head_name || r.household_no
        ? `${r.village_name ?? ''}${r.head_name ?? ''}户${r.household_no ? `（${r.household_no}）` : ''}`
        : r.scope_note ? `${r.village_name ?? ''}${r.scope_note}（未关联户台账）` : '户（未关联）'
    case 'project':
      return r.project_name ? `项目「${r.project_name}」` : r.scope_note ?? '项目（未关联）'
  }
}

function toRow(r: ProblemDbRow, today: string): ProblemRow {
  return {
    id: r.id,
    problemNo: r.problem_no,
    source: r.source,
    batchNo: r.batch_no,
    foundDate: r.found_date,
    description: r.description,
    scope: r.scope,
    scopeLabel: scopeLabelOf(r),
    villageId: r.village_id,
    householdId: r.household_id,
    projectId: r.project_id,
    scopeNote: r.scope_note,
    leader: r.leader,
    unit: r.unit,
    person: r.person,
    measures: r.measures,
    deadline: r.deadline,
    status: r.status,
    rectifiedDate: r.rectified_date,
    closedDate: r.closed_date,
    closedBy: r.closed_by,
    similar: r.similar,
    deadlineState: deadlineState(r.status, r.deadline, today),
    daysLeft: r.deadline ? daysBetween(today, r.deadline) : null,
    latestProgress: r.latest_progress,
    attachmentCount: r.attachment_count,
  }
}

export interface ListFilter {
  today: string
  status?: ProblemStatus
  source?: ProblemSource
  deadline?: 'overdue' | 'near'
  q?: string
}

export function listProblems(ledger: Ledger, f: ListFilter): ProblemRow[] {
  const where: string[] = []
  const params: Value[] = []
  if (f.status) {
    where.push('p.status = ?')
    params.push(f.status)
  }
  if (f.source) {
    where.push('p.source = ?')
    params.push(f.source)
  }
  if (f.q) {
    where.push("(p.description LIKE ? OR IFNULL(p.problem_no,'') LIKE ? OR IFNULL(p.batch_no,'') LIKE ? OR IFNULL(p.person,'') LIKE ? OR IFNULL(p.unit,'') LIKE ?)")
    const like = `%${f.q.replace(/[%_]/g, '')}%`
    params.push(like, like, like, like, like)
  }
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY p.found_date DESC, p.id DESC`
  const rows = (ledger.sqlite.prepare(sql).all(...params) as ProblemDbRow[]).map((r) => toRow(r, f.today))
  return f.deadline ? rows.filter((r) => r.deadlineState === f.deadline) : rows
}

function problemRow(ledger: Ledger, id: number): ProblemDbRow {
  const r = ledger.sqlite.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProblemDbRow | undefined
  if (!r) throw new LedgerError('not_found', `找不到这条问题（#${id}），可能已被删除。请刷新后重试。`)
  return r
}

export function getProblem(ledger: Ledger, id: number, today: string): ProblemDetail {
  const r = problemRow(ledger, id)
  const progress = ledger.sqlite.prepare('SELECT id, note_date AS date, note FROM rectification_progress WHERE problem_id = ? ORDER BY note_date, id').all(id) as ProblemDetail['progress']
  const files = ledger.sqlite.prepare('SELECT * FROM rectification_attachments WHERE problem_id = ? ORDER BY id').all(id) as {
    id: number; file_name: string; mime: string; size_bytes: number; sha256: string; created_at: string
  }[]
  const attachments = files.map(
    (a): AttachmentView => ({
      id: a.id, fileName: a.file_name, mime: a.mime, sizeBytes: a.size_bytes, sha256: a.sha256, addedAt: a.created_at,
      missing: !attachmentExists(ledger.path, a.sha256),
    }),
  )
  return { ...toRow(r, today), progress, attachments }
}

/** Checks that the scope names the record it links to and that the record exists; returns the columns. */
function scopeColumns(ledger: Ledger, f: Fields): Record<string, Value> {
  const exists = (table: string, id: number) => ledger.sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined
  const villageId = f.scope === 'village' ? f.villageId ?? null : null
  const householdId = f.scope === 'household' ? f.householdId ?? null : null
  const projectId = f.scope === 'project' ? f.projectId ?? null : null
  if (villageId !== null && !exists('villages', villageId)) throw new LedgerError('invalid', '所选的村不存在，请重新选择「涉及范围」中的村。', 'villageId')
  if (householdId !== null && !exists('households', householdId)) throw new LedgerError('invalid', '所选的户不存在，请重新选择「涉及范围」中的户。', 'householdId')
  if (projectId !== null && !exists('projects', projectId)) throw new LedgerError('invalid', '所选的项目不存在，请重新选择「涉及范围」中的项目。', 'projectId')
  if (f.scope !== 'township' && villageId === null && householdId === null && projectId === null && !f.scopeNote) {
    const what = { village: '村', household: '户', project: '项目' }[f.scope]
    throw new LedgerError('invalid', `涉及范围为「${what}」时，请选择具体的${what}，或在「范围说明」中写明。`, 'scope')
  }
  return { scope: f.scope, village_id: villageId, household_id: householdId, project_id: projectId, scope_note: f.scopeNote ?? null }
}

function checkDates(f: Fields): void {
  if (f.deadline && f.deadline < f.foundDate) throw new LedgerError('invalid', `整改时限（${f.deadline}）不能早于发现日期（${f.foundDate}）。`, 'deadline')
}

export function problemColumns(ledger: Ledger, f: Fields): Record<string, Value> {
  checkDates(f)
  return {
    problem_no: f.problemNo ?? null,
    source: f.source,
    batch_no: f.batchNo ?? null,
    found_date: f.foundDate,
    description: f.description,
    ...scopeColumns(ledger, f),
    leader: f.leader ?? null,
    unit: f.unit ?? null,
    person: f.person ?? null,
    measures: f.measures ?? null,
    deadline: f.deadline ?? null,
    similar: f.similar ?? null,
  }
}

export function createProblem(ledger: Ledger, actor: string, f: Fields): number {
  const values = problemColumns(ledger, f)
  return ledger.write.run({ actor }, (w) => w.insert('rectification_problems', { ...values, status: '未整改' }))
}

export function updateProblem(ledger: Ledger, actor: string, id: number, f: Fields): string[] {
  const current = problemRow(ledger, id)
  const values = problemColumns(ledger, f)
  if (current.rectified_date && current.rectified_date < f.foundDate) {
    throw new LedgerError('invalid', `发现日期（${f.foundDate}）不能晚于整改完成日期（${current.rectified_date}）。`, 'foundDate')
  }
  return ledger.write.run({ actor }, (w) => w.update('rectification_problems', id, values))
}

export function deleteProblem(ledger: Ledger, actor: string, id: number): void {
  const r = problemRow(ledger, id)
  if (r.status === '已销号') throw new LedgerError('invalid', '已销号的问题不能删除（销号记录需要留档）。如确属录入错误，请先退回「已整改」。')
  ledger.write.run({ actor }, (w) => {
    w.deleteWhere('rectification_progress', 'problem_id = ?', [id])
    w.deleteWhere('rectification_attachments', 'problem_id = ?', [id])
    w.delete('rectification_problems', id)
  })
}

export interface StatusInput {
  id: number
  status: ProblemStatus
  date?: string | null
  approver?: string | null
}

/** One step forward (已整改 with its date; 已销号 with its date and approver) or one step back (clears what that step set). */
export function setStatus(ledger: Ledger, actor: string, input: StatusInput): string[] {
  const r = problemRow(ledger, input.id)
  const problem = statusMoveProblem(r.status, input.status)
  if (problem) throw new LedgerError('invalid', problem, 'status')
  const forward = PROBLEM_ORDER[input.status] > PROBLEM_ORDER[r.status]
  const patch: Record<string, Value> = { status: input.status }
  if (forward && input.status === '已整改') {
    if (!input.date) throw new LedgerError('invalid', '改为「已整改」时请填写整改完成日期。', 'date')
    if (input.date < r.found_date) throw new LedgerError('invalid', `整改完成日期（${input.date}）不能早于发现日期（${r.found_date}）。`, 'date')
    patch.rectified_date = input.date
  }
  if (forward && input.status === '已销号') {
    if (!input.date) throw new LedgerError('invalid', '销号时请填写销号日期。', 'date')
    if (!input.approver) throw new LedgerError('invalid', '销号时请填写审批销号的单位或人员（如：县乡村振兴局 李某）。', 'approver')
    if (r.rectified_date && input.date < r.rectified_date) {
      throw new LedgerError('invalid', `销号日期（${input.date}）不能早于整改完成日期（${r.rectified_date}）。`, 'date')
    }
    const evidence = ledger.sqlite.prepare('SELECT COUNT(*) FROM rectification_progress WHERE problem_id = ?').pluck().get(input.id) as number
    if (evidence === 0 && !r.measures) throw new LedgerError('invalid', '销号前请先填写整改措施或至少一条整改进展。', 'status')
    patch.closed_date = input.date
    patch.closed_by = input.approver
  }
  if (!forward && r.status === '已销号') {
    patch.closed_date = null
    patch.closed_by = null
  }
  if (!forward && r.status === '已整改') patch.rectified_date = null
  return ledger.write.run({ actor }, (w) => w.update('rectification_problems', input.id, patch))
}

const PROBLEM_ORDER: Record<ProblemStatus, number> = { 未整改: 0, 整改中: 1, 已整改: 2, 已销号: 3 }

export function addProgress(ledger: Ledger, actor: string, problemId: number, date: string, note: string): number {
  const r = problemRow(ledger, problemId)
  if (date < r.found_date) throw new LedgerError('invalid', `进展日期（${date}）不能早于发现日期（${r.found_date}）。`, 'date')
  return ledger.write.run({ actor }, (w) => {
    const id = w.insert('rectification_progress', { problem_id: problemId, note_date: date, note })
    // A first progress note on an untouched problem means rectification has started.
    if (r.status === '未整改') w.update('rectification_problems', problemId, { status: '整改中' })
    return id
  })
}

export function deleteProgress(ledger: Ledger, actor: string, id: number): void {
  ledger.write.run({ actor }, (w) => w.delete('rectification_progress', id))
}

const MAGIC: [string, (b: Buffer) => boolean][] = [
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['application/pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ['image/tiff', (b) => ['II*\u0000', 'MM\u0000*'].includes(b.subarray(0, 4).toString('latin1'))],
]

/** Checks the file (type by its name and its first bytes, size), stores it under its hash and lists it on the problem. */
export function attachFile(ledger: Ledger, actor: string, problemId: number, filePath: string, fileName: string): number {
  problemRow(ledger, problemId)
  const ext = path.extname(fileName).slice(1).toLowerCase()
  const declared = ATTACHMENT_TYPES[ext]
  if (!declared) {
    throw new LedgerError('bad_attachment', `「${fileName}」不是可作为佐证材料的文件类型。请上传照片或扫描件（.jpg、.png、.pdf、.tif）。`)
  }
  const size = fs.statSync(filePath).size
  if (size === 0) throw new LedgerError('bad_attachment', `「${fileName}」是空文件（0 字节），请重新选择。`)
  if (size > ATTACHMENT_MAX_BYTES) {
    throw new LedgerError('bad_attachment', `「${fileName}」有 ${(size / 1048576).toFixed(1)} MB，超过 ${ATTACHMENT_MAX_BYTES / 1048576} MB 的上限。请压缩照片或分页扫描后再上传。`)
  }
  const bytes = fs.readFileSync(filePath)
  const actual = MAGIC.find(([, test]) => test(bytes))?.[0]
  if (actual !== declared) {
    throw new LedgerError('bad_attachment', `「${fileName}」的内容不是扩展名所说的${ext.toUpperCase()}文件（可能已损坏或被改了扩展名）。请用原始照片或扫描件重新上传。`)
  }
  const sha = storeAttachment(ledger.path, bytes)
  return ledger.write.run({ actor }, (w) =>
    w.insert('rectification_attachments', { problem_id: problemId, sha256: sha, file_name: path.basename(fileName), mime: declared, size_bytes: size }),
  )
}

/** The stored bytes and name; a missing or altered file is reported in words, never a crash. */
export function attachmentContent(ledger: Ledger, id: number): { name: string; bytes: Buffer } {
  const a = ledger.sqlite.prepare('SELECT file_name, sha256 FROM rectification_attachments WHERE id = ?').get(id) as { file_name: string; sha256: string } | undefined
  if (!a) throw new LedgerError('not_found', '找不到这份佐证材料，可能已被删除。请刷新后重试。')
  const bytes = readAttachment(ledger.path, a.sha256)
  if (!bytes) {
    throw new LedgerError(
      'attachment_missing',
      `佐证材料「${a.file_name}」的文件不在台账文件夹中（可能被移动、删除，或恢复备份时没有带上）。记录仍保留；请重新上传这份材料，或从含附件的备份中恢复。`,
    )
  }
  return { name: a.file_name, bytes }
}

export function removeAttachment(ledger: Ledger, actor: string, id: number): void {
  // The stored file stays: another record or an older backup may name the same content.
  ledger.write.run({ actor }, (w) => w.delete('rectification_attachments', id))
}

export function reminders(ledger: Ledger, today: string): RectificationReminders {
  const open = listProblems(ledger, { today }).filter((r) => r.deadlineState !== null)
  const byDeadline = (a: ProblemRow, b: ProblemRow) => (a.deadline ?? '').localeCompare(b.deadline ?? '')
  return { overdue: open.filter((r) => r.deadlineState === 'overdue').sort(byDeadline), near: open.filter((r) => r.deadlineState === 'near').sort(byDeadline) }
}

/** 「示例县示例镇问题整改台账」: the title of the export and the printout. */
export function townshipTitle(ledger: Ledger): string {
  const t = ledger.sqlite.prepare('SELECT county, township FROM villages ORDER BY is_demo, id LIMIT 1').get() as { county: string; township: string } | undefined
  return `${t ? `${t.county}${t.township}` : ''}问题整改台账`
}

/** For `cli info`: every problem, those not yet 销号, those past their deadline (not rectified) as of today, and those 已销号. */
export function rectificationCounts(ledger: Ledger, today: string): { problems: number; open: number; overdue: number; closed: number } {
  const rows = ledger.sqlite.prepare('SELECT status, deadline FROM rectification_problems').all() as { status: ProblemStatus; deadline: string | null }[]
  return {
    problems: rows.length,
    open: rows.filter((r) => r.status !== '已销号').length,
    overdue: rows.filter((r) => deadlineState(r.status, r.deadline, today) === 'overdue').length,
    closed: rows.filter((r) => r.status === '已销号').length,
  }
}
