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

  find(county: string, township: string, name: string): VillageRow | undefined {
    return this.byName.get(name)?.find((v) => (!county || v.county === county) && (!township || v.township === township))
  }
}
