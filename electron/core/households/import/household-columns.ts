/**
 * Which kept columns of a roster are the household's. A national export repeats every household
 * column (致贫/返贫风险, 家庭人口数, 人均纯收入, 帮扶措施 …) on each member row: on a county monitoring
 * roster that is ≈ 85 % of the kept bytes. A new household's such columns are stored once, in
 * households.extra_json, and each member keeps the rest (see ../member-cells.ts for how the two read
 * as one row).
 *
 * A column is the household's when, in every household of the file with two or more members, all
 * of them give the same value (or all leave it blank), and at least MIN_EVIDENCE of those households
 * give one: a file too small to tell keeps everything per member (致贫/返贫风险1–5 are judged as one,
 * see below). Work columns (务工…, 就业…) stay the person's, whatever the file shows: the statistics
 * read them per member. Since such a column is a fact of the household, a member added later shows
 * it too, as the national export would print it.
 */
import type { KeptKeys } from '../../../../shared/import/kept-cells'
import type { ParsedHousehold } from './types'

export const MIN_EVIDENCE = 20
const PERSONAL = /务工|就业/
const RISKS = /^致贫\/返贫风险\d$/

export interface HouseholdColumns {
  /** 1 at the key positions (of the sheet's KeptKeys) stored on the household. */
  household: Uint8Array
  /** The complement: what each member keeps of its own. */
  member: Uint8Array
}

/** The household columns of a parsed roster, or null when none (or the rows do not share one key list). */
export function householdColumns(households: readonly ParsedHousehold[]): HouseholdColumns | null {
  let keys: KeptKeys | null = null
  for (const h of households) {
    for (const m of h.members) {
      if (keys === null) keys = m.kept.keys
      else if (m.kept.keys !== keys) return null
    }
  }
  if (keys === null || !keys.simple) return null
  const n = keys.list.length
  const mixed = new Uint8Array(n)
  const evidence = new Uint32Array(n)
  // Per household: the first member's value at each position, and how many others gave the same.
  const first: (string | undefined)[] = new Array<string | undefined>(n)
  const same = new Uint32Array(n)
  for (const h of households) {
    const members = h.members
    if (members.length < 2) continue
    const head = members[0]!.kept
    for (let j = 0; j < head.values.length; j++) first[head.at.charCodeAt(j)] = head.values[j]
    for (let k = 1; k < members.length; k++) {
      const { at, values } = members[k]!.kept
      for (let j = 0; j < values.length; j++) {
        const i = at.charCodeAt(j)
        if (first[i] === values[j]) same[i]!++
        else mixed[i] = 1
      }
    }
    for (let j = 0; j < head.values.length; j++) {
      const i = head.at.charCodeAt(j)
      // A member left it blank where the first gave a value.
      if (same[i] === members.length - 1) evidence[i]!++
      else mixed[i] = 1
      first[i] = undefined
      same[i] = 0
    }
  }
  // The risk columns go together: the statistics take a household's risks from one row, which must
  // not find some on the household and the rest on a member. Their evidence is pooled (致贫/返贫风险3
  // is rarely filled); one that differs within a household keeps them all on the members.
  const risks = keys.list.map((k, i) => (RISKS.test(k) ? i : -1)).filter((i) => i >= 0)
  const riskEvidence = Math.max(0, ...risks.map((i) => evidence[i]!))
  const risksMixed = risks.some((i) => mixed[i])
  const household = new Uint8Array(n)
  const member = new Uint8Array(n).fill(1)
  let any = false
  for (let i = 0; i < n; i++) {
    const key = keys.list[i]!
    const ok = RISKS.test(key) ? !risksMixed && riskEvidence >= MIN_EVIDENCE : !mixed[i] && evidence[i]! >= MIN_EVIDENCE && !PERSONAL.test(key)
    if (!ok) continue
    household[i] = 1
    member[i] = 0
    any = true
  }
  return any ? { household, member } : null
}
