import fs from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { CsvParser, detectCsvEncoding, readCsvRows, sniffDelimiter } from '../../../electron/core/spreadsheets/read/csv'
import { MAX_CELL_CHARS, MAX_COLUMNS, type ReadProgress } from '../../../electron/core/spreadsheets/read/types'
import { caught, collect, encodeGbk, fakeId, tempDir } from './helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

const ID = fakeId('41010219900101123')
const TEXT = `示例县建档立卡户花名册,,,\r\n姓名,证件号码,与户主关系,备注\r\n张三,${ID},户主,\r\n李四,${ID},配偶,"住址：示例村1组,2号"\r\n`
const EXPECTED = [
  { rowNumber: 1, cells: ['示例县建档立卡户花名册'] },
  { rowNumber: 2, cells: ['姓名', '证件号码', '与户主关系', '备注'] },
  { rowNumber: 3, cells: ['张三', ID, '户主'] },
  { rowNumber: 4, cells: ['李四', ID, '配偶', '住址：示例村1组,2号'] },
]

function write(name: string, bytes: Buffer | string): string {
  const file = tmp.file(name)
  fs.writeFileSync(file, bytes)
  return file
}

describe('encoding detection', () => {
  it('GBK bytes of 姓名 are D0 D5 C3 FB (the test encoder is right)', () => {
    expect([...encodeGbk('姓名')]).toEqual([0xd0, 0xd5, 0xc3, 0xfb])
    expect(new TextDecoder('gb18030').decode(encodeGbk('张三'))).toBe('张三')
  })

  it('reads UTF-8 with a BOM', async () => {
    const file = write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))
    expect(await detectCsvEncoding(file)).toBe('utf-8')
    expect(await collect(readCsvRows(file))).toEqual(EXPECTED)
  })

  it('reads UTF-8 without a BOM', async () => {
    const file = write('plain.csv', TEXT)
    expect(await detectCsvEncoding(file)).toBe('utf-8')
    expect(await collect(readCsvRows(file))).toEqual(EXPECTED)
  })

  it('reads GBK, as Chinese Excel and WPS save CSV', async () => {
    const file = write('gbk.csv', encodeGbk(TEXT))
    expect(await detectCsvEncoding(file)).toBe('gb18030')
    expect(await collect(readCsvRows(file))).toEqual(EXPECTED)
  })

  it('reads GBK that only turns non-ASCII after the first megabyte', async () => {
    const filler = 'xiaoming,123\n'.repeat(90_000)
    const file = write('late-gbk.csv', Buffer.concat([Buffer.from(filler), encodeGbk('张三,户主\n')]))
    expect(await detectCsvEncoding(file)).toBe('gb18030')
    const rows = await collect(readCsvRows(file))
    expect(rows.at(-1)).toEqual({ rowNumber: 90_001, cells: ['张三', '户主'] })
  })

  it("reads UTF-16 LE with a BOM (Excel's 「Unicode 文本」, tab separated)", async () => {
    const text = '姓名\t证件号码\r\n张三\t' + ID + '\r\n'
    const file = write('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    expect(await collect(readCsvRows(file))).toEqual([
      { rowNumber: 1, cells: ['姓名', '证件号码'] },
      { rowNumber: 2, cells: ['张三', ID] },
    ])
  })

  it('keeps characters whole across 64 KB chunk boundaries, in UTF-8 and GBK', async () => {
    const lines = Array.from({ length: 8000 }, (_, i) => `第${i}户,张三丰${i},"示例村${i % 7}组"`)
    const text = lines.join('\n') + '\n'
    for (const [name, bytes] of [['big-utf8.csv', Buffer.from(text)], ['big-gbk.csv', encodeGbk(text)]] as const) {
      const rows = await collect(readCsvRows(write(name, bytes)))
      expect(rows).toHaveLength(8000)
      expect(rows.every((r, i) => r.cells[1] === `张三丰${i}` && r.cells[2] === `示例村${i % 7}组`)).toBe(true)
    }
  })
})

