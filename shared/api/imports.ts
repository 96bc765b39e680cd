/** Import batches of every kind: the history each import page lists, and 撤销本次导入. */
import { z } from 'zod'
import type { CountSet } from './households-import'
import type { JobStarted } from './jobs'
import { id, op } from './op'

/** What an import batch brought in: the roster (花名册) or the project list (项目清单). */
export const IMPORT_KINDS = ['roster', 'projects', 'national', 'rectification', 'credit', 'posts'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export interface ImportBatchView {
  id: number
  kind: ImportKind
  fileName: string
  sheet: string
  actor: string
  createdAt: string
  undoneAt: string | null
  /** Roster batches count households and members; project-list batches (kind 'projects') count projects. */
  counts: { households?: CountSet; members?: CountSet; projects?: CountSet; records?: CountSet; problems?: CountSet; loans?: CountSet; holdings?: CountSet }
}

export const importsOps = {
  /** The latest import batches, newest first; `kind` keeps one kind (each import page lists only its own). */
  'imports.list': op<ImportBatchView[]>()(z.object({ kind: z.enum(IMPORT_KINDS).optional() }), 'read'),
  /** 撤销本次导入: a job. */
  'imports.undo': op<JobStarted>()(z.object({ batchId: id })),
}
