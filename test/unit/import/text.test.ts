import { describe, expect, it } from 'vitest'
import { cellToText, columnLetter, isBlankCell } from '../../../shared/import/cells'
import { cleanCell, normaliseHeaderText, toHalfWidth } from '../../../shared/import/text'

describe('toHalfWidth', () => {
  it('converts full-width digits, letters, brackets, punctuation and the ideographic space', () => {
    expect(toHalfWidth('４１０１０２ＡＢｘ（元）：，　')).toBe('410102ABx(元):, ')
  })
  it('leaves Chinese characters and 、 alone', () => {
    expect(toHalfWidth('县（市、区、旗）')).toBe('县(市、区、旗)')
  })
})

describe('cleanCell', () => {
  it('code mode removes every space and line break and forcing tricks', () => {
    expect(cleanCell(' ４１０１ ０２\n１９９０ ', 'code')).toBe('4101021990')
    expect(cleanCell("'410102", 'code')).toBe('410102')
    expect(cleanCell('="0123"', 'code')).toBe('0123')
    expect(cleanCell('\u200B138\u00A01234', 'code')).toBe('1381234')
  })
  it('name mode drops padding between Chinese characters but keeps Latin word spaces', () => {
    expect(cleanCell(' 张　 三 ', 'name')).toBe('张三')
    expect(cleanCell('阿依古丽 · 买买提', 'name')).toBe('阿依古丽·买买提')
    expect(cleanCell('John  Smith', 'name')).toBe('John Smith')
  })
  it('text mode collapses whitespace and keeps Chinese punctuation', () => {
    expect(cleanCell('  家中\n有２人，务工。 ')).toBe('家中 有2人，务工。')
  })
})

describe('normaliseHeaderText', () => {
  it('removes whitespace and line breaks, half-widths and unifies brackets', () => {
    expect(normaliseHeaderText('人均纯收入\n（元）')).toBe('人均纯收入(元)')
    expect(normaliseHeaderText('务工时间【月】')).toBe('务工时间(月)')
    expect(normaliseHeaderText(' 身 份 证\r\n号 码 ')).toBe('身份证号码')
  })
  it('drops a header typed twice only when both halves are identical', () => {
    expect(normaliseHeaderText('姓名姓名')).toBe('姓名')
    expect(normaliseHeaderText('姓名 姓名')).toBe('姓名')
    expect(normaliseHeaderText('姓名名姓')).toBe('姓名名姓')
    expect(normaliseHeaderText('县县')).toBe('县县')
  })
})

describe('cells', () => {
  it('reads blank cells and text forms', () => {
    expect(isBlankCell(null)).toBe(true)
    expect(isBlankCell(' \n')).toBe(true)
    expect(isBlankCell(0)).toBe(false)
    expect(cellToText(new Date(Date.UTC(2016, 2, 5)))).toBe('2016-03-05')
    expect(cellToText(12.5)).toBe('12.5')
    expect(cellToText(true)).toBe('TRUE')
  })
  it('names columns like Excel', () => {
    expect(columnLetter(0)).toBe('A')
    expect(columnLetter(25)).toBe('Z')
    expect(columnLetter(26)).toBe('AA')
    expect(columnLetter(27)).toBe('AB')
    expect(columnLetter(701)).toBe('ZZ')
    expect(columnLetter(702)).toBe('AAA')
  })
})
