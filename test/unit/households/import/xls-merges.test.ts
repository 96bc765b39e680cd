/**
 * .xls merged ranges (issue 13, item 5 for Excel 97-2003): a household block whose 行政村, 组, 户编号,
 * 民族 and 联系电话 are merged down its rows is filled from the merged cells exactly as the same
 * workbook saved as .xlsx is, and a blank cell no range covers stays blank. Generated layouts only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RosterPreview } from '../../../../shared/api/households-import'
import { readMergedRanges } from '../../../../electron/core/spreadsheets/read'
import { importHarness } from '../../../helpers/import'
import { tempDir } from '../../../helpers/temp'
import { fakeId } from '../../spreadsheets/helpers'
import { xlsBytes, xlsxBytes, type FixtureCell, type FixtureSheet } from '../../spreadsheets/xls-fixtures'

const { setup } = importHarness()

function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), chance: (p: number) => next() < p }
}

const HEADERS = ['行政村', '组', '户编号', '姓名', '证件号码', '与户主关系', '民族', '联系电话']
const RELATIONS = ['配偶', '之子', '之女', '之孙子', '之母']
const SURNAMES = '张王李赵刘陈杨黄周吴'

interface Household {
  village: string
  group: string | null
  no: string
  phone: string
  members: { name: string; id: string; relation: string }[]
}

/** A roster sheet with each household's block merged down, from a seed; some title rows above. */
function rosterSheet(seed: number): { sheet: FixtureSheet; households: Household[] } {
  const r = random(seed)
  const rows: FixtureCell[][] = []
  const merges: NonNullable<FixtureSheet['merges']> = []
  const titleRows = r.int(0, 2)
  for (let t = 0; t < titleRows; t++) {
    rows.push([t === 0 ? `某某镇建档立卡户花名册（示例${seed}）` : '填报单位：某某镇'])
    merges.push({ s: { r: t, c: 0 }, e: { r: t, c: HEADERS.length - 1 } })
  }
  rows.push([...HEADERS])
  const households: Household[] = []
  const count = r.int(3, 7)
  for (let h = 0; h < count; h++) {
    const size = r.int(1, 4)
    const hh: Household = {
      village: h < count / 2 ? '岩门村' : '青山村',
      // Some households have no 组: that cell is blank and no range covers it.
      group: r.chance(0.3) ? null : `${r.int(1, 5)}组`,
      no: `5201230${seed}${String(h + 1).padStart(4, '0')}`,
      phone: `139${String(seed * 1000 + h).padStart(8, '0')}`,
      members: Array.from({ length: size }, (_, m) => ({
        name: `${SURNAMES[(h + m) % SURNAMES.length]}${seed}${h}${m}`,
        id: fakeId(`5201231980${String((h % 12) + 1).padStart(2, '0')}${String(m + 10)}${String(seed % 1000).padStart(3, '0')}`),
        relation: m === 0 ? '户主' : RELATIONS[(h + m) % RELATIONS.length]!,
      })),
    }
    households.push(hh)
    const top = rows.length
    hh.members.forEach((m, i) => {
      const first = i === 0
      rows.push([first ? hh.village : null, first ? hh.group : null, first ? hh.no : null, m.name, m.id, m.relation, first ? '汉族' : null, first ? hh.phone : null])
    })
    if (size > 1) {
      for (const c of [0, 2, 6, 7]) merges.push({ s: { r: top, c }, e: { r: top + size - 1, c } })
      if (hh.group) merges.push({ s: { r: top, c: 1 }, e: { r: top + size - 1, c: 1 } })
    }
  }
  return { sheet: { name: '花名册', rows, merges }, households }
}

async function imported(file: string) {
  const { job, file: register, sql } = setup()
  const preview = await job<RosterPreview>('households.importPreview', { fileId: register(file) })
  await job('households.importCommit', { fileId: register(file) })
  const dump = sql<Record<string, unknown>>(
    `SELECT v.name AS village, g.name AS grp, h.household_no, h.phone, m.name, m.id_number, m.relation, m.ethnicity
       FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id
       LEFT JOIN village_groups g ON g.id = h.group_id ORDER BY m.name`,
  )
  return { preview, dump }
}

describe('.xls merged ranges fill a household block exactly as .xlsx does', () => {
  it('the reader gives the .xls sheet\'s merged ranges as it does the .xlsx\'s', async () => {
    const dir = tempDir()
    const { sheet } = rosterSheet(3)
    fs.writeFileSync(path.join(dir, 'a.xls'), xlsBytes([{ name: '说明', rows: [['填表说明']], merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 5 } }] }, sheet]))
    fs.writeFileSync(path.join(dir, 'a.xlsx'), xlsxBytes([{ name: '说明', rows: [['填表说明']] }, sheet]))
    const fromXls = await readMergedRanges(path.join(dir, 'a.xls'), '花名册')
    const fromXlsx = await readMergedRanges(path.join(dir, 'a.xlsx'), '花名册')
    const key = (m: { top: number; left: number }) => m.top * 100 + m.left
    expect(fromXls!.length).toBe(sheet.merges!.length)
    expect([...fromXls!].sort((a, b) => key(a) - key(b))).toEqual([...fromXlsx!].sort((a, b) => key(a) - key(b)))
    // The other sheet's range is its own.
    expect(await readMergedRanges(path.join(dir, 'a.xls'), '说明')).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }])
  })

  it('for generated rosters: every member under the block\'s 户编号, 民族 and 组; a blank 组 stays blank; same as .xlsx', async () => {
    for (const seed of [1, 2, 5, 8]) {
      const dir = tempDir()
      const { sheet, households } = rosterSheet(seed)
      const xls = path.join(dir, `花名册-${seed}.xls`)
      const xlsx = path.join(dir, `花名册-${seed}.xlsx`)
      fs.writeFileSync(xls, xlsBytes([sheet]))
      fs.writeFileSync(xlsx, xlsxBytes([sheet]))
      const a = await imported(xls)
      const b = await imported(xlsx)
      expect(a.preview.issues.filter((i) => i.severity === 'error'), `seed ${seed}`).toEqual([])
      expect(a.preview.households.new).toBe(households.length)
      expect(a.dump, `seed ${seed}`).toEqual(b.dump)
      const want = households
        .flatMap((h) => h.members.map((m) => ({ village: h.village, grp: h.group, household_no: h.no, phone: h.phone, name: m.name, id_number: m.id, relation: m.relation, ethnicity: '汉族' })))
        .sort((x, y) => (x.name < y.name ? -1 : 1))
      expect(a.dump, `seed ${seed}`).toEqual(want)
    }
  })
})
