/**
 * The merged ranges are read beside the rows (the ranges follow the rows in the XML): rows read before
 * they are known are held and filled all the same, and the part's CRC, checked by that pass instead of
 * the row read, still fails a damaged file. Generated data only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RosterPreview } from '../../../../shared/api/households-import'
import { readXlsxRows } from '../../../../electron/core/spreadsheets/read/xlsx'
import { importHarness } from '../../../helpers/import'
import { tempDir } from '../../../helpers/temp'
import { collect, fakeId } from '../../spreadsheets/helpers'
import { xlsxBytes, type FixtureCell, type FixtureSheet } from '../../spreadsheets/xls-fixtures'

const { setup } = importHarness()

const HOUSEHOLDS = 1500

/** Two-member households, 户编号 and 民族 merged down each block: a sheet part of several inflated chunks. */
function sheet(): FixtureSheet {
  const rows: FixtureCell[][] = [['行政村', '组', '户编号', '姓名', '证件号码', '与户主关系', '民族']]
  const merges: NonNullable<FixtureSheet['merges']> = []
  for (let h = 0; h < HOUSEHOLDS; h++) {
    const top = rows.length
    for (let m = 0; m < 2; m++) {
      const n = h * 2 + m
      const id = fakeId(`52012319${50 + (n % 40)}0101${String(Math.floor(n / 40)).padStart(3, '0')}`)
      rows.push([m ? null : '岩门村', m ? null : '1组', m ? null : `H${String(h).padStart(5, '0')}`, `王${n}`, id, m ? '配偶' : '户主', m ? null : '汉族'])
    }
    for (const c of [0, 1, 2, 6]) merges.push({ s: { r: top, c }, e: { r: top + 1, c } })
  }
  return { name: '花名册', rows, merges }
}

/** The file with the sheet part's CRC in the central directory made wrong (its bytes inflate fine). */
function withWrongSheetCrc(zip: Buffer): Buffer {
  const out = Buffer.from(zip)
  for (let p = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p - 1)) {
    const name = out.toString('utf8', p + 46, p + 46 + out.readUInt16LE(p + 28))
    if (/worksheets\/.*\.xml$/.test(name)) {
      out.writeUInt32LE((out.readUInt32LE(p + 16) ^ 1) >>> 0, p + 16)
      return out
    }
  }
  throw new Error('no sheet part')
}

describe('merged ranges read beside the rows', () => {
  it('fills every member row from its block, held or not', async () => {
    const file = path.join(tempDir(), 'merged.xlsx')
    fs.writeFileSync(file, xlsxBytes([sheet()]))
    const { job, file: register, sql } = setup()
    const preview = await job<RosterPreview>('households.importPreview', { fileId: register(file) })
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(preview.households.new).toBe(HOUSEHOLDS)
    await job('households.importCommit', { fileId: register(file) })
    expect(sql("SELECT COUNT(*) AS n FROM members WHERE ethnicity = '汉族'")).toEqual([{ n: HOUSEHOLDS * 2 }])
    expect(sql('SELECT COUNT(*) AS n FROM households')).toEqual([{ n: HOUSEHOLDS }])
  }, 60_000)

  it('a sheet part whose CRC does not match fails the import, though its rows read without the check', async () => {
    const file = path.join(tempDir(), 'bad-crc.xlsx')
    fs.writeFileSync(file, withWrongSheetCrc(xlsxBytes([sheet()])))
    expect((await collect(readXlsxRows(file, { skipSheetCrc: true }))).length).toBe(HOUSEHOLDS * 2 + 1)
    await expect(collect(readXlsxRows(file))).rejects.toMatchObject({ code: 'file_unreadable' })
    const { job, file: register, sql } = setup()
    await expect(job('households.importCommit', { fileId: register(file) })).rejects.toMatchObject({ code: 'file_unreadable' })
    expect(sql('SELECT COUNT(*) AS n FROM members')).toEqual([{ n: 0 }])
  }, 60_000)
})
