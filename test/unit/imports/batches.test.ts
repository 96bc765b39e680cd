import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProjectImportResult } from '../../../shared/api/projects-import'
import type { RosterCommitResult } from '../../../shared/api/households-import'
import { writeProjectWorkbook } from '../../fixtures/project-workbook'
import { legacyRosterRows, writeRosterWorkbook } from '../../fixtures/roster-workbook'
import { importHarness } from '../../helpers/import'
import { tempDir } from '../../helpers/temp'

const { setup } = importHarness()

describe('import history: each import page lists only its own kind of batch', () => {
  it('filters imports.list by kind, and lists every kind without one', async () => {
    const { call, job, file } = setup()
    const roster = path.join(tempDir(), '花名册.xlsx')
    await writeRosterWorkbook(roster, legacyRosterRows(3))
    const rosterBatch = (await job<RosterCommitResult>('households.importCommit', { fileId: file(roster) })).batchId
    const projects = path.join(tempDir(), '2024年项目库.xlsx')
    await writeProjectWorkbook(projects)
    const projectBatch = (await job<ProjectImportResult>('projects.importCommit', { fileId: file(projects) })).batchId

    const ids = async (input: object) => (await call('imports.list', input)).map((b) => [b.id, b.kind])
    expect(await ids({})).toEqual([
      [projectBatch, 'projects'],
      [rosterBatch, 'roster'],
    ])
    expect(await ids({ kind: 'roster' })).toEqual([[rosterBatch, 'roster']])
    expect(await ids({ kind: 'projects' })).toEqual([[projectBatch, 'projects']])
    await expect(call('imports.list', { kind: 'households' })).rejects.toThrow(/^invalid_input:/)
  })
})
