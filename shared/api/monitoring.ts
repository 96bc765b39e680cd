/** The monitoring area (防返贫动态监测): a household's cases, their procedure, measures, elimination and the per-year settings. */
import { z } from 'zod'
import { MONITORING_CATEGORIES } from '../domain/enums'
import {
  ELIMINATION_METHODS, FOUND_BY, INDICATORS, MONITORING_RISKS, STEP_KEYS, YES_NO, type MonitoringHousehold, type YearSettings,
} from '../domain/monitoring'
import { MEASURE_KINDS } from '../domain/monitoring-measures'
import type { Worklists } from '../domain/monitoring-worklists'
import { id, isoDate, op } from './op'

/** 元 as typed: '7300', '1,234.56'. */
const yuan = z.string().trim().regex(/^\d[\d,]{0,15}(?:\.\d{1,2})?$/, '请填写金额（元），如 7300 或 1234.56')
const person = z.string().trim().min(1).max(40)
const optText = (max: number) => z.string().trim().max(max).nullable().optional()

export const OpenCaseInput = z.object({
  householdId: id,
  category: z.enum(MONITORING_CATEGORIES),
  risks: z.array(z.enum(MONITORING_RISKS)).min(1).max(5),
  riskNote: optText(200),
  foundBy: z.enum(FOUND_BY),
  /** 申报或排查: the first step. */
  reportDate: isoDate,
  reportBy: person,
  sizeAtIdentification: z.number().int().min(1).max(30),
  incomeAtIdentification: yuan,
  returnedToPoverty: z.enum(YES_NO).nullable().optional(),
  fellIntoPoverty: z.enum(YES_NO).nullable().optional(),
})

export const StepInputSchema = z.object({
  caseId: id,
  step: z.enum(STEP_KEYS),
  date: isoDate,
  by: person,
  endDate: isoDate.nullable().optional(),
  opinion: optText(500),
  eliminationMethod: z.enum(ELIMINATION_METHODS).nullable().optional(),
})

export const MeasureInput = z.object({
  caseId: id,
  kind: z.enum(MEASURE_KINDS),
  items: z.array(z.string().trim().min(1).max(40)).min(1).max(20),
  otherNote: optText(200),
  date: isoDate,
  amount: yuan.nullable().optional(),
  responsible: person,
  note: optText(500),
  /** 金融帮扶 / 小额信贷: the loan it refers to; its amount and loan date are taken from the loan. */
  loanId: id.nullable().optional(),
  /** 公益岗位帮扶: the 公益性岗位 holding of a household member this measure records (read from the posts ledger, not retyped). */
  postHoldingId: id.nullable().optional(),
})

const indicatorShape = Object.fromEntries(
  INDICATORS.map((i) => [i.key, (i.kind === 'yesno' ? z.enum(YES_NO) : yuan).nullable()]),
) as Record<(typeof INDICATORS)[number]['key'], z.ZodNullable<z.ZodString>>
export const IndicatorsInput = z.object({ caseId: id, indicators: z.object(indicatorShape) })

export const YearSettingsInput = z.object({
  year: z.number().int().min(2021).max(2100),
  /** 监测线, 元/人/年. */
  line: yuan,
  publicityDays: z.number().int().min(1).max(30),
  minMonthsBeforeElimination: z.number().int().min(0).max(36),
  reminderDaysWithoutMeasure: z.number().int().min(1).max(365),
  /** 监测预警 windows; blank switches the list off (it says which setting is missing). */
  stepDeadlineDays: z.number().int().min(1).max(365).nullable().optional(),
  identificationDeadlineDays: z.number().int().min(1).max(365).nullable().optional(),
  workGapDays: z.number().int().min(1).max(730).nullable().optional(),
  /** Days before a 公益性岗位 holding's end month runs out; blank = 30. */
  postEndDays: z.number().int().min(1).max(365).nullable().optional(),
})

export const MONITORING_LIST_STATES = ['open', 'eliminated'] as const

export const monitoringOps = {
  /** A household's monitoring cases (newest first), its living conditions and this year's settings. */
  'monitoring.household': op<MonitoringHousehold>()(z.object({ householdId: id }), 'read'),
  /** 申报或排查: opens a case; refused while another case of the household is not eliminated. */
  'monitoring.openCase': op<{ id: number }>()(OpenCaseInput),
  /** Deletes a case not yet approved by the county (recorded by mistake). */
  'monitoring.deleteCase': op<{ deleted: true }>()(z.object({ caseId: id })),
  /** One step of the identification or elimination procedure; 县级审定 records 纳入监测 / 风险消除 in the status history. */
  'monitoring.recordStep': op<{ recorded: true }>()(StepInputSchema),
  'monitoring.addMeasure': op<{ id: number }>()(MeasureInput),
  'monitoring.deleteMeasure': op<{ deleted: true }>()(z.object({ measureId: id })),
  /** The 13 post-elimination indicators. */
  'monitoring.setIndicators': op<{ saved: true }>()(IndicatorsInput),
  /** Per-year settings, newest year first. */
  'monitoring.settings': op<YearSettings[]>()(z.object({}), 'read'),
  'monitoring.saveSettings': op<{ saved: true }>()(YearSettingsInput),
  /** 监测预警: every worklist with its count, as of a date (default today), by that year's settings. */
  'monitoring.worklists': op<Worklists>()(z.object({ asOf: isoDate.optional() }), 'read'),
}
