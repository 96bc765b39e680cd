import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sniffFile } from '../../../electron/core/spreadsheets/read/sniff'
import { buildOle2, buildZip, caught, encodeGbk, tempDir } from './helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

const SAVE_AS = '请用 Excel 或 WPS 打开它，点「文件 → 另存为」，保存类型选「Excel 工作簿（*.xlsx）」，再导入另存的文件。'
const DAMAGED =
  '文件不完整或已损坏（可能没有下载完、复制时中断，或保存时出错），无法读取。请重新下载或从原系统重新导出后再导入；如果 Excel 或 WPS 还能打开它，也可以另存为一个新的 .xlsx 文件再导入。'

let xlsx: string

function write(name: string, bytes: Buffer | string): string {
  const file = tmp.file(name)
  fs.writeFileSync(file, bytes)
  return file
}

async function rejection(file: string): Promise<{ code: string; message: string }> {
  const e = await caught(() => sniffFile(file))
  return { code: e.code, message: e.message }
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('花名册').getCell('A1').value = '姓名'
  xlsx = tmp.file('花名册.xlsx')
  await wb.xlsx.writeFile(xlsx)
})

describe('sniffFile recognises what it can read', () => {
  it('an .xlsx, whatever its name', async () => {
    expect(await sniffFile(xlsx)).toEqual({ format: 'xlsx' })
    expect(await sniffFile(write('renamed.xls', fs.readFileSync(xlsx)))).toEqual({ format: 'xlsx' })
  })

  it('CSV by extension, and tab-separated text a system named .xls', async () => {
    expect(await sniffFile(write('a.csv', '姓名,证件号码\n'))).toEqual({ format: 'csv' })
    expect(await sniffFile(write('a.csv', encodeGbk('姓名\n张三\n')))).toEqual({ format: 'csv' })
    expect(await sniffFile(write('export.xls', encodeGbk('姓名\t证件号码\r\n张三\t1\r\n')))).toEqual({ format: 'csv' })
  })
})

describe('sniffFile explains what it cannot read', () => {
  it('an empty file', async () => {
    expect(await rejection(write('empty.xlsx', ''))).toEqual({
      code: 'file_unreadable',
      message: '这个文件是空的（0 字节），没有可导入的内容。请确认选对了文件，或从原系统重新导出。',
    })
  })

  it('a missing file', async () => {
    expect(await rejection(tmp.file('none.xlsx'))).toEqual({
      code: 'file_unreadable',
      message: '找不到这个文件，它可能已被移动、改名或删除。请重新选择文件。',
    })
  })

  it('a truncated .xlsx (download cut in half)', async () => {
    const full = fs.readFileSync(xlsx)
    expect(await rejection(write('cut.xlsx', full.subarray(0, Math.floor(full.length / 2))))).toEqual({ code: 'file_unreadable', message: DAMAGED })
  })

  it('HTML saved under .xls by a county system', async () => {
    const html = '\ufeff<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table><tr><td>姓名</td></tr></table></body></html>'
    expect(await rejection(write('export.xls', html))).toEqual({
      code: 'file_unsupported',
      message: `这个文件的内容其实是网页（HTML）格式，不是真正的 Excel 工作簿（有些系统导出的 .xls 就是这样），本软件无法直接读取。${SAVE_AS}`,
    })
    expect((await rejection(write('table.xls', '  <table border=1><tr><td>a,b</td></tr></table>'))).code).toBe('file_unsupported')
  })

  it('Excel 2003 XML named .xls', async () => {
    const xml = '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'
    expect(await rejection(write('x2003.xls', xml))).toEqual({ code: 'file_unsupported', message: `这是 Excel 2003 XML 表格，本软件只能读取 .xlsx。${SAVE_AS}` })
  })

  it('an OLE2 file we cannot look into: an .xls/.et goes to the .xls reader (which names damage), anything else is refused', async () => {
    const header = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
    expect(await sniffFile(write('cut.xls', header))).toEqual({ format: 'xls' })
    expect(await rejection(write('odd.bin', header))).toEqual({
      code: 'file_unsupported',
      message:
        '这是 Office 旧格式的文件，但看不出是 Excel 表格（也可能设置了打开密码），本软件无法直接读取。请用 Excel 或 WPS 打开它：如果有打开密码，先取消密码；然后点「文件 → 另存为」，保存类型选「Excel 工作簿（*.xlsx）」，再导入另存的文件。',
    })
  })

  it('an Excel 97-2003 workbook, or a WPS .et, whatever its name', async () => {
    const ole = buildOle2(['Workbook', '\u0005SummaryInformation'])
    expect(await sniffFile(write('old.xls', ole))).toEqual({ format: 'xls' })
    expect(await sniffFile(write('old.et', ole))).toEqual({ format: 'xls' })
    expect(await sniffFile(write('old.xlsx', ole))).toEqual({ format: 'xls' })
  })

  it('a password-protected .xlsx', async () => {
    expect(await rejection(write('locked.xlsx', buildOle2(['EncryptionInfo', 'EncryptedPackage'])))).toEqual({
      code: 'file_unsupported',
      message:
        '这个 Excel 文件设置了打开密码，本软件无法读取。请先取消密码：在 Excel 中打开它，点「文件 → 信息 → 保护工作簿 → 用密码进行加密」，清空密码后确定；在 WPS 中点「文件 → 文档加密 → 密码加密」，清空打开密码。保存后再导入。',
    })
  })

  it('zips that are not workbooks', async () => {
    expect(await rejection(write('notes.xlsx', buildZip([{ name: 'readme.txt', data: 'hello' }])))).toEqual({
      code: 'file_unsupported',
      message: '这个文件不是 Excel 工作簿，无法导入。请选择从系统导出或用 Excel、WPS 保存的 .xlsx 表格。',
    })
    expect((await rejection(write('doc.xlsx', buildZip([{ name: 'word/document.xml', data: '<w/>' }])))).message).toBe(
      '这是 Word 文档，不是 Excel 工作簿。请选择要导入的 Excel 表格（.xlsx）。',
    )
    expect((await rejection(write('pack.zip', buildZip([{ name: '各村花名册/示例村.xlsx', data: 'x' }])))).message).toBe(
      '这是一个压缩包（.zip），不是 Excel 工作簿。请先把它解压，再导入里面的 Excel 表格。',
    )
    const ods = buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }, { name: 'content.xml', data: '<x/>' }])
    expect((await rejection(write('wps.ods', ods))).message).toBe(`这是 ODS 格式的表格（WPS 或 LibreOffice 保存），本软件只能读取 .xlsx。${SAVE_AS}`)
    expect((await rejection(write('bin.xlsb', buildZip([{ name: 'xl/workbook.bin', data: 'x' }])))).message).toBe(
      `这是 Excel 二进制工作簿（.xlsb），本软件只能读取 .xlsx。${SAVE_AS}`,
    )
  })

  it('binary files and text that is not a table', async () => {
    expect((await rejection(write('scan.xlsx', Buffer.from('%PDF-1.4\n\0\0\u0001binary')))).code).toBe('file_unsupported')
    expect(await rejection(write('letter.xls', '关于开展帮扶工作的通知\n各村：\n'))).toEqual({
      code: 'file_unsupported',
      message: '这个文件是纯文本，但看不出是表格（没有用逗号或制表符分隔的列）。请选择 Excel 工作簿（.xlsx）或 CSV 文件。',
    })
  })
})
