/**
 * An .xlsx package's structure, read from the zip directly: which sheets there
 * are (with their tab names and hidden state), where each part lives, and which cell styles
 * are date formats. Parts are small XML written by machines, so targeted
 * regular expressions are enough; element prefixes (x:sheet) are tolerated.
 */
import { LedgerError } from '../../../../shared/api/result'
import { corruptFileError, SAVE_AS_XLSX } from './types'
import { findEntry, openZipDirectory, readEntry, type ZipDirectory, type ZipEntry } from './zip'

export interface WorkbookSheet {
  name: string
  index: number
  hidden: boolean
  /** Zip part holding the sheet XML, or null when the workbook's relationships do not name one. */
  partPath: string | null
}

export interface WorkbookPackage {
  zip: ZipDirectory
  workbook: ZipEntry
  workbookRels: ZipEntry
  styles: ZipEntry | null
  sharedStrings: ZipEntry | null
  sheets: WorkbookSheet[]
  date1904: boolean
}

const SMALL_PART_LIMIT = 32 * 1024 * 1024

const unsupported = (message: string): LedgerError => new LedgerError('file_unsupported', message)

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, ent: string) => {
    switch (ent) {
      case 'amp': return '&'
      case 'lt': return '<'
      case 'gt': return '>'
      case 'quot': return '"'
      case 'apos': return "'"
      default: {
        const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10)
        return code <= 0x10ffff ? String.fromCodePoint(code) : ''
      }
    }
  })
}

/** Attributes of one start tag, keyed by qualified name (r:id stays r:id). */
export function attributes(tagBody: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of tagBody.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''))
  }
  return out
}

/** Start tags named `local` (any namespace prefix), in document order. */
function tags(xml: string, local: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*)>`, 'g')
  return [...xml.matchAll(re)].map((m) => attributes(m[1] ?? ''))
}

/** The inner XML of the first element named `local`, or '' when absent. */
function section(xml: string, local: string): string {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}>`)
  return re.exec(xml)?.[1] ?? ''
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/')
  return i < 0 ? '' : part.slice(0, i + 1)
}

/** Resolves a relationship target against the directory of the part that owns the relationship. */
function resolveTarget(baseDir: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : baseDir + target
  const out: string[] = []
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop()
    else if (seg !== '.' && seg !== '') out.push(seg)
  }
  return out.join('/')
}

interface Rel {
  type: string
  target: string
}

function parseRels(xml: string, baseDir: string): Map<string, Rel> {
  const rels = new Map<string, Rel>()
  for (const a of tags(xml, 'Relationship')) {
    const id = a.get('Id')
    const target = a.get('Target')
    if (!id || !target || a.get('TargetMode') === 'External') continue
    rels.set(id, { type: a.get('Type') ?? '', target: resolveTarget(baseDir, target) })
  }
  return rels
}

async function readText(zip: ZipDirectory, entry: ZipEntry): Promise<string> {
  return (await readEntry(zip, entry, SMALL_PART_LIMIT)).toString('utf8')
}

/** Why a zip that is not a workbook cannot be imported, naming what it is when that is recognisable. */
async function notAWorkbook(zip: ZipDirectory): Promise<LedgerError> {
  const has = (name: string): boolean => findEntry(zip, name) !== undefined
  if (has('xl/workbook.bin')) {
    return unsupported(`这是 Excel 二进制工作簿（.xlsb），本软件只能读取 .xlsx。${SAVE_AS_XLSX}`)
  }
  if (has('word/document.xml')) return unsupported('这是 Word 文档，不是 Excel 工作簿。请选择要导入的 Excel 表格（.xlsx）。')
  if (has('ppt/presentation.xml')) return unsupported('这是 PowerPoint 演示文稿，不是 Excel 工作簿。请选择要导入的 Excel 表格（.xlsx）。')
  const mimetype = findEntry(zip, 'mimetype')
  if (mimetype && mimetype.uncompressedSize < 200) {
    const text = (await readEntry(zip, mimetype, 200).catch(() => Buffer.alloc(0))).toString('utf8')
    if (text.includes('opendocument.spreadsheet')) {
      return unsupported(`这是 ODS 格式的表格（WPS 或 LibreOffice 保存），本软件只能读取 .xlsx。${SAVE_AS_XLSX}`)
    }
  }
  if ([...zip.entries.values()].some((e) => /\.(xlsx|xlsm|xls|et|csv)$/i.test(e.name))) {
    return unsupported('这是一个压缩包（.zip），不是 Excel 工作簿。请先把它解压，再导入里面的 Excel 表格。')
  }
  return unsupported('这个文件不是 Excel 工作簿，无法导入。请选择从系统导出或用 Excel、WPS 保存的 .xlsx 表格。')
}

