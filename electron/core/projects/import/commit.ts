/**
 * Writes a planned project-list import in one transaction through the audited write path, as an
 * import batch (file, hash, sheet, layout, counts) so 撤销本次导入 can take it back and the
 * source-layout export can give the county its own columns back.
 */
import type { ProjectImportResult } from '../../../../shared/api/projects-import'
import { LedgerError } from '../../../../shared/api/result'
import type { Ledger } from '../../db/open'
import { IMPORTED_INDICATOR, isChanged, type ProjectPlan } from './plan'
import type { ProjectReading } from './parse'
import type { ParsedProjectList } from './types'

export interface ProjectCommitOptions {
  actor: string
  checkCancelled(): void
  progress(done: number, total: number, message: string): void
  /** The clerk corrected the mapping or the unit: remember it for files with this header. */
  rememberReading?: { signature: string; reading: ProjectReading }
}

/** What the source-layout export needs to write the list back as it came. */
export interface ProjectSourceLayout {
  sheet: string
  headerRow: number
  headerRowCount: 1 | 2
  columns: { index: number; header: string; group: string | null; field: string | null; unit: 'wan' | 'yuan' | null; extraKey: string | null }[]
  dateFormats: Record<string, string>
}

export function sourceLayoutOf(list: ParsedProjectList): ProjectSourceLayout {
  return {
    sheet: list.sheet,
    headerRow: list.headerRow,
    headerRowCount: list.headerRowCount,
    columns: list.columns.map((c) => ({ index: c.index, header: c.header, group: c.group ?? null, field: c.field, unit: c.unit ?? null, extraKey: c.extraKey ?? null })),
    dateFormats: list.dateFormats,
  }
}

export function commitProjectImport(ledger: Ledger, list: ParsedProjectList, plan: ProjectPlan, options: ProjectCommitOptions): ProjectImportResult {
  const errors = plan.issues.filter((i) => i.severity === 'error').length
  if (errors) {
    throw new LedgerError('blocked', `表中有 ${errors} 处错误，为避免写入错误数据，本次没有导入任何项目。请按「问题」列表修改原表后重新导入。`)
  }
  const total = plan.projects.length
  const batchId = ledger.write.run({ actor: options.actor }, (w) => {
    const layout = sourceLayoutOf(list)
    const batchId = w.insert('import_batches', {
      kind: 'projects',
      file_name: list.fileName,
      sha256: list.sha256,
      sheet: list.sheet,
      mapping_json: JSON.stringify(layout.columns.map((c) => ({ index: c.index, header: c.header, field: c.field }))),
      layout_json: JSON.stringify(layout),
      counts_json: '{}',
      actor: options.actor,
    })
    w.setBatch(`import:${batchId}`)
    plan.projects.forEach((p, i) => {
      options.checkCancelled()
      if (i % 50 === 0) options.progress(i, total, `正在写入第 ${i + 1} / ${total} 个项目`)
      if (!isChanged(p)) return
      let projectId: number
      if (p.existingId === null) {
        projectId = w.insert('projects', {
          ...p.changes,
          import_batch_id: batchId,
          source_layout: JSON.stringify({ batchId, row: p.parsed.excelRow }),
        })
      } else {
        projectId = p.existingId
        if (Object.keys(p.changes).length) w.update('projects', projectId, p.changes)
      }
      const unit = typeof p.parsed.values.assisting_unit === 'string' ? p.parsed.values.assisting_unit : null
      for (const b of p.budget) {
        if (p.existingId !== null) w.deleteWhere('project_budget_lines', 'project_id = ? AND source = ?', [projectId, b.source])
        if (b.after > 0) {
          w.insert('project_budget_lines', {
            project_id: projectId,
            source: b.source,
            unit_name: b.source === '帮扶单位资金' ? unit : null,
            amount_fen: b.after,
            note: `由「${list.fileName}」导入`,
          })
        }
      }
      if (p.indicator) {
        if (p.indicator.id === null) {
          w.insert('project_indicators', { project_id: projectId, ...IMPORTED_INDICATOR, indicator: p.indicator.after })
        } else w.update('project_indicators', p.indicator.id, { indicator: p.indicator.after })
      }
    })
    if (options.rememberReading) {
      const { signature, reading } = options.rememberReading
      const existing = ledger.sqlite.prepare("SELECT id FROM import_mappings WHERE kind = 'projects' AND signature = ?").pluck().get(signature) as number | undefined
      const mapping_json = JSON.stringify(reading)
      if (existing) w.update('import_mappings', existing, { mapping_json })
      else w.insert('import_mappings', { kind: 'projects', signature, mapping_json })
    }
    w.update('import_batches', batchId, { counts_json: JSON.stringify({ projects: plan.counts }) })
    return batchId
  })
  options.progress(total, total, '导入完成')
  return { batchId, projects: plan.counts }
}