describe('RFC 4180 parsing', () => {
  const parse = (text: string, delimiter: ',' | '\t' = ','): unknown[] => {
    const p = new CsvParser(delimiter)
    return [...p.push(text), ...p.end()].map((r) => [r.rowNumber, r.cells])
  }

  it('handles quoted commas, doubled quotes, line breaks inside quotes and CRLF', () => {
    expect(parse('a,"b,c","say ""hi""","line1\r\nline2"\r\nd,e\r\n')).toEqual([
      [1, ['a', 'b,c', 'say "hi"', 'line1\nline2']],
      [2, ['d', 'e']],
    ])
  })

  it('numbers records as Excel numbers rows: a line break inside quotes is not a new row', () => {
    expect(parse('"多行\n备注",x\n\n第三行\n')).toEqual([
      [1, ['多行\n备注', 'x']],
      [3, ['第三行']],
    ])
  })

  it('accepts LF, CRLF and lone CR, and a last line without a line break', () => {
    expect(parse('a\rb\r\nc\nd')).toEqual([
      [1, ['a']],
      [2, ['b']],
      [3, ['c']],
      [4, ['d']],
    ])
  })

  it('gives null for empty fields and drops trailing ones', () => {
    expect(parse(',a,,\n,,\n')).toEqual([[1, [null, 'a']]])
  })

  it('is lenient with stray quotes, as Excel is', () => {
    expect(parse('ab"c,"d"e\n')).toEqual([[1, ['ab"c', 'de']]])
  })

  it('unwraps ="…", which some systems export to keep leading zeros', () => {
    expect(parse(`="${ID}","=""0012"""\n`)).toEqual([[1, [ID, '0012']]])
  })

  it('works when a chunk boundary falls anywhere, even between CR and LF or inside a doubled quote', () => {
    const text = 'a,"x""y",\r\n"p\r\nq",r\r\n'
    const whole = parse(text)
    for (let cut = 1; cut < text.length; cut++) {
      const p = new CsvParser(',')
      const rows = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)), ...p.end()].map((r) => [r.rowNumber, r.cells])
      expect(rows).toEqual(whole)
    }
  })

  it('sniffs tab against comma from the first lines', () => {
    expect(sniffDelimiter('姓名\t证件号码\t备注\n张三\t1\t"a,b"\n')).toBe('\t')
    expect(sniffDelimiter('姓名,证件号码\n张三,1\n')).toBe(',')
    expect(parse('姓名\t住址\n张三\t示例村,1组\n', '\t')).toEqual([
      [1, ['姓名', '住址']],
      [2, ['张三', '示例村,1组']],
    ])
  })
})

describe('caps on pathological input', () => {
  it(`drops fields past ${MAX_COLUMNS} and cuts unquoted fields past ${MAX_CELL_CHARS} characters, flagging the row`, async () => {
    const wide = Array.from({ length: MAX_COLUMNS + 200 }, (_, i) => `c${i}`).join(',')
    const file = write('wide.csv', `${wide}\n${'长'.repeat(MAX_CELL_CHARS + 5)},x\nok\n`)
    const rows = await collect(readCsvRows(file))
    expect(rows[0]!.cells).toHaveLength(MAX_COLUMNS)
    expect(rows[0]!.truncated).toBe(true)
    expect((rows[1]!.cells[0] as string).length).toBe(MAX_CELL_CHARS)
    expect(rows[1]!.cells[1]).toBe('x')
    expect(rows[1]!.truncated).toBe(true)
    expect(rows[2]).toEqual({ rowNumber: 3, cells: ['ok'] })
  })

  it('stops on an unmatched quote that swallows the rest of the file, naming the row', async () => {
    const body = Array.from({ length: 5000 }, (_, i) => `张三${i},户主`).join('\n')
    const file = write('unbalanced.csv', `姓名,关系\n李四,"配偶\n${body}\n`)
    const err = await caught(() => collect(readCsvRows(file)))
    expect(err.code).toBe('file_unreadable')
    expect(err.message).toBe(
      '第 2 行有一个双引号没有配对（或有单元格超过 32767 个字符），后面的内容被连成了一整格，无法正确读取。请用 Excel 或 WPS 打开这个文件，检查第 2 行前后，然后点「文件 → 另存为」保存为「Excel 工作簿（*.xlsx）」再导入。',
    )
  })
})

