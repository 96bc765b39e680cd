import { describe, expect, it } from 'vitest'
import { idCheckChar, maskIdNumber, maskPhone, parseIdNumber } from '../../../shared/domain/id-number'

const valid = (first17: string) => first17 + idCheckChar(first17)

describe('ID numbers (GB 11643)', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    // The standard's worked example.
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(parseIdNumber('11010519491231002X')).toEqual({ value: '11010519491231002X', kind: 'id18', birthDate: '1949-12-31', sex: '女' })
  })

  it('reads sex from the parity of the sequence and the birth date', () => {
    const id = valid('41990119850307001')
    expect(parseIdNumber(id)).toMatchObject({ sex: '男', birthDate: '1985-03-07' })
    expect(parseIdNumber(id.toLowerCase()).problem).toBeUndefined()
  })

  it('flags a wrong check character, and a tail of zeros as digits lost to Excel', () => {
    const id = valid('41990119850307001')
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
    expect(parseIdNumber(wrong).problem).toBe('bad_check_char')
    expect(parseIdNumber('419901198503070000').problem).toBe('digits_lost')
    expect(parseIdNumber('4.19901E+17').problem).toBe('scientific_notation')
  })

  it('accepts old 15-digit numbers and disability certificate numbers', () => {
    expect(parseIdNumber('419901850307001')).toMatchObject({ kind: 'id15', birthDate: '1985-03-07', sex: '男' })
    const id = valid('41990119850307002')
    expect(parseIdNumber(`${id}42`)).toMatchObject({ kind: 'disability', birthDate: '1985-03-07', sex: '女' })
  })

  it('rejects impossible dates and wrong lengths', () => {
    expect(parseIdNumber(valid('41990119850230001')).problem).toBe('bad_birth_date')
    expect(parseIdNumber('12345').problem).toBe('bad_format')
    expect(parseIdNumber('  ').problem).toBe('empty')
  })

  it('masks for lists and notices', () => {
    expect(maskIdNumber('410101199001011234')).toBe('4101**********1234')
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
})
