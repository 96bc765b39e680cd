/**
 * Which spreadsheet a file is, told from its header: the roster layouts the ledger has always
 * read, the county's project list, and the national monitoring system's five exports (监测对象信息,
 * 户信息, 已外出务工信息, 计划外出务工信息, 行政村信息 — see shared/domain national-exports). A file is
 * imported only as the kind it is; the recogniser looks at headers only, never at positions.
 */
import { cellToText, isBlankCell, type Grid } from './cells'
import { normaliseHeaderText } from './text'

export type SheetKind =
  | 'roster'
  | 'monitoringRoster'
  | 'householdInfo'
  | 'workSpells'
  | 'plannedWork'
  | 'villages'
  | 'projects'
  | 'problems'
  | 'unknown'

/** The national exports imported by the national-exports page (the monitoring roster is a roster). */
export const NATIONAL_KINDS = ['householdInfo', 'workSpells', 'plannedWork', 'villages'] as const
export type NationalKind = (typeof NATIONAL_KINDS)[number]

export const SHEET_KIND_LABELS: Record<SheetKind, string> = {
  roster: '花名册（建档立卡人员信息）',
  monitoringRoster: '国家监测系统「监测对象信息」（监测对象花名册）',
  householdInfo: '国家监测系统「户信息」（每行一户）',
  workSpells: '国家监测系统「已外出务工信息」（每行一段务工经历）',
  plannedWork: '国家监测系统「计划外出务工信息」（每行一名计划外出务工的人）',
  villages: '国家监测系统「行政村信息」（每行一个行政村）',
  projects: '项目清单（项目库 / 年度项目计划）',
  problems: '问题整改清单（巡视、巡察、审计等发现的问题）',
  unknown: '不认识的表格',
}

/** Where each kind is imported, for the refusal messages. */
export const SHEET_KIND_PLACE: Record<SheetKind, string> = {
  roster: '「导入花名册」页面（命令行：npm run cli -- import 文件）',
  monitoringRoster: '「导入花名册」页面（命令行：npm run cli -- import 文件）',
  householdInfo: '「导入国家系统表格」页面（命令行：npm run cli -- import 文件）',
  workSpells: '「导入国家系统表格」页面（命令行：npm run cli -- import 文件）',
  plannedWork: '「导入国家系统表格」页面（命令行：npm run cli -- import 文件）',
  villages: '「导入国家系统表格」页面（命令行：npm run cli -- import 文件）',
  projects: '「项目台账 → 导入项目清单」页面（命令行：npm run cli -- import-projects 文件）',
  problems: '「问题整改台账 → 导入问题清单」页面（命令行：npm run cli -- import 文件）',
  unknown: '',
}

export interface SheetRecognition {
  kind: SheetKind
  /** 0-based grid row of the header row (the best-scoring row); -1 when none was found. */
  headerRowIndex: number
  /** Normalised header texts of that row, in order ('' for a blank cell). */
  headers: string[]
  /** Which headers told the kind, for the message. */
  evidence: string[]
}

const h = (s: string) => normaliseHeaderText(s)
const set = (...names: string[]) => new Set(names.map(h))

/** Headers only one kind has; a kind needs `min` of its set. Checked in this order. */
const SIGNS: { kind: SheetKind; min: number; headers: Set<string>; without?: Set<string>; required?: Set<string> }[] = [
  // The monitoring roster also has 务工所在省/市/县: a spell is told by its 开始时间 / 结束时间.
  { kind: 'workSpells', min: 2, required: set('开始时间', '结束时间'), headers: set('开始时间', '结束时间', '务工所在省', '务工所在市', '务工所在县', '是否已务工', '务工企业名称', '务工月收入', '是否点对点输送', '是否享受稳岗补贴') },
  { kind: 'plannedWork', min: 2, headers: set('是否计划务工', '计划务工时间', '计划务工所在省', '计划务工所在市', '计划务工所在县', '计划务工行业', '就业服务需求') },
  {
    kind: 'villages',
    min: 3,
    headers: set('行政区划代码', '是否出列', '出列年度', '总户数', '总人口数', '脱贫户数', '脱贫人口数', '监测户数', '监测人口数', '低保户数', '村小学(个数)', '是否通客运班车', '行政村卫生室个数'),
    without: set('姓名', '与户主关系', '证件号码'),
  },
  {
    kind: 'householdInfo',
    min: 2,
    headers: set('住房结构', '卫生厕所类型', '卫生厕所是否能正常使用', '是否通自来水', '生活垃圾处理方式', '生活污水处理方式', '入户道路类型', '是否通宽带', '主要生活能源'),
    without: set('与户主关系', '人编号'),
  },
  {
    kind: 'monitoringRoster',
    min: 3,
    headers: set('风险是否已消除', '识别监测时间', '消除监测时间', '风险消除方式', '致贫/返贫风险1', '监测对象识别方式', '识别时家庭人均纯收入', '识别时家庭纯收入', '纳入监测审批时间', '风险消除后家庭人均纯收入'),
  },
  // Before projects: a problem list may name 项目名称 (the project a problem concerns).
  {
    kind: 'problems',
    min: 2,
    required: set('问题描述', '存在问题', '问题表现', '具体问题', '问题内容', '主要问题', '问题清单'),
    headers: set('问题描述', '存在问题', '问题表现', '具体问题', '问题内容', '主要问题', '问题清单', '问题来源', '反馈来源', '问题编号', '交办文号', '整改措施', '整改举措', '整改时限', '完成时限', '整改期限', '整改情况', '整改进展', '整改落实情况', '整改责任人', '责任领导', '销号日期', '举一反三'),
  },
  { kind: 'projects', min: 2, headers: set('项目名称', '建设内容及规模', '建设内容', '项目类别', '建设性质', '实施单位', '绩效目标', '资金规模', '项目编号') },
]

