/**
 * Finds the ledger's village for a row. Township files often lack the county
 * and township columns: then the village name alone decides.
 */
import type Database from 'better-sqlite3'

export interface VillageRow {
  id: number
  county: string
  township: string
  name: string
}

export class VillageIndex {
  private readonly byName = new Map<string, VillageRow[]>()
  readonly byId = new Map<number, VillageRow>()

  constructor(db: Database.Database) {
    for (const v of db.prepare('SELECT id, county, township, name FROM villages').all() as VillageRow[]) this.add(v)
  }

  add(v: VillageRow): void {
    this.byId.set(v.id, v)
    const list = this.byName.get(v.name) ?? []
    list.push(v)
    this.byName.set(v.name, list)
  }

  /**
   * The village named so: the one with the same county and township first; a file without county
   * or township columns (or blank cells there) matches any. `prefer` (the household's own village)
   * wins among several that match, so a household is never moved to a namesake in another township.
   */
  find(county: string, township: string, name: string, prefer?: number): VillageRow | undefined {
    const list = this.byName.get(name)
    if (!list) return undefined
    const exact = list.find((v) => v.county === county && v.township === township)
    if (exact) return exact
    const fits = list.filter((v) => VillageIndex.fits(v, county, township))
    return fits.find((v) => v.id === prefer) ?? fits[0]
  }

  static fits(v: VillageRow, county: string, township: string): boolean {
    return (!county || v.county === county) && (!township || v.township === township)
  }
}
