import { describe, expect, it } from 'vitest'
import type { Grid } from '../../../shared/import/cells'
import { detectHeader } from '../../../shared/import/header-detect'

const LEGACY = ['序号', '县(市、区、旗)', '乡(镇)', '行政村', '自然村', '户编号', '人编号', '姓名', '证件号码', '人数',
  '与户主关系', '民族', '文化程度', '在校生状况', '健康状况', '劳动技能', '务工时间（月）', '是否参加大病保险', '贫困户属性',
  '致贫原因1', '脱贫属性', '脱贫年度', '危房户', '是否解决安全饮用水', '人均纯收入', '户联系电话', '首次识别时间']

describe('detectHeader', () => {
  it('finds a header in row 1', () => {
    const d = detectHeader([['姓名', '证件号码', '与户主关系'], ['张三', 'x', '户主']])!
    expect(d.headerRowIndex).toBe(0)
    expect(d.headerRowCount).toBe(1)
    expect(d.firstDataRowIndex).toBe(1)
    expect(d.columns.map((c) => c.field)).toEqual(['name', 'id_number', 'relation'])
  })

  it('skips a merged title and a second title row, and maps the whole legacy layout', () => {
    const title: (string | null)[] = ['某某县2024年建档立卡户花名册', ...LEGACY.slice(1).map(() => null)]
    const note: (string | null)[] = ['填报单位：某某乡（盖章）', null, null, null, null, null, null, null, null, null, '填报日期：2024年5月']
    const grid: Grid = [title, note, LEGACY, ['1', '某某县']]
    const d = detectHeader(grid)!
    expect(d.headerRowIndex).toBe(2)
    expect(d.headerRowCount).toBe(1)
    expect(d.columns).toHaveLength(LEGACY.length)
    expect(d.columns.every((c) => c.field !== null)).toBe(true)
    expect(d.columns[1]).toEqual({ index: 1, letter: 'B', header: '县(市、区、旗)', field: 'county' })
    expect(d.columns[16]!.field).toBe('work_months')
    expect(d.columns[24]!.field).toBe('per_capita_net_income_fen')
  })

  it('reads headers with line breaks, spaces and full-width characters', () => {
    const d = detectHeader([['姓\n名', '身份证\r\n号码', '人均纯收入\n（元）', '务工时间\n（月）']])!
    expect(d.columns.map((c) => c.header)).toEqual(['姓名', '身份证号码', '人均纯收入（元）', '务工时间（月）'])
    expect(d.columns.map((c) => c.field)).toEqual(['name', 'id_number', 'per_capita_net_income_fen', 'work_months'])
  })

  it('understands a two-level header with cells merged down and a group over children', () => {
    const grid: Grid = [
      ['花名册', null, null, null, null, null, null],
      ['序号', '姓名', '证件号码', '收入情况（元）', null, null, '备注'],
      [null, null, null, '工资性收入', '转移性收入', '人均纯收入', null],
      ['1', '张三', 'x', 100, 200, 300, ''],
    ]
    const d = detectHeader(grid)!
    expect(d.headerRowIndex).toBe(2)
    expect(d.headerRowCount).toBe(2)
    expect(d.firstDataRowIndex).toBe(3)
    expect(d.columns.map((c) => c.header)).toEqual([
      '序号', '姓名', '证件号码', '收入情况（元）/工资性收入', '收入情况（元）/转移性收入', '收入情况（元）/人均纯收入', '备注',
    ])
    expect(d.columns.map((c) => c.field)).toEqual([
      'seq', 'name', 'id_number', 'wage_income_fen', 'transfer_income_fen', 'per_capita_net_income_fen', null,
    ])
  })

  it('understands a two-level header whose top row is all groups', () => {
    const grid: Grid = [
      ['基本信息', null, null, '资金来源', null],
      ['姓名', '证件号码', '与户主关系', '中央', '户主姓名'],
      ['张三', 'x', '户主', 1, '张三'],
    ]
    const d = detectHeader(grid)!
    expect(d.headerRowIndex).toBe(1)
    expect(d.headerRowCount).toBe(2)
    expect(d.columns.map((c) => c.header)).toEqual(['基本信息/姓名', '基本信息/证件号码', '基本信息/与户主关系', '资金来源/中央', '资金来源/户主姓名'])
    expect(d.columns.map((c) => c.field)).toEqual(['name', 'id_number', 'relation', null, 'head_name'])
  })

  it("reads '户主' over '姓名' as 户主姓名", () => {
    const grid: Grid = [
      ['户主', null, '人数', '联系电话'],
      ['姓名', '身份证号', null, null],
    ]
    const d = detectHeader(grid)!
    expect(d.columns.map((c) => c.field)).toEqual(['head_name', 'head_id_number', 'declared_size', 'phone'])
  })

  it('keeps a duplicate header as an unknown column and reports it', () => {
    const d = detectHeader([['姓名', '身份证号', '姓名', '证件号码', '备注']])!
    expect(d.columns.map((c) => c.field)).toEqual(['name', 'id_number', null, null, null])
    expect(d.duplicates.map((c) => [c.index, c.header, c.duplicateOf])).toEqual([
      [2, '姓名', { index: 0, field: 'name' }],
      [3, '证件号码', { index: 1, field: 'id_number' }],
    ])
  })

  it('skips a row of column numbers under the header', () => {
    const d = detectHeader([['姓名', '证件号码', '与户主关系'], [1, 2, 3], ['张三', 'x', '户主']])!
    expect(d.headerRowIndex).toBe(0)
    expect(d.firstDataRowIndex).toBe(2)
  })

  it('returns null without a plausible header, or when it lies beyond maxScanRows', () => {
    expect(detectHeader([['某某县花名册'], ['张三', '男']])).toBeNull()
    const grid: Grid = [...Array.from({ length: 5 }, () => [null]), ['姓名', '证件号码']]
    expect(detectHeader(grid, { maxScanRows: 5 })).toBeNull()
    expect(detectHeader(grid)!.headerRowIndex).toBe(5)
  })
})