function fits(sign: (typeof SIGNS)[number], present: Set<string>, hits: string[]): boolean {
  if (hits.length < sign.min) return false
  if (sign.without && [...sign.without].some((x) => present.has(x))) return false
  return !sign.required || [...sign.required].some((x) => present.has(x))
}

/** Headers that make a row a roster header (the roster dictionary's commonest names). */
const ROSTER = set('姓名', '证件号码', '身份证号码', '身份证号', '与户主关系', '户编号', '人编号', '户主姓名', '性别', '民族', '文化程度', '劳动技能', '人数', '行政村', '村')

function headersOf(row: readonly unknown[] | undefined): string[] {
  return (row ?? []).map((v) => (isBlankCell(v as never) ? '' : h(cellToText(v as never))))
}

/**
 * Reads the kind of a sheet from its first rows (title rows above the header are skipped: the row
 * naming the most known headers is the header). Roster-like files that carry a national
 * export's own columns are that export, never a roster.
 */
export function recogniseSheet(head: Grid, maxScanRows = 15): SheetRecognition {
  let best: SheetRecognition = { kind: 'unknown', headerRowIndex: -1, headers: [], evidence: [] }
  let bestScore = 0
  for (let r = 0; r < Math.min(maxScanRows, head.length); r++) {
    const headers = headersOf(head[r])
    const present = new Set(headers.filter(Boolean))
    if (present.size < 2) continue
    for (const sign of SIGNS) {
      const hits = [...sign.headers].filter((x) => present.has(x))
      if (!fits(sign, present, hits)) continue
      const score = hits.length * 10 + present.size / 1000
      if (score > bestScore) {
        bestScore = score
        best = { kind: sign.kind, headerRowIndex: r, headers, evidence: hits }
      }
      break
    }
    const rosterHits = [...ROSTER].filter((x) => present.has(x))
    if (rosterHits.length >= 2 && rosterHits.length * 10 > bestScore) {
      bestScore = rosterHits.length * 10
      best = { kind: 'roster', headerRowIndex: r, headers, evidence: rosterHits }
    }
  }
  if (best.kind === 'roster') {
    // A national export also names 姓名, 证件号码 …: its own columns decide, wherever they sit.
    const present = new Set(best.headers.filter(Boolean))
    for (const sign of SIGNS) {
      const hits = [...sign.headers].filter((x) => present.has(x))
      if (fits(sign, present, hits)) {
        return { ...best, kind: sign.kind, evidence: hits }
      }
    }
  }
  return best
}

/** What a sheet's first rows look like, for a refusal: its first non-empty headers or cells. */
export function describeLook(head: Grid, maxScanRows = 15): string {
  let widest: string[] = []
  for (let r = 0; r < Math.min(maxScanRows, head.length); r++) {
    const cells = headersOf(head[r]).filter(Boolean)
    if (cells.length > widest.length) widest = cells
  }
  if (widest.length === 0) return '前几行是空的'
  const shown = widest.slice(0, 6).map((c) => `「${c.slice(0, 20)}」`).join('')
  return `${widest.length} 列，开头几列是${shown}${widest.length > 6 ? '…' : ''}`
}

/** The message for a file brought to the wrong import: what it looks like and where it goes. */
export function wrongKindMessage(fileName: string, found: SheetRecognition, expected: string): string {
  const told = found.evidence.slice(0, 4).map((e) => `「${e}」`).join('')
  return (
    `「${fileName}」看起来是${SHEET_KIND_LABELS[found.kind]}（表头有${told}），不是${expected}，没有导入任何内容。` +
    (SHEET_KIND_PLACE[found.kind] ? `请在${SHEET_KIND_PLACE[found.kind]}导入这个文件。` : '')
  )
}
