/** The pure rules of the monitoring case: dates, per-capita figures, step order (property-style). */
import { describe, expect, it } from 'vitest'
import { type CaseView, STEPS, type StepKey, type StepRecord, addDays, addMonths, checkStep, perCapitaFen } from '../../../shared/domain/monitoring'

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648
    return s / 2_147_483_648
  }
}

describe('monitoring dates', () => {
  it('adds calendar months, the 31st becoming the last day of a shorter month', () => {
    expect(addMonths('2023-03-15', 6)).toBe('2023-09-15')
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2023-12-01', 1)).toBe('2024-01-01')
    const rand = rng(7)
    for (let i = 0; i < 500; i++) {
      const start = addDays('2021-01-01', Math.floor(rand() * 2000))
      const n = Math.floor(rand() * 36)
      const out = addMonths(start, n)
      const months = (Number(out.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(out.slice(5, 7)) - Number(start.slice(5, 7))
      expect(months).toBe(n)
      expect(Number(out.slice(8))).toBeLessThanOrEqual(Number(start.slice(8)))
      expect(out >= start).toBe(true)
    }
  })

  it('derives the per-capita income at identification to the 分', () => {
    expect(perCapitaFen(1_800_050, 3)).toBe(600_017)
    expect(perCapitaFen(1_000, 3)).toBe(333)
    expect(perCapitaFen(2_000, 3)).toBe(667)
    expect(perCapitaFen(5_000, 0)).toBe(0)
  })
})

describe('procedure order', () => {
  const empty = (): Record<StepKey, StepRecord> =>
    Object.fromEntries(STEPS.map((s) => [s.key, { date: null, by: null, endDate: null, opinion: null }])) as Record<StepKey, StepRecord>

  it('accepts a step only after the one before it and never dated before it (random procedures)', () => {
    const rand = rng(11)
    for (let run = 0; run < 200; run++) {
      const c: Pick<CaseView, 'steps' | 'eliminationMethod'> = { steps: empty(), eliminationMethod: '自然消除' }
      let last = '2022-01-01'
      for (const [i, s] of STEPS.entries()) {
        // Any later step is refused while this one is missing.
        for (const later of STEPS.slice(i + 1)) {
          expect(checkStep(c, { step: later.key, date: '2025-01-01', by: '甲', endDate: '2025-01-10', opinion: '同意' }, { today: '2026-01-01', publicityDays: 5 })?.field).toBe('step')
        }
        if (i > 0) {
          const early = addDays(last, -1 - Math.floor(rand() * 20))
          expect(checkStep(c, { step: s.key, date: early, by: '甲', endDate: addDays(early, 10), opinion: '同意' }, { today: '2026-01-01', publicityDays: 5 })?.field).toBe('date')
        }
        const date = addDays(last, Math.floor(rand() * 10))
        const endDate = 'period' in s ? addDays(date, 4 + Math.floor(rand() * 5)) : null
        expect(checkStep(c, { step: s.key, date, by: '甲', endDate, opinion: '同意' }, { today: '2026-01-01', publicityDays: 5 })).toBeNull()
        c.steps[s.key] = { date, by: '甲', endDate, opinion: '同意' }
        last = endDate ?? date
      }
    }
  })
})
