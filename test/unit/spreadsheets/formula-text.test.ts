/**
 * Text starting with = + - @ is kept as given, and every .xlsx the app writes holds it as a text
 * cell, never a formula: read from the written XML (no <f> element; the cell is t="inlineStr" or a
 * shared string t="s" — not t="str", a formula's cached result).
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { DEMO_UNIT } from '../../../electron/core/demo/projects'
import { findEntry, openZipDirectory, readEntry } from '../../../electron/core/spreadsheets/read/zip'
import { cellText } from '../../../electron/core/spreadsheets/cell-text'
import type { LedgerEvent } from '../../../shared/api/jobs'
import { legacyRosterRows, writeRosterWorkbook } from '../../fixtures/roster-workbook'
import { jobEnd, opCaller, testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Every cell of the workbook's sheets holding `text`, with its type; fails on any <f> element. */
async function cellsHolding(file: string, texts: string[]): Promise<Map<string, string[]>> {
  const zip = await openZipDirectory(file)
  const read = async (name: string) => {
    const e = findEntry(zip, name)
    return e ? (await readEntry(zip, e, 50_000_000)).toString('utf8') : ''
  }
  const shared = [...(await read('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''))
  const found = new Map<string, string[]>(texts.map((t) => [t, []]))
  for (const entry of [...zip.entries.values()].filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))) {
    const xml = (await readEntry(zip, entry, 50_000_000)).toString('utf8')
    expect(xml, `${entry.name} holds a formula`).not.toMatch(/<f[\s>]/)
    for (const c of xml.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /\bt="([^"]+)"/.exec(c[1]!)?.[1] ?? 'n'
      const body = c[2] ?? ''
      const value =
        type === 's'
          ? shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])]
          : type === 'inlineStr'
            ? [...body.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('')
            : /<v>([^<]*)<\/v>/.exec(body)?.[1]
      for (const t of texts) if (value === xmlText(t)) found.get(t)!.push(type)
    }
  }
  return found
}

async function expectTextCells(file: string, texts: string[]) {
  const found = await cellsHolding(file, texts)
  for (const [t, types] of found) {
    expect(types.length, `「${t}」 not found in ${path.basename(file)}`).toBeGreaterThan(0)
    for (const type of types) expect(['s', 'inlineStr'], `「${t}」 written as t="${type}"`).toContain(type)
  }
}

const fileOf = async (core: CoreContext, events: LedgerEvent[], jobId: string) => {
  const end = await jobEnd(events, jobId)
  expect(end).toMatchObject({ type: 'job.done' })
  return core.files.get((end as { result: { fileId: string } }).result.fileId).path
}

describe('formula-like text in every .xlsx export', () => {
  it('cellText turns only text starting with = + - @ (or a tab, a carriage return) into a text cell', () => {
    for (const t of ['=1+2', '+86 371', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(cellText(t)).toEqual({ richText: [{ text: t }] })
    for (const v of ['张三', '1=1', ' =1', '', 42, -5, null]) expect(cellText(v)).toBe(v)
  })

  it('households, 问题清单, projects, assets, notices, 交接表 and the audit log write = + - @ text as string cells', async () => {
    const { core, events } = testCore()
    cores.push(core)
    const { call } = opCaller(core)
    expect(await jobEnd(events, (await call('demo.load', { households: 12 })).jobId)).toMatchObject({ type: 'job.done' })
    const db = core.ledger.sqlite
    const member = db.prepare("SELECT id FROM members WHERE relation <> '户主' ORDER BY id LIMIT 1").pluck().get() as number
    const NAME = '=HYPERLINK("http://example.invalid","点我")'
    await call('households.updateMember', { memberId: member, patch: { name: NAME } })
    const village = db.prepare('SELECT id FROM villages ORDER BY id LIMIT 1').pluck().get() as number
    const PROJECT = '+SUM(1,2)'
    const ASSET = '@cmd'
    const OWNER = '-2+3'
    const project = (await call('projects.create', { projectName: PROJECT, year: '2024', villageId: village })).id
    await call('projects.addRecord', { projectId: project, record: { kind: 'asset', assetName: ASSET, category: '经营性', owner: OWNER, custodian: '村委会' } })
    // What was typed is kept as given.
    expect(db.prepare('SELECT name FROM members WHERE id = ?').pluck().get(member)).toBe(NAME)
    expect(db.prepare('SELECT name FROM projects WHERE id = ?').pluck().get(project)).toBe(PROJECT)

    await expectTextCells(await fileOf(core, events, (await call('households.export', { layout: 'standard' })).jobId), [NAME])
    await expectTextCells(await fileOf(core, events, (await call('projects.export', { layout: 'standard' })).jobId), [PROJECT])
    await expectTextCells(core.files.get((await call('projects.exportAssets', {})).fileId).path, [ASSET, OWNER])
    const PHONE = '+86 371 1234567'
    await expectTextCells(core.files.get((await call('forms.noticeXlsx', { kind: 'projects', year: '2024', from: '2024-11-01', to: '2024-11-10', phone: PHONE })).fileId).path, [PROJECT])
    const STATEMENT = '=1+2 交接说明'
    await expectTextCells(core.files.get((await call('forms.unitHandoverXlsx', { unitName: DEMO_UNIT, villageId: village, statement: STATEMENT })).fileId).path, [STATEMENT])
    await expectTextCells(core.files.get((await call('accounts.exportAudit', { page: 1, pageSize: 50 })).fileId).path, [NAME])

    // 问题清单: the county's own cells written back as they were.
    const rows = legacyRosterRows(6)
    rows[1]![7] = '=1+2'
    rows[2]![27] = '@备注'
    const source = path.join(tempDir(), '花名册.xlsx')
    await writeRosterWorkbook(source, rows)
    const uploaded = core.files.register(source)
    await expectTextCells(await fileOf(core, events, (await call('households.issuesReport', { fileId: uploaded.id })).jobId), ['=1+2', '@备注'])
  })
})
