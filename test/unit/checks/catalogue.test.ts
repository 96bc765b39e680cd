/**
 * Table-driven from the catalogue: every rule fires on its own firing example and stays silent on its
 * non-firing one; the catalogue refuses a rule without either, a duplicate code, or a number that is
 * not in checks.tsv; the clean example township draws no finding from any rule.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runRules } from '../../../electron/core/checks/engine'
import { cleanCase, cleanHousehold, EXAMPLE_AS_OF, emptyLedger, exampleLedger } from '../../../electron/core/checks/examples'
import { CATALOGUE } from '../../../electron/core/checks/rules/catalogue'
import { CATEGORIES, SEVERITIES } from '../../../electron/core/checks/rules/types'

const tsv = fs.readFileSync(path.resolve(__dirname, '../../../electron/core/checks/rules/checks.tsv'), 'utf8')
const NUMBERS = new Set(tsv.split('\n').slice(1).map((l) => l.split('\t')[0]!).filter(Boolean))

describe('the catalogue', () => {
  it('declares every rule completely: code, title, category, severity, fields, both examples', () => {
    const codes = CATALOGUE.map((r) => r.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const r of CATALOGUE) {
      expect(r.title, r.code).toMatch(/\p{Script=Han}/u)
      expect(CATEGORIES, r.code).toContain(r.category)
      expect(SEVERITIES, r.code).toContain(r.severity)
      expect(r.fields.length, r.code).toBeGreaterThan(0)
      expect(r.examples?.fires, `${r.code} lacks a firing example`).toBeTruthy()
      expect(r.examples?.passes, `${r.code} lacks a non-firing example`).toBeTruthy()
      for (const n of r.covers) expect(NUMBERS, `${r.code} covers ${n}`).toContain(n)
    }
  })

  it('covers every checks.tsv number', () => {
    const covered = new Set(CATALOGUE.flatMap((r) => r.covers))
    expect([...NUMBERS].filter((n) => !covered.has(n))).toEqual([])
  })

  it('covers each checks.tsv number at most once', () => {
    const seen = new Map<string, string>()
    for (const r of CATALOGUE) for (const n of r.covers) {
      expect(seen.get(n), `${n} in ${r.code}`).toBeUndefined()
      seen.set(n, r.code)
    }
  })
})

describe.each(CATALOGUE.map((r) => [r.code, r] as const))('%s', (_code, rule) => {
  it('fires on its firing example, naming the field in Chinese', () => {
    const { findings } = runRules(exampleLedger(rule.examples.fires), rule.examples.fires.asOf ?? EXAMPLE_AS_OF, { rules: [rule] })
    expect(findings.length).toBeGreaterThan(0)
    expect(findings[0]!.message).toMatch(/\p{Script=Han}/u)
  })
  it('stays silent on its non-firing example', () => {
    const { findings } = runRules(exampleLedger(rule.examples.passes), rule.examples.passes.asOf ?? EXAMPLE_AS_OF, { rules: [rule] })
    expect(findings.map((f) => f.message)).toEqual([])
  })
})

describe('a clean township', () => {
  it('draws no finding from any rule', () => {
    const data = emptyLedger()
    for (let i = 1; i <= 40; i++) {
      const h = cleanHousehold(i, i)
      if (i % 4 === 0) {
        h.household_type = '监测户'
        h.cases = [cleanCase(i)]
        h.monitoring_category = '脱贫不稳定户'
      }
      data.households.push(h)
    }
    const { findings } = runRules(data, EXAMPLE_AS_OF)
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([])
  })
})
