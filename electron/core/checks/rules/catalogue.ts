/**
 * Every rule, one folder per category (rules/<folder>/index.ts). To find the rule of a county number
 * (checks.tsv), search its number: each rule lists the numbers it covers (`covers`), or call rulesCovering.
 */
import { assistanceRules } from './assistance'
import { attributeRules } from './attributes'
import { guaranteeRules } from './guarantees'
import { householdRules } from './household'
import { identityRules } from './identity'
import { incomeRules } from './income'
import { labourRules } from './labor'
import { landRules } from './land'
import { ledgerRules } from './ledger'
import { livingRules } from './living'
import { monitoringRules } from './monitoring'
import { phoneRules } from './phone'
import type { RuleDef } from './types'
import { villageRules } from './village'
import { workMeasureRules, workRules } from './work'

export const CATALOGUE: readonly RuleDef[] = [
  ...identityRules, ...householdRules, ...incomeRules, ...guaranteeRules, ...landRules, ...labourRules, ...livingRules,
  ...phoneRules, ...attributeRules, ...monitoringRules, ...assistanceRules, ...workRules, ...workMeasureRules, ...villageRules, ...ledgerRules,
] as readonly RuleDef[]

export const ruleByCode = (code: string): RuleDef | undefined => CATALOGUE.find((r) => r.code === code)
export const rulesCovering = (tsvNumber: string): RuleDef[] => CATALOGUE.filter((r) => r.covers.includes(tsvNumber))
