/** 问题整改台账 to .xlsx in the layout the import reads: a title row, the standard headers, one problem a row. */
import type { ProblemRow } from '../../../shared/api/rectification'
import { PROBLEM_FIELDS, type ProblemFieldKey } from '../../../shared/import/rectification-fields'
import type { Ledger } from '../db/ledger'
import { cellTexts } from '../spreadsheets/cell-text'
import { loadExcelJS } from '../spreadsheets/load-exceljs'

interface Names {
  village: string | null
  head: string | null
  project: string | null
  progress: string | null
}

const WIDTHS: Partial<Record<ProblemFieldKey, number>> = { description: 40, measures: 32, progress: 32, similar: 24, batch_no: 18, project: 20 }

function cell(key: ProblemFieldKey, p: ProblemRow, n: Names, seq: number): string | number | null {
  switch (key) {
    case 'seq': return seq
    case 'problem_no': return p.problemNo
    case 'source': return p.source
    case 'batch_no': return p.batchNo
    case 'found_date': return p.foundDate
    case 'description': return p.description
    case 'village': return n.village ?? (p.scope === 'village' ? p.scopeNote : null)
    case 'household': return p.scope === 'household' ? (n.head ?? p.scopeNote) : null
    case 'project': return p.scope === 'project' ? (n.project ?? p.scopeNote) : null
    case 'leader': return p.leader
    case 'unit': return p.unit
    case 'person': return p.person
    case 'measures': return p.measures
    case 'deadline': return p.deadline
    case 'progress': return n.progress
    case 'status': return p.status
    case 'rectified_date': return p.rectifiedDate
    case 'closed_date': return p.closedDate
    case 'closed_by': return p.closedBy
    case 'similar': return p.similar
  }
}

export async function exportProblems(ledger: Ledger, problems: ProblemRow[], outputPath: string, title: string): Promise<{ problems: number }> {
  const names = ledger.sqlite.prepare(
    `SELECT v.name AS village,
       (SELECT m.name FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL ORDER BY m.sort_order LIMIT 1) AS head,
       pr.name AS project,
       (SELECT g.note FROM rectification_progress g WHERE g.problem_id = p.id ORDER BY g.note_date DESC, g.id DESC LIMIT 1) AS progress
     FROM rectification_problems p LEFT JOIN households h ON h.id = p.household_id
     LEFT JOIN villages v ON v.id = COALESCE(p.village_id, h.village_id) LEFT JOIN projects pr ON pr.id = p.project_id WHERE p.id = ?`,
  )
  const excel = await loadExcelJS()
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet('问题整改台账', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  })
  sheet.columns = PROBLEM_FIELDS.map((f) => ({ width: WIDTHS[f.key] ?? 12 }))
  sheet.addRow([title])
  sheet.mergeCells(1, 1, 1, PROBLEM_FIELDS.length)
  sheet.getRow(1).font = { bold: true, size: 16 }
  sheet.getRow(1).alignment = { horizontal: 'center' }
  const header = sheet.addRow(PROBLEM_FIELDS.map((f) => f.label))
  header.font = { bold: true }
  problems.forEach((p, i) => {
    const n = names.get(p.id) as Names
    const row = sheet.addRow(cellTexts(PROBLEM_FIELDS.map((f) => cell(f.key, p, n, i + 1))))
    row.alignment = { wrapText: true, vertical: 'top' }
  })
  await workbook.xlsx.writeFile(outputPath)
  return { problems: problems.length }
}
