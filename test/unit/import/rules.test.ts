import { describe, expect, it } from 'vitest'
import type { CellValue, Grid } from '../../../shared/import/cells'
import { detectHeader } from '../../../shared/import/header-detect'
import { type ParsedRow, groupHouseholds, readRows } from '../../../shared/import/rows'
import {
  DuplicateIdTracker, headerIssues, idDedupeKey, idInOtherHouseholdIssue, validateHousehold, validateMemberRow,
} from '../../../shared/import/rules'
import { makeId, withBadCheck } from './helpers'

const MAN = makeId('19650312', '011')
const WOMAN = makeId('19670820', '022')
const BOY = makeId('19900101', '031')

const HEADER = ['户编号', '姓名', '性别', '出生日期', '身份证号码', '与户主关系', '人数', '文化程度', '户联系电话', '致贫原因1']

function sheet(...data: CellValue[][]): { grid: Grid; rows: ParsedRow[] } {
  const grid: Grid = [HEADER, ...data]
  return { grid, rows: readRows(grid, detectHeader(grid)!) }
}

const codes = (issues: { code: string; row: number }[]): [string, number][] => issues.map((i) => [i.code, i.row])

describe('validateMemberRow', () => {
  it('passes a clean row', () => {
    const { rows } = sheet(['H1', '张三', '男', '1965-03-12', MAN, '户主', 1, '初中', '13812345678', '因病'])
    expect(validateMemberRow(rows[0]!)).toEqual([])
  })

  it('reports an ID typed as a number as an error naming row, column and the digits Excel kept', () => {
    const { rows } = sheet(['H1', '张三', '男', null, Number(MAN), '户主'])
    const [i] = validateMemberRow(rows[0]!)
    expect(i).toMatchObject({ row: 2, column: '身份证号码', field: 'id_number', severity: 'error', code: 'id_number_cell',
      value: `${MAN.slice(0, 15)}000` })
    expect(i!.message).toContain('第2行「身份证号码」')
    expect(i!.message).toContain(`${MAN.slice(0, 15)}000`)
    expect(i!.message).toContain('文本')
  })

  it('reports scientific notation and a wrong check character with the expected one', () => {
    const { rows } = sheet(['H1', '张三', '男', null, '4.10102E+17', '户主'], ['H1', '李四', '女', null, withBadCheck(WOMAN), '配偶'])
    expect(codes(validateMemberRow(rows[0]!))).toEqual([['scientific_notation', 2]])
    const [bad] = validateMemberRow(rows[1]!)
    expect(bad).toMatchObject({ code: 'bad_check_char', severity: 'error', row: 3, value: withBadCheck(WOMAN) })
    expect(bad!.message).toContain(`应为「${WOMAN[17]}」`)
  })

  it('warns on birth date and sex disagreeing with the ID, and relation against sex', () => {
    const { rows } = sheet(['H1', '张小', '女', '1990-01-02', BOY, '之子'])
    const issues = validateMemberRow(rows[0]!)
    expect(issues.map((i) => [i.code, i.severity, i.column, i.value])).toEqual([
      ['id_birth_mismatch', 'warning', '出生日期', '1990-01-02'],
      ['id_sex_mismatch', 'warning', '性别', '女'],
      ['relation_sex', 'warning', '与户主关系', '之子'],
    ])
    expect(issues[0]!.message).toBe('第2行「出生日期」为「1990-01-02」，与证件号码中的出生日期「1990-01-01」不一致（张小）。请核对后改正其中一项。')
  })

  it('compares a month-only birth date by its month', () => {
    const { rows } = sheet(['H1', '张小', '男', '1990年1月', BOY, '之子'])
    expect(validateMemberRow(rows[0]!)).toEqual([])
  })

  it('checks relation against the ID when 性别 is blank', () => {
    const { rows } = sheet(['H1', '李四', null, null, WOMAN, '之子'])
    expect(codes(validateMemberRow(rows[0]!))).toEqual([['relation_sex', 2]])
  })

  it('reports a missing name (error), a missing ID and an old 15-digit ID (warnings)', () => {
    const { rows } = sheet(['H1', null, '男', null, MAN, '户主'], ['H1', '李四', '女', null, null, '配偶'],
      ['H1', '张老', '男', null, '410102400101011', '之父'])
    expect(validateMemberRow(rows[0]!).map((i) => [i.code, i.severity])).toEqual([['missing_name', 'error']])
    expect(validateMemberRow(rows[1]!).map((i) => [i.code, i.severity])).toEqual([['missing_id', 'warning']])
    expect(validateMemberRow(rows[2]!).map((i) => [i.code, i.severity])).toEqual([['id15', 'warning']])
  })

  it('reports an unknown enumeration value as a warning with the options', () => {
    const { rows } = sheet(['H1', '张三', '男', null, MAN, '户主', null, '扫盲班'])
    const [i] = validateMemberRow(rows[0]!)
    expect(i).toMatchObject({ code: 'unknown_enum', severity: 'warning', row: 2, column: '文化程度', value: '扫盲班' })
    expect(i!.message).toContain('标准选项：文盲或半文盲、小学')
  })
})

