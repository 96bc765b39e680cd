/**
 * The national area: the national monitoring system's exports (户信息, 已外出务工信息, 计划外出务工信息,
 * 行政村信息) brought in as records of their own, shown with the household, and given back in the
 * national layout (with the clerk's corrections) or as the standard workbook.
 */
import { z } from 'zod'
import type { NationalKind } from '../import/national-kinds'
import type { CheckWouldAdd } from './checks'
import type { ImportIssueView } from './households-import'
import type { JobStarted } from './jobs'
import { fileId, id, op } from './op'

export interface NationalCounts {
  new: number
  changed: number
  unchanged: number
  /** In the ledger, not in the file: kept as they are. */
  missing: number
  /** Rows whose person, household or village the ledger does not have: listed as issues, not imported. */
  notInLedger: number
}

export interface NationalColumnView {
  index: number
  letter: string
  header: string
  /** The record column this header fills, or null: kept as written. */
  field: string | null
  label: string | null
  samples: string[]
}

export interface NationalRecordView {
  row: number
  /** Who or what the row is about: 「张三 4101…（户编号 …）」, 「某村」. */
  subject: string
  /** For work spells the start month, for others blank. */
  detail: string
  diffs: { field: string; label: string; before: string | null; after: string | null }[]
}

export interface NationalPreview {
  /** The 疑点 the file would add (as imported: with its errors kept when it has any). */
  wouldAdd?: CheckWouldAdd
  kind: NationalKind
  kindLabel: string
  /** 「务工经历」, 「行政村」 …, and its unit (段, 个, 户, 人). */
  recordNoun: string
  unit: string
  fileName: string
  sheet: string
  sheets: { name: string; hidden?: boolean }[]
  headerRow: number
  columns: NationalColumnView[]
  rememberedMapping: boolean
  counts: NationalCounts
  errorCount: number
  warningCount: number
  issues: ImportIssueView[]
  issuesTruncated: boolean
  newRecords: NationalRecordView[]
  changedRecords: NationalRecordView[]
  missing: { id: number; subject: string; detail: string }[]
  rows: number
}

export interface NationalCommitResult {
  batchId: number
  kind: NationalKind
  counts: NationalCounts
}

export interface WorkSpellView {
  id: number
  memberId: number
  memberName: string
  working: string | null
  startMonth: string | null
  endMonth: string | null
  province: string | null
  city: string | null
  countyAt: string | null
  channel: string | null
  employer: string | null
  industry: string | null
  monthlyIncomeFen: number | null
  pointToPoint: string | null
  travelSubsidyFen: number | null
  jobSubsidy: string | null
}

export interface PlannedWorkView {
  id: number
  memberId: number
  memberName: string
  planned: string | null
  plannedMonth: string | null
  place: string
  province: string | null
  city: string | null
  countyAt: string | null
  industry: string | null
  serviceNeed: string | null
  registered: string | null
}

export interface HouseholdNational {
  workSpells: WorkSpellView[]
  plannedWork: PlannedWorkView[]
  /** The 乡村建设 columns of 户信息, by label, when the household has them. */
  info: { label: string; value: string }[] | null
  /** The same columns by record key (household_info's columns), for the edit form; null when the household has no 户信息 record. */
  infoValues: Record<string, string | null> | null
}

export interface VillageStatisticsView {
  villageId: number
  county: string
  township: string
  village: string
  adminCode: string | null
  exited: string | null
  exitYear: string | null
  totalHouseholds: number | null
  totalPopulation: number | null
  exitedHouseholds: number | null
  monitoredHouseholds: number | null
  collectiveIncomeFen: number | null
  /** Every 行政村信息 figure by record key (village_statistics' columns) as the form shows it: numbers as text, 万元 for 村级集体经济收入. */
  values: Record<string, string | null>
}

/** A village of the ledger with its 行政村信息 (null: none imported or entered yet). */
export interface VillageFiguresRow {
  villageId: number
  county: string
  township: string
  village: string
  statistics: VillageStatisticsView | null
}

