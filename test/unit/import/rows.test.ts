import { describe, expect, it } from 'vitest'
import type { CellValue, Grid } from '../../../shared/import/cells'
import { detectHeader } from '../../../shared/import/header-detect'
import { createHouseholdGrouper, groupHouseholds, householdValues, readRows, rosterShape } from '../../../shared/import/rows'
import { makeId } from './helpers'

const HEAD_ID = makeId('19650312', '011')
const WIFE_ID = makeId('19670820', '022')
const SON_ID = makeId('19900101', '031')

describe('readRows', () => {
  const grid: Grid = [
    ['某某县2024年花名册', null, null, null, null, null, null, null, null, null],
    ['序号', '县', '乡（镇）', '行政村', '户编号', '姓名', '证件号码', '与户主关系', '人均纯收入（元）', '首次识别时间', '备注'],
    [1, '某某县', '某某乡', '甲村', '410102001', ' 张　三 ', HEAD_ID, '户主', '1,234.56', '201412', '老党员'],
    [2, null, null, null, null, '李四', WIFE_ID, '妻子', null, null, null],
    [null, null, null, '乙村', '410102002', '王五', ' ' + SON_ID + ' ', '本人', 3000, 43891, null],
    [null, '合计', null, null, null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null, null, null, null],
  ]
  const layout = detectHeader(grid)!
  const rows = readRows(grid, layout)

  it('parses values, keeps unknown columns and skips totals and blank rows', () => {
    expect(rows).toHaveLength(3)
    const [a, b, c] = rows
    expect(a!.excelRow).toBe(3)
    expect(a!.village).toEqual({ county: '某某县', township: '某某乡', village: '甲村' })
    expect(a!.household).toEqual({ household_no: '410102001', per_capita_net_income_fen: 123456, first_identified: '2014-12' })
    expect(a!.member).toEqual({ name: '张三', id_number: HEAD_ID, relation: '户主' })
    expect(a!.extra).toEqual({ 备注: '老党员' })
    expect(a!.sourceFormats).toEqual({ first_identified: 'yyyymm' })
    expect(a!.id).toMatchObject({ birthDate: '1965-03-12', sex: '男' })
    expect(a!.problems).toEqual([])
    // Merged village cells arrive as null under the first row: carried down.
    expect(b!.village).toEqual({ county: '某某县', township: '某某乡', village: '甲村' })
    expect(b!.member.relation).toBe('配偶')
    expect(b!.household.household_no).toBeNull()
    expect(c!.excelRow).toBe(5)
    expect(c!.village.village).toBe('乙村')
    expect(c!.member.id_number).toBe(SON_ID)
    expect(c!.household.per_capita_net_income_fen).toBe(300000)
    expect(c!.household.first_identified).toBe('2020-03-01')
    expect(c!.sourceFormats.first_identified).toBe('serial')
  })

  it('records cell problems with column and raw text', () => {
    const g: Grid = [['姓名', '身份证号', '与户主关系', '出生日期'], ['张三', Number(HEAD_ID), '户主', '1965年13月']]
    const [row] = readRows(g, detectHeader(g)!)
    expect(row!.problems).toEqual([
      { field: 'id_number', column: '身份证号', raw: String(Number(HEAD_ID)), value: `${HEAD_ID.slice(0, 15)}000`, problem: 'id_number_cell' },
      { field: 'birth_date', column: '出生日期', raw: '1965年13月', value: '1965年13月', problem: 'bad_date' },
    ])
  })

  it('keeps duplicate and blank-header columns under distinct keys', () => {
    const g: Grid = [['姓名', '证件号码', '姓名', null, '备注', '备注'], ['张三', HEAD_ID, '张叁', 'x', 'a', 'b']]
    const [row] = readRows(g, detectHeader(g)!)
    expect(row!.member.name).toBe('张三')
    expect(row!.extra).toEqual({ 姓名: '张叁', D列: 'x', 备注: 'a', '备注(F列)': 'b' })
  })
})

function grid(header: string[], ...data: CellValue[][]): Grid {
  return [header, ...data]
}

