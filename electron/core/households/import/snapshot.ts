/** The ledger side of a roster comparison: the households and members a file is compared with. */
import type { RowValue } from '../../../../shared/import/rows'
import type { Ledger } from '../../db/ledger'

export interface ExistingMember {
  id: number
  household_id: number
  name: string
  person_no: string | null
  id_number: string | null
  removed_reason: string | null
  [field: string]: RowValue
}

export interface ExistingHousehold {
  id: number
  village_id: number
  group_id: number | null
  household_no: string | null
  removed_reason: string | null
  /** The household's columns of an earlier import (../member-cells.ts). */
  extra_json: string | null
  [field: string]: RowValue
}

/**
 * The ledger's households and members as far as this file can compare them.
 * Loaded in steps so the import can fill the main thread's idle time while the
 * reader thread is still reading the file; `data_version` tells whether another
 * connection wrote meanwhile, in which case it is loaded afresh.
 */
export class LedgerSnapshot {
  readonly households: ExistingHousehold[] = []
  readonly byHouseholdNo = new Map<string, ExistingHousehold>()
  readonly byHouseholdId = new Map<number, ExistingHousehold>()
  readonly membersOf = new Map<number, ExistingMember[]>()
  readonly byIdNumber = new Map<string, ExistingMember>()
  private readonly version: number
  private householdRows: Iterator<ExistingHousehold> | null
  private memberRows: Iterator<ExistingMember> | null

  constructor(
    private readonly db: Ledger['sqlite'],
    readonly householdFields: readonly string[],
    readonly memberFields: readonly string[],
  ) {
    // Only the columns this file can compare: a county roster has 100 000 people.
    const cols = (base: string[], fields: readonly string[]) => [...new Set([...base, ...fields])].join(', ')
    this.version = db.pragma('data_version', { simple: true }) as number
    this.householdRows = (
      db.prepare(`SELECT ${cols(['id', 'village_id', 'group_id', 'household_no', 'removed_reason', 'extra_json'], householdFields)} FROM households`).iterate() as IterableIterator<ExistingHousehold>
    )[Symbol.iterator]()
    const memberColumns = cols(['id', 'household_id', 'name', 'person_no', 'id_number', 'sex', 'birth_date', 'removed_reason', 'extra_json'], memberFields)
    this.memberRows = (db.prepare(`SELECT ${memberColumns} FROM members`).iterate() as IterableIterator<ExistingMember>)[Symbol.iterator]()
  }

  /** Loads up to `rows` more rows; false once everything is loaded. */
  step(rows = 2000): boolean {
    for (let i = 0; i < rows; i++) {
      if (this.householdRows) {
        const next = this.householdRows.next()
        if (next.done) this.householdRows = null
        else this.addHousehold(next.value)
        continue
      }
      if (!this.memberRows) return false
      const next = this.memberRows.next()
      if (next.done) {
        this.memberRows = null
        return false
      }
      this.addMember(next.value)
    }
    return true
  }

  /** Everything loaded and still current (or a fresh snapshot when the ledger changed). */
  complete(): LedgerSnapshot {
    // The connection runs nothing else while an iterator is open: finish reading first.
    while (this.step(10_000));
    if ((this.db.pragma('data_version', { simple: true }) as number) === this.version) return this
    return new LedgerSnapshot(this.db, this.householdFields, this.memberFields).complete()
  }

  /** Releases the open reads (the file could not be read to the end). */
  close(): void {
    this.householdRows?.return?.()
    this.memberRows?.return?.()
    this.householdRows = this.memberRows = null
  }

  private addHousehold(h: ExistingHousehold): void {
    this.households.push(h)
    this.byHouseholdId.set(h.id, h)
    if (h.household_no) this.byHouseholdNo.set(h.household_no, h)
  }

  private addMember(m: ExistingMember): void {
    let list = this.membersOf.get(m.household_id)
    if (!list) this.membersOf.set(m.household_id, (list = []))
    list.push(m)
    if (m.id_number) this.byIdNumber.set(m.id_number, m)
  }
}
