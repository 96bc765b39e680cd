import { describe, expect, it } from 'vitest'
import type { Grid } from '../../../../shared/import/cells'
import { detectHeader } from '../../../../shared/import/header-detect'
import { matchProjectField, statedUnit } from '../../../../shared/import/projects-fields'
import { analyseProjectGrid, readMoney } from '../../../../electron/core/projects/import/parse'

const source = { fileName: '项目.xlsx', sha256: 'x', sheet: 'Sheet1', sheets: [{ name: 'Sheet1' }] }
const analyse = (grid: Grid) => analyseProjectGrid(grid, source)
const issues = (grid: Grid) => analyse(grid).issues.map(({ row, column, severity, code }) => ({ row, column, severity, code }))

describe('project dictionary', () => {
  it('reads children in their group: a plain 县 under the funds group is 县级 funds, 户数 under 受益对象 is households', () => {
    expect(matchProjectField('县', '资金来源（万元）')).toBe('fund:县级')
    expect(matchProjectField('县', '资金规模及来源（万元）')).toBe('fund:县级')
    expect(matchProjectField('合计', '资金来源（万元）')).toBe('fund_total')
    expect(matchProjectField('中央', '资金来源')).toBe('fund:中央衔接资金')
    expect(matchProjectField('省级衔接资金', '资金来源（万元）')).toBe('fund:省级衔接资金')
    expect(matchProjectField('投工投劳', '资金来源（万元）')).toBe('fund:投工投劳')
    expect(matchProjectField('户数', '受益对象')).toBe('declared_households')
    expect(matchProjectField('其中脱贫户数', '受益对象')).toBe('declared_poor_households')
    expect(matchProjectField('县')).toBeNull()
    expect(matchProjectField('合计')).toBeNull()
    expect(matchProjectField('乡(镇)')).toBe('township')
    expect(matchProjectField('实施地点')).toBe('village')
    expect(matchProjectField('受益户数（户）')).toBe('declared_households')
    expect(matchProjectField('项目类型')).toBe('category')
    expect(matchProjectField('二级类型')).toBe('subtype')
    expect(matchProjectField('利益联结机制')).toBe('farmer_link')
    expect(matchProjectField('实施期限')).toBe('planned_end')
    expect(matchProjectField('主管部门')).toBe('responsible_unit')
    expect(statedUnit('资金来源（万元）/中央')).toBe('wan')
    expect(statedUnit('总投资（元）')).toBe('yuan')
    expect(statedUnit('单位：万元')).toBe('wan')
    expect(statedUnit('金额单位：元')).toBe('yuan')
    expect(statedUnit('总投资')).toBeNull()
    expect(statedUnit('补助标准（元/户）')).toBeNull()
  })

  it('finds a one-level header under a title, and none in a roster', () => {
    const d = detectHeader([['2024年项目计划表'], ['序号', '项目名称', '建设内容', '总投资（万元）']], { match: matchProjectField })
    expect(d?.headerRowIndex).toBe(1)
    expect(d?.columns.map((c) => c.field)).toEqual(['seq', 'name', 'content', 'fund_total'])
    expect(() => analyse([['序号', '姓名', '证件号码', '与户主关系', '乡镇', '村']])).toThrow(/没有找到项目清单的表头/)
  })
})

describe('project rows', () => {
  it('reads money exactly: 万元 text and numbers to 分, float noise cut at the 分, anything else refused', () => {
    expect(readMoney(0.1, 'wan')).toBe(100_000)
    expect(readMoney(0.30000000000000004, 'wan')).toBe(300_000)
    expect(readMoney('1,234.5', 'wan')).toBe(1_234_500_000)
    expect(readMoney('２.５万元', 'wan')).toBe(2_500_000)
    expect(readMoney('0.0000001', 'wan')).toBeNull()
    expect(readMoney('12000.50', 'yuan')).toBe(1_200_050)
    expect(readMoney('12000.505', 'yuan')).toBeNull()
    expect(readMoney(-1, 'wan')).toBeNull()
    expect(readMoney('十万', 'wan')).toBeNull()
  })

  it('errors: end before start, duplicate 项目编号, bad money naming the cell, missing name; warnings: 合计 differs, blank 绩效目标', () => {
    const head = [
      ['序号', '项目编号', '项目名称', '计划开工时间', '计划完工时间', '资金来源（元）', null, null, '绩效目标'],
      [null, null, null, null, null, '合计', '中央', '县', null],
    ]
    const grid: Grid = [
      ...head,
      [1, 'A1', '项目甲', '2024-05-01', '2024-03-01', 300, 100, 200, '目标'],
      [2, 'A1', '项目乙', null, null, 500, 100, 200, '目标'],
      [3, 'A3', '项目丙', null, null, null, 'abc', null, '目标'],
      [4, 'A4', null, null, null, 100, 100, null, null],
      [5, 'A5', '项目戊', null, null, null, null, null, null],
      ['合计', null, null, null, null, 900, 200, 400, null],
    ]
    expect(issues(grid)).toEqual([
      { row: 3, column: '计划完工时间', severity: 'error', code: 'end_before_start' },
      { row: 4, column: '项目编号', severity: 'error', code: 'duplicate_project_no' },
      { row: 4, column: '资金来源（元）/合计', severity: 'warning', code: 'total_mismatch' },
      { row: 5, column: '资金来源（元）/中央', severity: 'error', code: 'bad_money' },
      { row: 6, column: '项目名称', severity: 'error', code: 'missing_name' },
      { row: 7, column: '绩效目标', severity: 'warning', code: 'no_performance' },
    ])
    const list = analyse(grid)
    expect(list.issues.find((i) => i.code === 'bad_money')?.message).toContain('单元格 G5')
    expect(list.projects.map((p) => [p.excelRow, p.budget])).toEqual([
      [3, { 中央衔接资金: 10_000, 县级: 20_000 }],
      [4, { 中央衔接资金: 10_000, 县级: 20_000 }],
      [5, { 县级: 0 }],
      [7, { 中央衔接资金: 0, 县级: 0 }],
    ])
  })

  it('widens months and years, reads a 实施期限 range, skips section lines, keeps unreadable cells as written', () => {
    const grid: Grid = [
      ['序号', '项目名称', '年度', '实施期限', '受益户数', '说明'],
      ['一', '产业发展类', null, null, null, null],
      [1, '项目甲', '2024年', '2024.3-2024.10', '30户', null],
      [2, '项目乙', 2024, '2024年', '约30', '备用'],
      [3, '项目丙', 2024, '6个月', null, null],
    ]
    const list = analyse(grid)
    expect(list.projects.map((p) => [p.excelRow, p.values, p.extra])).toEqual([
      [3, { name: '项目甲', year: '2024', planned_start: '2024-03-01', planned_end: '2024-10-31', declared_households: 30 }, {}],
      [4, { name: '项目乙', year: '2024', planned_end: '2024-12-31' }, { 受益户数: '约30', 说明: '备用' }],
      [5, { name: '项目丙', year: '2024' }, { 实施期限: '6个月' }],
    ])
    expect(list.fields).toContain('planned_start')
    expect(list.dateFormats).toEqual({ planned_end: 'range:yyyy.mm' })
    expect(list.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [4, 'bad_number', 'warning'],
      [5, 'bad_date', 'warning'],
    ])
  })
})