describe('households', () => {
  it('groups by 户编号, a blank 户编号 continuing the household above', () => {
    const g = grid(['户编号', '姓名', '与户主关系', '证件号码'],
      ['H1', '张三', '户主', HEAD_ID], [null, '李四', '配偶', WIFE_ID], ['H1', '张小', '之子', SON_ID],
      ['H2', '王五', '户主', makeId('19700101', '051')])
    const layout = detectHeader(g)!
    const hh = groupHouseholds(readRows(g, layout), layout)
    expect(hh.map((h) => [h.key, h.groupedBy, h.rows.map((r) => r.excelRow)])).toEqual([
      ['H1', 'household_no', [2, 3, 4]],
      ['H2', 'household_no', [5]],
    ])
  })

  it('marks a 户编号 that comes back after another household', () => {
    const g = grid(['户编号', '姓名', '与户主关系'], ['H1', '张三', '户主'], ['H2', '王五', '户主'], ['H1', '李四', '配偶'])
    const layout = detectHeader(g)!
    const hh = groupHouseholds(readRows(g, layout), layout)
    expect(hh.map((h) => [h.key, h.splitFrom])).toEqual([['H1', undefined], ['H2', undefined], ['H1', 2]])
  })

  it('groups by 户主 rows when there is no 户编号', () => {
    const g = grid(['姓名', '与户主关系'],
      ['孤儿', '之子'], ['张三', '户主'], ['李四', '配偶'], ['王五', '户主'], ['王小', '之女'])
    const layout = detectHeader(g)!
    expect(rosterShape(layout)).toBe('per_person')
    const hh = groupHouseholds(readRows(g, layout), layout)
    expect(hh.map((h) => [h.groupedBy, h.rows.map((r) => r.member.name)])).toEqual([
      ['head', ['孤儿']], ['head', ['张三', '李四']], ['head', ['王五', '王小']],
    ])
  })

  it('also starts a household when 户主姓名 changes, even without a 户主 row', () => {
    const g = grid(['户主姓名', '姓名', '与户主关系'],
      ['张三', '李四', '配偶'], ['张三', '张三', '户主'], ['王五', '王小', '之女'])
    const layout = detectHeader(g)!
    const hh = groupHouseholds(readRows(g, layout), layout)
    expect(hh.map((h) => [h.key, h.rows.map((r) => r.excelRow)])).toEqual([['张三', [2, 3]], ['王五', [4]]])
  })

  it('streams: a household is returned when the next one starts', () => {
    const g = grid(['户编号', '姓名', '与户主关系'], ['H1', '张三', '户主'], ['H1', '李四', '配偶'], ['H2', '王五', '户主'])
    const layout = detectHeader(g)!
    const rows = readRows(g, layout)
    const grouper = createHouseholdGrouper(layout)
    expect(grouper.push(rows[0]!)).toEqual([])
    expect(grouper.push(rows[1]!)).toEqual([])
    expect(grouper.push(rows[2]!).map((h) => h.key)).toEqual(['H1'])
    expect(grouper.flush().map((h) => h.key)).toEqual(['H2'])
    expect(grouper.flush()).toEqual([])
  })

  it('reads a one-row-per-household sheet: the 户主 columns are the member', () => {
    const g = grid(['户主姓名', '户主身份证号', '人数', '联系电话'], ['张三', HEAD_ID, '4', '13812345678'], ['王五', SON_ID, 2, null])
    const layout = detectHeader(g)!
    expect(rosterShape(layout)).toBe('per_household')
    const rows = readRows(g, layout)
    expect(rows[0]!.member).toEqual({ name: '张三', id_number: HEAD_ID, relation: '户主' })
    expect(rows[0]!.household).toEqual({ declared_size: 4, phone: '13812345678' })
    expect(rows[0]!.id?.sex).toBe('男')
    const hh = groupHouseholds(rows, layout)
    expect(hh.map((h) => [h.groupedBy, h.shape, h.key, h.rows.length])).toEqual([
      ['row', 'per_household', HEAD_ID, 1], ['row', 'per_household', SON_ID, 1],
    ])
  })

  it('takes each household value from its first row and lists differing repeats', () => {
    const g = grid(['户编号', '姓名', '与户主关系', '人数', '致贫原因'],
      ['H1', '张三', '户主', 3, '因病'], ['H1', '李四', '配偶', null, '因病'], ['H1', '张小', '之子', 4, '因病'])
    const layout = detectHeader(g)!
    const [h] = groupHouseholds(readRows(g, layout), layout)
    expect(householdValues(h!)).toEqual({
      values: { household_no: 'H1', declared_size: 3, main_cause: '因病' },
      conflicts: [{ field: 'declared_size', firstRow: 2, first: 3, row: 4, other: 4 }],
    })
  })
})
