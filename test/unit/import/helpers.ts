/** Synthetic ID numbers for tests: never real people's data. */
import { idCheckChar } from '../../../shared/domain/id-number'

/** A valid 18-digit ID: area 410102 (made up for tests), birth yyyymmdd, 3-digit sequence (odd = male). */
export function makeId(birth: string, seq = '123', area = '410102'): string {
  const first17 = `${area}${birth}${seq}`
  return first17 + idCheckChar(first17)!
}

/** The same ID with a wrong check character. */
export function withBadCheck(id: string): string {
  const wrong = id[17] === '0' ? '1' : '0'
  return id.slice(0, 17) + wrong
}