describe('validateHousehold', () => {
  const check = (...data: CellValue[][]) => {
    const { grid, rows } = sheet(...data)
    return groupHouseholds(rows, detectHeader(grid)!).flatMap((h) => validateHousehold(h))
  }

  it('passes a complete household', () => {
    expect(check(['H1', '张三', '男', null, MAN, '户主', 2], ['H1', '李四', '女', null, WOMAN, '配偶', 2])).toEqual([])
  })

  it('reports a household without 户主', () => {
    const issues = check(['H1', '李四', '女', null, WOMAN, '配偶'], ['H1', '张小', '男', null, BOY, '之子'])
    expect(issues.map((i) => [i.code, i.severity, i.row, i.column])).toEqual([['no_head', 'error', 2, '与户主关系']])
    expect(issues[0]!.message).toContain('户编号 H1')
  })

  it('reports two 户主 on the second one', () => {
    const issues = check(['H1', '张三', '男', null, MAN, '户主'], ['H1', '张小', '男', null, BOY, '户主'])
    expect(codes(issues)).toEqual([['two_heads', 3]])
    expect(issues[0]!.message).toContain('第2行已是户主')
  })

  it('reports 人数 differing from the members listed', () => {
    const issues = check(['H1', '张三', '男', null, MAN, '户主', 4], ['H1', '李四', '女', null, WOMAN, '配偶'])
    expect(issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([['size_mismatch', 2, '人数', '4']])
    expect(issues[0]!.message).toBe('第2行「人数」填的是 4 人，但这一户（户编号 H1）名单中列出 2 人。请核对人数，或补全、删去家庭成员。')
  })

  it('reports two 配偶 and a 配偶 of the head’s sex', () => {
    const issues = check(['H1', '张三', '男', null, MAN, '户主'], ['H1', '王二', '男', null, BOY, '配偶'],
      ['H1', '李四', '女', null, WOMAN, '配偶'])
    expect(codes(issues)).toEqual([['two_spouses', 4], ['spouse_same_sex', 3]])
  })

  it('reports a household cell problem once, and differing repeats', () => {
    const issues = check(['H1', '张三', '男', null, MAN, '户主', 2, null, '1381234567', '因病'],
      ['H1', '李四', '女', null, WOMAN, '配偶', 2, null, '1381234567', '缺资金'])
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['bad_phone', 2, '户联系电话'], ['household_conflict', 3, '致贫原因1'],
    ])
  })

  it('reports a split household and skips its other checks', () => {
    const issues = check(['H1', '张三', '男', null, MAN, '户主', 3], ['H2', '王五', '男', null, BOY, '户主', 1],
      ['H1', '李四', '女', null, WOMAN, '配偶', 3])
    expect(codes(issues)).toEqual([['size_mismatch', 2], ['household_split', 4]])
  })
})

describe('duplicate IDs', () => {
  it('flags both rows once, and every later repeat', () => {
    const { rows } = sheet(['H1', '张三', '男', null, MAN, '户主'], ['H1', '李四', '女', null, WOMAN, '配偶'],
      ['H2', '张三', '男', null, ` ${MAN.toLowerCase()}`, '户主'], ['H3', '张三', '男', null, MAN, '户主'])
    const t = new DuplicateIdTracker()
    const hits = rows.flatMap((r) => t.check(r))
    expect(hits.map((h) => [h.issue.code, h.issue.row, h.issue.severity, h.source])).toEqual([
      ['duplicate_id', 4, 'error', undefined], ['duplicate_id', 2, 'error', undefined], ['duplicate_id', 5, 'error', undefined],
    ])
    expect(hits[0]!.issue.message).toBe(
      `第4行「身份证号码」的「${MAN}」（张三）与第2行（张三）重复。同一人只能登记一次，请核对后改正或删去其中一行。`)
  })

  it('skips damaged IDs that would collide falsely', () => {
    const { rows } = sheet(['H1', '张三', '男', null, Number(MAN), '户主'], ['H2', '王五', '男', null, Number(MAN), '户主'])
    const t = new DuplicateIdTracker()
    expect(rows.flatMap((r) => t.check(r))).toEqual([])
  })

  it('works across files, naming the other file', () => {
    const t = new DuplicateIdTracker()
    expect(t.add({ idNumber: MAN, row: 7, column: '证件号码', name: '张三', source: 'a.xlsx / Sheet1' })).toEqual([])
    const hits = t.add({ idNumber: MAN, row: 3, column: '身份证号', name: '张三', source: 'b.xls / 花名册' })
    expect(hits.map((h) => [h.source, h.issue.row, h.issue.column])).toEqual([
      ['b.xls / 花名册', 3, '身份证号'], ['a.xlsx / Sheet1', 7, '证件号码'],
    ])
    expect(hits[0]!.issue.message).toContain('与「a.xlsx / Sheet1」第7行（张三）重复')
    expect(hits[1]!.issue.message).toContain('与「b.xls / 花名册」第3行（张三）重复')
    expect(t.has(MAN)).toBe(true)
  })

  it('treats an old 15-digit ID and its 18-digit form as one person', () => {
    const id18 = makeId('19400101', '011')
    const id15 = id18.slice(0, 6) + id18.slice(8, 17)
    expect(idDedupeKey(id15)).toBe(id18)
    expect(idDedupeKey(`${id18}11`)).toBe(id18)
  })
})

describe('message builders', () => {
  it('builds the ledger-side id_in_other_household error', () => {
    const i = idInOtherHouseholdIssue({ row: 9, column: '证件号码', idNumber: BOY, name: '张小', otherName: '张小',
      otherHouseholdNo: 'H9', otherHeadName: '王五', otherVillage: '甲村' })
    expect(i).toMatchObject({ row: 9, column: '证件号码', field: 'id_number', value: BOY, severity: 'error', code: 'id_in_other_household' })
    expect(i.message).toContain('在台账中已登记为甲村户主「王五」家（户编号 H9）的「张小」')
  })

  it('reports duplicate header columns on the header row', () => {
    const g: Grid = [['花名册'], ['姓名', '证件号码', '姓名']]
    const [i] = headerIssues(detectHeader(g)!)
    expect(i).toMatchObject({ row: 2, column: '姓名', code: 'duplicate_column', severity: 'warning', field: 'name' })
    expect(i!.message).toContain('第C列「姓名」与第A列「姓名」是同一项')
  })
})