const relType = (rel: Rel, suffix: string): boolean => rel.type.endsWith(`/${suffix}`)

/** Opens the package and reads its structure; throws a clerk-facing LedgerError for anything that is not a usable .xlsx. */
export async function openWorkbookPackage(path: string): Promise<WorkbookPackage> {
  const zip = await openZipDirectory(path)

  // The workbook part is named by the package relationships; older writers all use xl/workbook.xml.
  let workbookPath = 'xl/workbook.xml'
  const rootRels = findEntry(zip, '_rels/.rels')
  if (rootRels) {
    const office = [...parseRels(await readText(zip, rootRels), '').values()].find((r) => relType(r, 'officeDocument'))
    if (office) workbookPath = office.target
  }
  const workbook = findEntry(zip, workbookPath) ?? findEntry(zip, 'xl/workbook.xml')
  if (!workbook || !workbook.name.toLowerCase().endsWith('.xml')) throw await notAWorkbook(zip)
  const baseDir = dirOf(workbook.name)
  const workbookRels = findEntry(zip, `${baseDir}_rels/${workbook.name.slice(baseDir.length)}.rels`)
  if (!workbookRels) throw corruptFileError()

  const rels = parseRels(await readText(zip, workbookRels), baseDir)
  const partOf = (suffix: string): ZipEntry | null => {
    const rel = [...rels.values()].find((r) => relType(r, suffix))
    return (rel && findEntry(zip, rel.target)) ?? null
  }

  const xml = await readText(zip, workbook)
  const sheets: WorkbookSheet[] = []
  for (const a of tags(section(xml, 'sheets'), 'sheet')) {
    const idKey = [...a.keys()].find((k) => /^[\w.-]+:id$/.test(k))
    const rel = idKey ? rels.get(a.get(idKey)!) : undefined
    if (rel && !relType(rel, 'worksheet')) continue // chart sheets and macro sheets hold no rows
    const state = a.get('state')
    sheets.push({
      name: a.get('name') ?? `Sheet${sheets.length + 1}`,
      index: sheets.length,
      hidden: state === 'hidden' || state === 'veryHidden',
      partPath: rel ? (findEntry(zip, rel.target)?.name ?? null) : null,
    })
  }
  if (sheets.length === 0) throw unsupported('这个 Excel 文件里没有工作表，没有可导入的内容。请确认选对了文件。')

  const pr = tags(xml, 'workbookPr')[0]
  const date1904 = pr?.get('date1904') === '1' || pr?.get('date1904') === 'true'

  return { zip, workbook, workbookRels, styles: partOf('styles'), sharedStrings: partOf('sharedStrings'), sheets, date1904 }
}

// Built-in number formats that are dates or times, including the Chinese ones (27–36, 50–58)
// that styles.xml names by number only (exceljs alone reads them as plain serial numbers).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])

/** Whether a number format code shows a date or time (literal text, [colours] and \escapes aside). */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '')
  return /[yYmMdDhHsS年月日时分秒]/.test(bare.replace(/General/gi, ''))
}

/** Indexes (the s attribute of a cell) of the cell styles that format a number as a date. */
export async function dateStyleIds(pkg: WorkbookPackage): Promise<Set<number>> {
  const ids = new Set<number>()
  if (!pkg.styles) return ids
  const xml = await readText(pkg.zip, pkg.styles)
  const custom = new Map<number, string>()
  for (const a of tags(section(xml, 'numFmts'), 'numFmt')) {
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '')
  }
  tags(section(xml, 'cellXfs'), 'xf').forEach((a, i) => {
    const id = Number(a.get('numFmtId') ?? '0')
    const code = custom.get(id)
    if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id)) ids.add(i)
  })
  return ids
}

/**
 * Excel's built-in number formats by id, as a zh-CN Excel shows them (14 is yyyy/m/d there; 27–36
 * and 50–58 are the Chinese date and time formats styles.xml names by number only).
 */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy/m/d', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
}

/** The number format code of each cell style (the s attribute of a cell), null for General. */
export async function styleFormatCodes(pkg: WorkbookPackage): Promise<(string | null)[]> {
  if (!pkg.styles) return []
  const xml = await readText(pkg.zip, pkg.styles)
  const custom = new Map<number, string>()
  for (const a of tags(section(xml, 'numFmts'), 'numFmt')) custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '')
  return tags(section(xml, 'cellXfs'), 'xf').map((a) => {
    const id = Number(a.get('numFmtId') ?? '0')
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? null
    return code && code !== 'General' ? code : null
  })
}
