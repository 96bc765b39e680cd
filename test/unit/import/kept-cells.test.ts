import { describe, expect, it } from 'vitest'
import { KeptCells, KeptKeys, createColumnInterner, createInterner } from '../../../shared/import/kept-cells'
import { detectHeader } from '../../../shared/import/header-detect'
import { readRows } from '../../../shared/import/rows'

/** The kept cells of a row: the positions given are those of the non-blank ones. */
const row = (keys: KeptKeys, cells: Record<number, string>) => {
  const at = Object.keys(cells).map(Number).sort((a, b) => a - b)
  return new KeptCells(keys, at.map((i) => String.fromCharCode(i)).join(''), at.map((i) => cells[i]!))
}

describe('kept cells of a row', () => {
  it('give the same object and JSON as an object built cell by cell, blanks left out', () => {
    const keys = new KeptKeys(['备注', '致贫/返贫风险1', '是否"特殊"', '联系电话'])
    const kept = row(keys, { 0: '老党员', 2: '是\n否', 3: '13800000000' })
    expect(keys.simple).toBe(true)
    expect(kept.toRecord()).toEqual({ 备注: '老党员', '是否"特殊"': '是\n否', 联系电话: '13800000000' })
    expect(Object.keys(kept.toRecord())).toEqual(['备注', '是否"特殊"', '联系电话'])
    expect(kept.toJson()).toBe(JSON.stringify(kept.toRecord()))
    expect(kept.get('联系电话')).toBe('13800000000')
    expect(kept.get('致贫/返贫风险1')).toBeUndefined()
    expect(kept.get('没有这一列')).toBeUndefined()
    expect(kept.size).toBe(3)
    expect(row(keys, {}).toJson()).toBeNull()
  })

  it('keep an object’s order and overwriting where keys are numbers or repeat', () => {
    const keys = new KeptKeys(['备注', '2023', '备注', '1'])
    expect(keys.simple).toBe(false)
    const kept = row(keys, { 0: 'a', 1: 'x', 2: 'b', 3: 'y' })
    const byHand: Record<string, string> = {}
    for (const [k, v] of [['备注', 'a'], ['2023', 'x'], ['备注', 'b'], ['1', 'y']] as const) byHand[k] = v
    expect(kept.toJson()).toBe(JSON.stringify(byHand))
    expect(kept.get('备注')).toBe('b')
    const seen: string[] = []
    kept.forEach((k) => seen.push(k))
    expect(seen).toEqual(Object.keys(byHand))
  })

  it('come from the row reader, one key list for the sheet, the object still readable as extra', () => {
    const grid = [
      ['姓名', '证件号码', '与户主关系', '备注', '是否在档'],
      ['张三', '522729198001010011', '户主', '老党员', '是'],
      ['李四', '522729198201010022', '配偶', null, '是'],
    ]
    const [a, b] = readRows(grid, detectHeader(grid)!)
    expect(a!.kept!.keys).toBe(b!.kept!.keys)
    expect(a!.extra).toEqual({ 备注: '老党员', 是否在档: '是' })
    expect(b!.extra).toEqual({ 是否在档: '是' })
    expect(KeptCells.fromRecord(a!.extra).toJson()).toBe(a!.kept!.toJson())
  })

  it('write each row\'s JSON exactly, values repeated or changed from row to row (the per-key text kept)', () => {
    const keys = new KeptKeys(['户编号', '是否"特殊"', '备注', '联系电话'])
    const rows: Record<number, string>[] = [
      { 0: '001', 1: '是', 3: '13800000000' },
      { 0: '001', 1: '是', 2: 'a\\b\n"c"', 3: '13800000001' },
      { 0: '001', 2: 'a\\b\n"c"' },
      { 0: '002', 1: '否', 2: '\u2028x', 3: '13800000001' },
      { 1: '否' },
      { 0: '002', 1: '是', 2: '' },
    ]
    for (const cells of rows) {
      const kept = row(keys, cells)
      expect(kept.toJson()).toBe(JSON.stringify(kept.toRecord()))
      expect(JSON.parse(kept.toJson()!)).toEqual(kept.toRecord())
    }
  })
})

describe('interning kept values', () => {
  it('the per-column interner gives back each value unchanged, as the shared one does, whatever a column repeats', () => {
    const intern = createColumnInterner(24)
    const base = createInterner(24)
    const fresh = (s: string) => s.split('').join('')
    for (let r = 0; r < 3000; r++) {
      // Column 0 repeats a few values, column 1 is distinct on every row, column 2 repeats on runs of rows.
      for (const [c, v] of [[0, r % 3 ? '是' : '否'], [1, `52272919800101${String(r).padStart(4, '0')}`], [2, `户${Math.floor(r / 4)}`], [3, 'x'.repeat(30)]] as const) {
        const s = fresh(v)
        const got = intern(c, s)
        expect(got).toBe(v)
        expect(got).toBe(base(fresh(v)))
      }
    }
  })
})

