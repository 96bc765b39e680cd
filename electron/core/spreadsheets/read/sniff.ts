/**
 * Decides how to read a file from its content, not its name: county systems
 * export HTML or tab-separated text named .xls, Excel 97-2003 files and
 * password-protected .xlsx share one container, downloads get cut short.
 * Everything we cannot read ends in a LedgerError telling the clerk what the
 * file is and how to turn it into an .xlsx.
 */
import { open, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { LedgerError } from '../../../../shared/api/result'
import { classifyOle2, OLE2_MAGIC, ole2EntryNames } from './ole2'
import { fileAccessError, SAVE_AS_XLSX } from './types'
import { openWorkbookPackage } from './workbook'

export type FileFormat = 'xlsx' | 'xls' | 'csv'

const HEAD_BYTES = 8 * 1024
const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv'])
const XLS_EXTENSIONS = new Set(['.xls', '.et'])

const unreadable = (message: string): LedgerError => new LedgerError('file_unreadable', message)
const unsupported = (message: string): LedgerError => new LedgerError('file_unsupported', message)

export const UNKNOWN_FORMAT_MESSAGE =
  '无法识别这个文件的格式。请选择 Excel 工作簿（.xlsx 或 .xls）或 CSV 文件；其他表格请先用 Excel 或 WPS 打开，点「文件 → 另存为」，保存类型选「Excel 工作簿（*.xlsx）」，再导入另存的文件。'

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

function ole2Error(kind: ReturnType<typeof classifyOle2>): LedgerError {
  switch (kind) {
    case 'encrypted_ooxml':
      return unsupported(
        '这个 Excel 文件设置了打开密码，本软件无法读取。请先取消密码：在 Excel 中打开它，点「文件 → 信息 → 保护工作簿 → 用密码进行加密」，清空密码后确定；在 WPS 中点「文件 → 文档加密 → 密码加密」，清空打开密码。保存后再导入。',
      )
    case 'word':
      return unsupported('这是 Word 文档（.doc），不是 Excel 表格。请选择要导入的 Excel 表格（.xlsx）。')
    default:
      return unsupported(
        '这是 Office 旧格式的文件，但看不出是 Excel 表格（也可能设置了打开密码），本软件无法直接读取。请用 Excel 或 WPS 打开它：如果有打开密码，先取消密码；然后点「文件 → 另存为」，保存类型选「Excel 工作簿（*.xlsx）」，再导入另存的文件。',
      )
  }
}

/** The head as text for markup checks: UTF-16 decoded by its BOM, anything else byte-wise (tags are ASCII in GBK and UTF-8 alike). */
function headText(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return head.subarray(2).toString('utf16le')
  if (head[0] === 0xfe && head[1] === 0xff) return Buffer.from(head.subarray(2)).swap16().toString('utf16le')
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0
  return head.subarray(start).toString('latin1')
}

function isUtf16(head: Buffer): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
}

/** Plain text with field separators: a comma or tab, and no binary control bytes. */
function looksDelimited(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0e-\x1a\x1c-\x1f]/.test(text)) return false
  return /[,\t]/.test(text)
}

/** Reads the start of the file (and for zips, the package structure) and says which reader fits. */
export async function sniffFile(path: string): Promise<{ format: FileFormat }> {
  let size: number
  try {
    const s = await stat(path)
    if (s.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' })
    size = s.size
  } catch (e) {
    throw fileAccessError(e)
  }
  if (size === 0) throw unreadable('这个文件是空的（0 字节），没有可导入的内容。请确认选对了文件，或从原系统重新导出。')

  let head: Buffer
  try {
    head = await readHead(path)
  } catch (e) {
    throw fileAccessError(e)
  }
  const ext = extname(path).toLowerCase()

  // Zip: an .xlsx, or something else packed the same way (.docx, .ods, a .zip of files).
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) {
    await openWorkbookPackage(path).catch((e: unknown) => {
      throw fileAccessError(e)
    })
    return { format: 'xlsx' }
  }

  if (head.length >= 8 && head.subarray(0, 8).equals(OLE2_MAGIC)) {
    const names = await ole2EntryNames(path).catch(() => [])
    const kind = classifyOle2(names)
    // Excel 97-2003 (and WPS .et, the same container) is read by the .xls reader, which names damage itself.
    // An .xls whose directory cannot be listed (cut short, damaged) goes there too, to be named as damaged.
    if (kind === 'xls' || (kind === 'unknown' && XLS_EXTENSIONS.has(ext))) return { format: 'xls' }
    throw ole2Error(kind)
  }

  const text = headText(head)
  const start = text.trimStart().slice(0, 2048).toLowerCase()
  if (start.includes('urn:schemas-microsoft-com:office:spreadsheet') || start.includes('progid="excel.sheet"')) {
    throw unsupported(`这是 Excel 2003 XML 表格，本软件只能读取 .xlsx。${SAVE_AS_XLSX}`)
  }
  if (
    start.startsWith('mime-version:') ||
    (start.startsWith('<') && (start.includes('<html') || start.includes('<table') || start.includes('<!doctype html')))
  ) {
    throw unsupported(`这个文件的内容其实是网页（HTML）格式，不是真正的 Excel 工作簿（有些系统导出的 .xls 就是这样），本软件无法直接读取。${SAVE_AS_XLSX}`)
  }

  if (!isUtf16(head) && head.includes(0)) throw unsupported(UNKNOWN_FORMAT_MESSAGE)
  if (TEXT_EXTENSIONS.has(ext) || looksDelimited(text)) return { format: 'csv' }
  throw unsupported('这个文件是纯文本，但看不出是表格（没有用逗号或制表符分隔的列）。请选择 Excel 工作簿（.xlsx）或 CSV 文件。')
}
