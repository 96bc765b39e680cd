/**
 * A member's kept cells (the columns of an imported roster the dictionary does not know) as its row
 * said them: the household's columns, stored once in households.extra_json (import/household-columns.ts),
 * then the member's own, members.extra_json, which win over the household's where both have a column.
 * Ledgers imported before the household's were split off hold every cell on the member: the same reading.
 */
export type Cells = Record<string, string>

export function parseCells(json: unknown): Cells | null {
  return typeof json === 'string' && json !== '' ? (JSON.parse(json) as Cells) : null
}

export function memberCells(household: Cells | null, memberJson: unknown): Cells {
  const own = parseCells(memberJson)
  if (!household) return own ?? {}
  return own ? { ...household, ...own } : { ...household }
}
