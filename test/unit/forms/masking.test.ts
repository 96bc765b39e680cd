import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskPhone } from '../../../shared/domain/id-number'

describe('masking for printed notices and exports', () => {
  it('keeps the first 4 and last 4 characters of an ID number and its length', () => {
    expect(maskIdNumber('410101199001011234')).toBe('4101**********1234')
    expect(maskIdNumber('41010119900101123X')).toBe('4101**********123X')
    // Old 15-digit numbers and 残疾人证 numbers keep their length too.
    expect(maskIdNumber('410101900101123')).toBe('4101*******1123')
    expect(maskIdNumber('41010119900101123462')).toHaveLength(20)
    expect(maskIdNumber('41010119900101123462')).toBe('4101************3462')
  })

  it('never shows more than it hides on short values', () => {
    expect(maskIdNumber('12345678')).toBe('******78')
    expect(maskIdNumber('')).toBe('')
  })

  it('masks a mobile number as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('15900001111')).toBe('159****1111')
    // Too short to be a phone number: left as it is.
    expect(maskPhone('12345')).toBe('12345')
  })
})
