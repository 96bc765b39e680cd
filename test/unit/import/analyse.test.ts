import { describe, expect, it } from 'vitest'
import type { Grid } from '../../../shared/import/cells'
import { analyseRoster } from '../../../shared/import/analyse'
import { DuplicateIdTracker } from '../../../shared/import/rules'
import { makeId, withBadCheck } from './helpers'

const A = makeId('19650312', '011')
const B = makeId('19670820', '022')
const C = makeId('19900101', '031')

describe('analyseRoster', () => {
  it('runs a whole sheet: title rows, households and issues in row order', () => {
    const grid: Grid = [
      ['某某县2024年脱贫户花名册', null, null, null, null],
      ['序号', '姓名', '证件号码', '与户主关系', '人数'],
      [1, '张三', A, '户主', 3],
      [2, '李四', withBadCheck(B), '配偶', null],
      [3, '王五', C, '户主', 1],
      [4, '王六', C, '之子', null],
    ]
    const r = analyseRoster(grid)
    expect(r.shape).toBe('per_person')
    expect(r.households.map((h) => h.rows.map((x) => x.excelRow))).toEqual([[3, 4], [5, 6]])
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([
      ['size_mismatch', 3], ['bad_check_char', 4], ['duplicate_id', 5], ['size_mismatch', 5], ['duplicate_id', 6],
    ])
    expect(r.otherSourceIssues).toEqual([])
  })

  it('reports a sheet without a header', () => {
    const r = analyseRoster([['说明'], ['这是一张空表']])
    expect(r.layout).toBeNull()
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['no_header', 'error']])
  })

  it('hands duplicate hits on an earlier sheet back separately', () => {
    const tracker = new DuplicateIdTracker()
    const sheet = (id: string): Grid => [['姓名', '证件号码', '与户主关系'], ['张三', id, '户主']]
    analyseRoster(sheet(A), { tracker, source: '一组' })
    const r = analyseRoster(sheet(A), { tracker, source: '二组' })
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([['duplicate_id', 2]])
    expect(r.otherSourceIssues.map((h) => [h.source, h.issue.row])).toEqual([['一组', 2]])
  })
})
