/** Import batches of every kind: the list each import page shows, and 撤销本次导入. */
import type { ImportBatchView, ImportKind } from '../../../shared/api/imports'
import type { AreaHandlers } from '../handler-types'

interface BatchRow {
  id: number
  kind: ImportKind
  file_name: string
  sheet: string
  actor: string
  created_at: string
  undone_at: string | null
  counts_json: string
}

export const importsHandlers: AreaHandlers<'imports'> = {
  'imports.list': ({ kind }, { ledger }) => {
    const rows = (
      kind
        ? ledger.sqlite.prepare('SELECT * FROM import_batches WHERE kind = ? ORDER BY id DESC LIMIT 200').all(kind)
        : ledger.sqlite.prepare('SELECT * FROM import_batches ORDER BY id DESC LIMIT 200').all()
    ) as BatchRow[]
    return rows.map(
      (b): ImportBatchView => ({
        id: b.id,
        kind: b.kind,
        fileName: b.file_name,
        sheet: b.sheet,
        actor: b.actor,
        createdAt: b.created_at,
        undoneAt: b.undone_at,
        counts: JSON.parse(b.counts_json) as ImportBatchView['counts'],
      }),
    )
  },
  'imports.undo': ({ batchId }, ctx) => ({ jobId: ctx.jobs.start('imports.undo', { batchId }) }),
}
