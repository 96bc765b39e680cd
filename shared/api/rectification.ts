/** The rectification area (问题整改台账): problems, their progress notes, evidence files, reminders, import, export and print. */
import { z } from 'zod'
import { PROBLEM_SCOPES, PROBLEM_SOURCES, PROBLEM_STATUSES, type ProblemScope, type ProblemSource, type ProblemStatus } from '../domain/rectification'
import type { ProducedFile } from './files'
import type { CountSet, ImportIssueView } from './households-import'
import type { JobStarted } from './jobs'
import { fileId, id, isoDate, op } from './op'

const text = (max: number) => z.string().trim().min(1).max(max)
const optText = (max: number) => z.string().trim().max(max).nullable().optional()

export const ProblemFields = z.object({
  problemNo: optText(40),
  source: z.enum(PROBLEM_SOURCES),
  batchNo: optText(80),
  foundDate: isoDate,
  description: text(2000),
  scope: z.enum(PROBLEM_SCOPES),
  villageId: id.nullable().optional(),
  householdId: id.nullable().optional(),
  projectId: id.nullable().optional(),
  scopeNote: optText(200),
  leader: optText(40),
  unit: optText(80),
  person: optText(40),
  measures: optText(2000),
  deadline: isoDate.nullable().optional(),
  similar: optText(2000),
})
export type ProblemFieldsInput = z.input<typeof ProblemFields>

export interface ProblemRow {
  id: number
  problemNo: string | null
  source: ProblemSource
  batchNo: string | null
  foundDate: string
  description: string
  scope: ProblemScope
  /** 乡镇 / the village's name / the household's head and number / the project's name, or what the file said. */
  scopeLabel: string
  villageId: number | null
  householdId: number | null
  projectId: number | null
  scopeNote: string | null
  leader: string | null
  unit: string | null
  person: string | null
  measures: string | null
  deadline: string | null
  status: ProblemStatus
  rectifiedDate: string | null
  closedDate: string | null
  closedBy: string | null
  similar: string | null
  /** 'overdue' 逾期, 'near' 临期 (within 7 days), null. */
  deadlineState: 'overdue' | 'near' | null
  /** Days left to the deadline (negative when overdue); null without a deadline. */
  daysLeft: number | null
  latestProgress: string | null
  attachmentCount: number
}

export interface ProgressNote {
  id: number
  date: string
  note: string
}

export interface AttachmentView {
  id: number
  fileName: string
  mime: string
  sizeBytes: number
  sha256: string
  addedAt: string
  /** The stored file is not on disk (moved, deleted, not restored): listed, but cannot be opened. */
  missing: boolean
}

export interface ProblemDetail extends ProblemRow {
  progress: ProgressNote[]
  attachments: AttachmentView[]
}

export interface RectificationReminders {
  overdue: ProblemRow[]
  near: ProblemRow[]
}

export interface ProblemImportPreview {
  fileName: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  rows: number
  columns: { index: number; letter: string; header: string; field: string | null; label: string | null; samples: string[] }[]
  problems: CountSet
  errorCount: number
  warningCount: number
  issues: ImportIssueView[]
  newProblems: { row: number; problemNo: string | null; source: string; description: string; scopeLabel: string }[]
  changedProblems: { row: number; problemNo: string | null; description: string; fields: string[] }[]
  /** Problems of the ledger of a batch (or, without a batch, a source) the file lists that the file lacks; the import leaves them as they are. */
  missingProblems: { id: number; problemNo: string | null; source: string; batchNo: string | null; description: string; status: string }[]
  /** The column mapping came from an earlier import of a file with this header. */
  rememberedMapping: boolean
}

export interface ProblemImportResult {
  batchId: number
  problems: CountSet
}

const listFilter = z.object({
  today: isoDate,
  status: z.enum(PROBLEM_STATUSES).optional(),
  source: z.enum(PROBLEM_SOURCES).optional(),
  /** 'overdue' or 'near' only. */
  deadline: z.enum(['overdue', 'near']).optional(),
  q: z.string().trim().max(60).optional(),
})

/**
 * Which problem list and sheet to read, and the clerk's column mapping (column index → field key,
 * null: not imported). A commit with a mapping remembers it for files with the same header.
 */
const importInput = z.object({
  fileId,
  sheet: z.string().max(100).optional(),
  mapping: z.record(z.string().regex(/^\d+$/), z.string().max(64).nullable()).optional(),
})

export const rectificationOps = {
  'rectification.list': op<ProblemRow[]>()(listFilter, 'read'),
  'rectification.get': op<ProblemDetail>()(z.object({ id, today: isoDate }), 'read'),
  'rectification.create': op<{ id: number }>()(ProblemFields),
  'rectification.update': op<{ changed: string[] }>()(z.object({ id, fields: ProblemFields })),
  'rectification.delete': op<{ deleted: true }>()(z.object({ id })),
  /** 未整改 → 整改中 → 已整改 → 已销号 one step at a time; 已整改 needs its date, 已销号 its date and approver. */
  'rectification.setStatus': op<{ changed: string[] }>()(
    z.object({ id, status: z.enum(PROBLEM_STATUSES), date: isoDate.nullable().optional(), approver: optText(40) }),
  ),
  'rectification.addProgress': op<{ id: number }>()(z.object({ problemId: id, date: isoDate, note: text(1000) })),
  'rectification.deleteProgress': op<{ deleted: true }>()(z.object({ id })),
  /** Stores a chosen photo or scan (type and size checked) beside the ledger under its SHA-256. */
  'rectification.attach': op<{ id: number }>()(z.object({ problemId: id, fileId })),
  /** A copy of the stored file for the clerk to save or view; a missing file is reported. */
  'rectification.openAttachment': op<ProducedFile>()(z.object({ id }), 'read'),
  'rectification.removeAttachment': op<{ removed: true }>()(z.object({ id })),
  'rectification.reminders': op<RectificationReminders>()(z.object({ today: isoDate }), 'read'),
  /** The county's problem list (.xlsx): a job whose result is a ProblemImportPreview. */
  'rectification.importPreview': op<JobStarted>()(importInput, 'read'),
  /** The same file written in one transaction as an import batch (undo through imports.undo): a ProblemImportResult. */
  'rectification.importCommit': op<JobStarted>()(importInput),
  /** The ledger in the import's layout (.xlsx). */
  'rectification.export': op<ProducedFile>()(z.object({ status: z.enum(PROBLEM_STATUSES).optional() }), 'read'),
}