/** The kinds the national layout can be exported in. */
export const NATIONAL_EXPORT_LAYOUTS = ['workSpells', 'plannedWork', 'villages', 'householdInfo', 'standard'] as const
export type NationalExportLayout = (typeof NATIONAL_EXPORT_LAYOUTS)[number]

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请填写年月，如 2024-03')
const text = (max: number) => z.string().trim().max(max).nullable()
const yesNo = z.enum(['是', '否'], { message: '请选择「是」或「否」' }).nullable()
const yuan = z.string().trim().regex(/^\d[\d,]{0,12}(?:\.\d{1,2})?$/, '请填写金额（元），如 4500').nullable()

export const NationalSourceInput = z.object({
  fileId,
  sheet: z.string().max(200).optional(),
  mapping: z.record(z.string().regex(/^\d+$/), z.string().max(64).nullable()).optional(),
})

/** 全部导入，错误记为疑点: every record the file identifies is written, errors included (default: errors block). */
export const NationalCommitInput = NationalSourceInput.extend({ keepIssues: z.boolean().default(false) })

export const WorkSpellInput = z.object({
  /** Absent: a new spell of memberId. */
  id: id.optional(),
  memberId: id,
  startMonth: month,
  endMonth: month.nullable(),
  province: text(40),
  city: text(40),
  countyAt: text(40),
  channel: text(40),
  employer: text(100),
  industry: text(40),
  monthlyIncome: yuan,
  /** 是否已务工 (absent: '是' for a new spell, unchanged otherwise). */
  working: yesNo.optional(),
  /** 是否点对点输送, 年度交通费补助 (元), 是否享受稳岗补贴 (absent: unchanged, blank for a new spell). */
  pointToPoint: yesNo.optional(),
  travelSubsidy: yuan.optional(),
  jobSubsidy: yesNo.optional(),
})

export const PlannedWorkInput = z.object({
  /** Absent: a new planned-work record of memberId (one per person). */
  id: id.optional(),
  memberId: id,
  planned: yesNo,
  plannedMonth: month.nullable(),
  province: text(40),
  city: text(40),
  countyAt: text(40),
  industry: text(40),
  serviceNeed: text(100),
})

/** Values as the clerk typed them, by record key; checked per field in the core (messages name the field). */
const recordValues = z.record(z.string().regex(/^[a-z_]+$/).max(64), z.string().trim().max(200).nullable())

export const HouseholdInfoInput = z.object({ householdId: id, values: recordValues })
export const VillageStatisticsInput = z.object({ villageId: id, values: recordValues })

export const nationalOps = {
  /** Reads a national export and compares it with the ledger: a NationalPreview job. Other kinds are refused. */
  'national.importPreview': op<JobStarted>()(NationalSourceInput, 'read'),
  /** Imports it in one transaction as an import batch (撤销本次导入 takes it back): a NationalCommitResult job. */
  'national.importCommit': op<JobStarted>()(NationalCommitInput),
  /** A household's work spells, planned work and 户信息 columns. */
  'national.household': op<HouseholdNational>()(z.object({ householdId: id }), 'read'),
  /** The villages' statistics (行政村信息). */
  'national.villages': op<VillageStatisticsView[]>()(z.object({}), 'read'),
  /** Every village of the ledger with its 行政村信息 figures (the 行政村信息 page). */
  'national.villageFigures': op<VillageFiguresRow[]>()(z.object({}), 'read'),
  /** The clerk's correction of a village's 行政村信息, or its first entry. */
  'national.saveVillageStatistics': op<{ id: number }>()(VillageStatisticsInput),
  /** The clerk's correction of a person's 计划外出务工信息, or a new one. */
  'national.savePlannedWork': op<{ id: number }>()(PlannedWorkInput),
  'national.deletePlannedWork': op<{ deleted: true }>()(z.object({ id })),
  /** The clerk's correction of a household's 户信息 (乡村建设 columns), or its first entry. */
  'national.saveHouseholdInfo': op<{ id: number }>()(HouseholdInfoInput),
  /** The clerk's correction of a work spell, or a new one. */
  'national.saveWorkSpell': op<{ id: number }>()(WorkSpellInput),
  'national.deleteWorkSpell': op<{ deleted: true }>()(z.object({ id })),
  /** One kind in the national layout of its last imported file (with the ledger's corrections and the records added in the ledger), or all four kinds as the standard workbook: a job giving a file. */
  'national.export': op<JobStarted>()(z.object({ layout: z.enum(NATIONAL_EXPORT_LAYOUTS) }), 'read'),
}