describe('readCsvRows progress and cancelling', () => {
  it('reports bytes up to the file size', async () => {
    const file = write('progress.csv', TEXT.repeat(3000))
    const seen: ReadProgress[] = []
    let bytes = 0
    await collect(readCsvRows(file, { onProgress: (p) => seen.push(p), onBytes: (b) => (bytes = b) }))
    expect(seen.length).toBeGreaterThan(1)
    expect(seen.at(-1)!.bytesRead).toBe(fs.statSync(file).size)
    expect(bytes).toBe(fs.statSync(file).size)
  })

  it('stops with code cancelled', async () => {
    const file = write('cancel.csv', TEXT)
    const signal = { aborted: false }
    const err = await caught(async () => {
      for await (const _row of readCsvRows(file, { signal })) signal.aborted = true
    })
    expect(err.code).toBe('cancelled')
  })
})

describe('damaged text is refused where it is, not read as something else', () => {
  /** A roster of `n` rows in UTF-8 (no BOM), long enough that its damage sits well past the first 8 KB. */
  function rosterText(n: number): string {
    const lines = ['示例县建档立卡户花名册', '姓名,证件号码,与户主关系,住址']
    for (let i = 0; i < n; i++) lines.push(`张${'三四五六七'[i % 5]}${i},${ID},${i % 3 === 0 ? '户主' : '之子'},"示例村${i % 9}组,${i}号"`)
    return `${lines.join('\r\n')}\r\n`
  }

  it('a UTF-8 file with one invalid byte names the row and column of that byte', async () => {
    const text = rosterText(400)
    const bytes = Buffer.from(text, 'utf8')
    // Inside the 住址 of record 300 (data row 298): replace the first byte of 村 with 0xFF.
    const line = text.split('\r\n')[299]!
    const at = Buffer.byteLength(text.slice(0, text.indexOf(line)), 'utf8') + Buffer.byteLength(line.slice(0, line.indexOf('村')), 'utf8')
    bytes[at] = 0xff
    const file = write('damaged-utf8.csv', bytes)
    const err = await caught(() => collect(readCsvRows(file)))
    expect(err.code).toBe('file_unreadable')
    expect(err.message).toContain('UTF-8')
    expect(err.message).toContain('第 300 行第 4 列（D 列）有一个无法识别的字节（0xFF）')
  })

  it('a few stray bytes: the first is named, the others counted', async () => {
    const text = rosterText(300)
    const bytes = Buffer.from(text, 'utf8')
    const second = text.split('\r\n')[10]!
    const at = Buffer.byteLength(text.slice(0, text.indexOf(second) + second.indexOf(ID)), 'utf8')
    bytes[at] = 0xc0 // a lead byte that is never UTF-8, over the first digit of record 11's ID
    bytes[bytes.length - 3] = 0x80 // a lone continuation byte over the last closing quote
    const err = await caught(() => collect(readCsvRows(write('two-bad.csv', bytes))))
    expect(err.message).toContain('第 11 行第 2 列（B 列）有一个无法识别的字节（0xC0）（全文共 2 处这样的字节，这是第一处）')
  })

  it('GBK stays GBK: its Chinese is nowhere near valid UTF-8', async () => {
    const text = rosterText(300)
    const rows = await collect(readCsvRows(write('gbk-roster.csv', encodeGbk(text))))
    expect(rows[2]!.cells[0]).toBe('张三0')
    expect(rows).toHaveLength(302)
  })

  it('a NUL byte past the first 8 KB is refused with its row, not stored in a name', async () => {
    const text = rosterText(400)
    const line = text.split('\r\n')[350]!
    const at = text.indexOf(line) + 1
    const withNul = `${text.slice(0, at)}\u0000${text.slice(at)}`
    expect(Buffer.byteLength(text.slice(0, at))).toBeGreaterThan(8 * 1024)
    for (const [name, bytes] of [['nul-utf8.csv', Buffer.from(withNul, 'utf8')], ['nul-gbk.csv', encodeGbk(withNul)]] as const) {
      const err = await caught(() => collect(readCsvRows(write(name, bytes))))
      expect(err, name).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('第 351 行第 1 列（A 列）含有一个空字符') })
    }
  })
})
