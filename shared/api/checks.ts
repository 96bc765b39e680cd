/** The checks area (疑点核查): runs over the ledger or one household, findings, waivers (豁免), the county-style workbook. */
import { z } from 'zod'
import type { ProducedFile } from './files'
import { fileId, id, isoDate, op } from './op'

export type CheckSeverity = '错误' | '疑点' | '提示'

export interface CheckRuleInfo {
  code: string
  title: string
  category: string
  categoryLabel: string
  severity: CheckSeverity
  covers: string[]
  fields: string[]
}

export interface CheckRunView {
  id: number
  scope: string
  asOf: string
  actor: string
  at: string
  open: number
  waived: number
  new: number
  durationMs: number
}

export interface CheckRuleSummary extends CheckRuleInfo {
  open: number
  new: number
  waived: number
}

export interface CheckWaiverView {
  reason: string
  by: string
  on: string
  expires: string | null
  source: string
}

export interface CheckFindingView {
  key: string
  rule: string
  title: string
  category: string
  severity: CheckSeverity
  village: string | null
  householdId: number | null
  householdNo: string | null
  person: string | null
  /** Masked (4101**********1234). */
  idNumber: string | null
  field: string
  value: string | null
  message: string
  /** First seen by the latest whole-ledger run (or since). */
  isNew: boolean
  waiver: CheckWaiverView | null
}

export interface ChecksOverview {
  lastRun: CheckRunView | null
  runs: CheckRunView[]
  rules: CheckRuleSummary[]
  villages: string[]
  categories: { value: string; label: string }[]
  settings: CheckSettingsInput
  /** checks.tsv numbers the catalogue covers, of how many. */
  coverage: { covered: number; total: number }
}

export const CheckSettingsInput = z.object({
  maxHouseholdsPerHelper: z.number().int().min(1).max(50),
  visitWithinDays: z.number().int().min(1).max(730),
  premiumSubsidyFrom: z.string().regex(/^\d{6}$/, '请填写年月，如 202210'),
  premiumSubsidyTo: z.string().regex(/^\d{6}$/, '请填写年月，如 202303'),
  premiumSubsidyEndsFrom: z.string().regex(/^\d{6}$/, '请填写年月，如 202304'),
  homeCounty: z.string().trim().max(40).nullable(),
})
export type CheckSettingsInput = z.infer<typeof CheckSettingsInput>

export const CHECK_STATUSES = ['open', 'new', 'waived', 'all'] as const

export const FindingsInput = z.object({
  status: z.enum(CHECK_STATUSES).default('open'),
  rule: z.string().max(80).optional(),
  village: z.string().max(80).optional(),
  category: z.string().max(40).optional(),
  severity: z.enum(['错误', '疑点', '提示']).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
})

export const WaiveInput = z.object({
  keys: z.array(z.string().min(1).max(300)).min(1).max(10_000),
  reason: z.string().trim().min(2, '请写明豁免理由').max(300),
  expires: isoDate.nullable().optional(),
})

export interface CheckRunResult {
  run: CheckRunView
  /** Rules that could not decide for want of a setting (e.g. no 监测线 for the year). */
  notes: string[]
}

/** What an import would add to the 疑点: per rule, the findings the file brings that the ledger does not have now (waived ones left out). */
export interface CheckWouldAdd {
  asOf: string
  total: number
  rules: { code: string; title: string; severity: CheckSeverity; count: number }[]
}

/** The check run an import starts once it has written (its counts), or why it could not run. */
export interface ImportCheckRun {
  runId: number | null
  open: number
  new: number
  error?: string
}

export interface WaiverImportResult {
  added: number
  updated: number
  /** Rows of the county's list that name no rule of ours or no record. */
  skipped: { row: number; reason: string }[]
}

export const checksOps = {
  /** Every rule over the whole ledger for an as-of date (default today); the run is kept. */
  'checks.run': op<CheckRunResult>()(z.object({ asOf: isoDate.optional() })),
  /** Per rule: open, new since the last run, waived; the runs; the filters' values. */
  'checks.overview': op<ChecksOverview>()(z.object({}), 'read'),
  'checks.findings': op<{ total: number; items: CheckFindingView[] }>()(FindingsInput, 'read'),
  /** One household's rules re-run now (after an edit) and its open and waived findings; it writes only the findings kept for the household (derived), so 只读 may call it. */
  'checks.household': op<{ items: CheckFindingView[] }>()(z.object({ householdId: id }), 'read'),
  'checks.waive': op<{ waived: number }>()(WaiveInput),
  'checks.unwaive': op<{ unwaived: number }>()(z.object({ keys: z.array(z.string().min(1).max(300)).min(1).max(10_000) })),
  /** The county-style workbook: 汇总 and one sheet per rule with every column it read and 问题说明. */
  'checks.exportWorkbook': op<ProducedFile>()(z.object({ includeWaived: z.boolean().default(false) }), 'read'),
  /** Our waivers as a list the county can read (and re-import). */
  'checks.exportWaivers': op<ProducedFile>()(z.object({}), 'read'),
  /** A county's 豁免清单 (.xlsx: 规则编号, 证件号码 or 户编号, 豁免理由 …). */
  'checks.importWaivers': op<WaiverImportResult>()(z.object({ fileId })),
  'checks.saveSettings': op<{ saved: true }>()(CheckSettingsInput),
}
