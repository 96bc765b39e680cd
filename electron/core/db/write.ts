/**
 * The one write path. Every insert, update and delete of ledger records goes
 * through here, inside a synchronous transaction, and leaves audit rows:
 * who, when, which record and field, old → new.
 */
import type Database from 'better-sqlite3'
import { LedgerError } from '../../../shared/api/result'
import { pinyinKey } from './pinyin-key'
import type { WritableTable } from './schema'

type Value = string | number | null

/**
 * Columns kept in step with another column by the write path itself, never by
 * callers, and not audited (they repeat what the audited column says).
 */
const DERIVED: Partial<Record<string, Record<string, (v: Value) => Record<string, Value>>>> = {
  members: { name: (v) => ({ name_pinyin: pinyinKey(typeof v === 'string' ? v : null) }) },
}

/** Columns whose values never enter the audit trail: it records only that they changed. */
const SECRET: Partial<Record<string, ReadonlySet<string>>> = { accounts: new Set(['password_hash']) }
const HIDDEN = '（已隐藏）'
/** Tables whose insert audit row names what was created, with these columns. */
const SNAPSHOT_ON_INSERT: Partial<Record<string, readonly string[]>> = { accounts: ['username', 'display_name', 'role'] }
const snapshotOf = (table: string, v: Record<string, Value>): string | null => {
  const cols = SNAPSHOT_ON_INSERT[table]
  return cols ? JSON.stringify(Object.fromEntries(cols.map((c) => [c, v[c] ?? null]))) : null
}
const hide = (table: string, col: string, v: Value): Value => (v !== null && SECRET[table]?.has(col) ? HIDDEN : v)
const redact = (table: string, row: Record<string, Value>): Record<string, Value> =>
  SECRET[table] ? Object.fromEntries(Object.entries(row).map(([c, v]) => [c, hide(table, c, v)])) : row

/** A value as bound: NULL for none, a number into a TEXT column as its decimal text. */
const bound = (value: Value | undefined, text: boolean): Value =>
  value === undefined || value === null ? null : text && typeof value === 'number' ? String(value) : value

/** How insertMany binds a column: the transaction's timestamp, a TEXT column, or the value as given. */
const STAMP = 0
const TEXT = 1
const AS_IS = 2

function derived(table: string, values: Record<string, Value>): Record<string, Value> {
  const rules = DERIVED[table]
  return rules ? derivedOf(rules, values, undefined) : {}
}

/** What the derived columns are for { ...base, ...row } (base: none, or values the row overrides). */
function derivedOf(rules: Record<string, (v: Value) => Record<string, Value>>, row: Record<string, Value>, base: Record<string, Value> | undefined): Record<string, Value> {
  let out: Record<string, Value> = {}
  for (const [col, fn] of Object.entries(rules)) {
    if (col in row) out = { ...out, ...fn(row[col] ?? null) }
    else if (base !== undefined && col in base) out = { ...out, ...fn(base[col] ?? null) }
  }
  return out
}

export interface WriteScope {
  insert(table: WritableTable, values: Record<string, Value>): number
  /**
   * Inserts many rows of the same columns (an import's members): one statement prepared once,
   * and their audit rows written by SQLite itself in one statement. Returns the ids in order.
   * `columns`: columns to write even where no row of this call names them (NULL), so that calls
   * in chunks all write the same columns. `under`: per row, values its own override, as if the row
   * were { ...under[i], ...rows[i] } (so a caller need not copy each row's values into a new object:
   * 100 000 such copies were 200 MB of garbage that outlived the young generation).
   */
  insertMany(table: WritableTable, rows: readonly Record<string, Value>[], columns?: readonly string[], under?: readonly Record<string, Value>[]): number[]
  /** Returns the fields whose value actually changed. */
  update(table: WritableTable, id: number, patch: Record<string, Value>): string[]
  delete(table: WritableTable, id: number): void
  /** Deletes many rows by a raw condition, auditing each one. */
  deleteWhere(table: WritableTable, where: string, params: Value[]): number
  /** Puts back a deleted row with its original id (undo). */
  restore(table: WritableTable, row: Record<string, Value>): void
  /** Labels the audit rows written from now on (e.g. once an import batch has its id). */
  setBatch(batch: string): void
}

export interface WriteOptions {
  actor: string
  /** Groups the audit rows of one operation, e.g. an import batch. */
  batch?: string
}

export class LedgerWriter {
  private readonly columns = new Map<string, Set<string>>()
  /** Columns declared TEXT: a number bound to them is stored as its decimal text ('8', not '8.0'). */
  private readonly textColumns = new Map<string, Set<string>>()
  private readonly statements = new Map<string, Database.Statement>()

  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => Date,
  ) {}

  /** Runs fn in one transaction; any throw rolls back everything it wrote. */
  run<T>(options: WriteOptions, fn: (w: WriteScope) => T): T {
    const at = this.now().toISOString()
    const audit = this.stmt(
      'INSERT INTO audit_log (at, actor, action, table_name, record_id, field, old_value, new_value, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    let batch = options.batch ?? null
    const log = (action: string, table: string, id: number, field: string | null, oldV: Value, newV: Value) =>
      audit.run(at, options.actor, action, table, id, field, str(oldV), str(newV), batch)

    const scope: WriteScope = {
      insert: (table, values) => {
        const v = { ...this.withTimestamps(table, values, at, true), ...derived(table, values) }
        const cols = this.checkColumns(table, Object.keys(v))
        const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
        const id = Number(this.stmt(sql).run(...cols.map((c) => this.bind(table, c, v[c]))).lastInsertRowid)
        // The new record itself holds its values; later changes are audited field by field. Accounts are
        // the exception: who was given which role must stay readable in the log whatever happens later.
        log('insert', table, id, null, null, snapshotOf(table, v))
        return id
      },
      insertMany: (table, rows, columns = [], under) => {
        if (rows.length === 0) return []
        if (under && under.length !== rows.length) throw new Error('insertMany: one `under` per row')
        // Every column any row (or `columns`) names; a row without one gets NULL there.
        const named: Record<string, Value> = {}
        for (const k of columns) named[k] = null
        if (under) for (const row of under) for (const k in row) named[k] = null
        for (const row of rows) for (const k in row) named[k] = null
        const cols = this.checkColumns(table, Object.keys({ ...this.withTimestamps(table, named, at, true), ...derived(table, named) }))
        const insert = this.stmt(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
        // Per column, once: a timestamp, a TEXT column (a number bound as its decimal text) or as given.
        const text = this.textColumns.get(table)
        const kinds = cols.map((c) => (c === 'created_at' || c === 'updated_at' ? STAMP : text?.has(c) ? TEXT : AS_IS))
        const rules = DERIVED[table]
        // One argument list reused for every row (a county import binds 100 000 rows of ≈ 30 columns).
        const args: Value[] = new Array<Value>(cols.length)
        const ids = new Array<number>(rows.length)
        for (let r = 0; r < rows.length; r++) {
          const row = rows[r]!
          const base = under?.[r]
          // What { ...v, ...derived(table, v) } would give for v = { ...base, ...row }, without building either.
          const d = rules ? derivedOf(rules, row, base) : null
          for (let j = 0; j < cols.length; j++) {
            const c = cols[j]!
            const kind = kinds[j]!
            if (kind === STAMP) {
              args[j] = at
              continue
            }
            const v = d !== null && c in d ? d[c] : base === undefined || c in row ? row[c] : base[c]
            args[j] = bound(v, kind === TEXT)
          }
          ids[r] = Number(insert.run(args).lastInsertRowid)
        }
        const low = ids[0]!
        const high = ids[ids.length - 1]!
        if (high - low + 1 === ids.length && !SNAPSHOT_ON_INSERT[table]) {
          // Consecutive ids (nothing else wrote in between): one statement audits them all.
          this.stmt(
            `INSERT INTO audit_log (at, actor, action, table_name, record_id, field, old_value, new_value, batch)
             SELECT ?, ?, 'insert', ?, id, NULL, NULL, NULL, ? FROM ${table} WHERE id BETWEEN ? AND ? ORDER BY id`,
          ).run(at, options.actor, table, batch, low, high)
        } else {
          for (const [i, id] of ids.entries()) log('insert', table, id, null, null, snapshotOf(table, rows[i]!))
        }
        return ids
      },
      update: (table, id, patch) => {
        const old = this.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, Value> | undefined
        if (!old) throw new LedgerError('not_found', `要修改的记录（${table} #${id}）不存在，可能已被删除。请刷新后重试。`)
        const changed = this.checkColumns(table, Object.keys(patch)).filter((c) => (old[c] ?? null) !== this.bind(table, c, patch[c]))
        if (changed.length === 0) return []
        const fields = Object.fromEntries(changed.map((c) => [c, patch[c] ?? null]))
        const v = { ...this.withTimestamps(table, fields, at, false), ...derived(table, fields) }
        const cols = Object.keys(v)
        this.stmt(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => this.bind(table, c, v[c])), id)
        for (const c of changed) log('update', table, id, c, hide(table, c, old[c] ?? null), hide(table, c, patch[c] ?? null))
        return changed
      },
      delete: (table, id) => {
        const old = this.stmt(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, Value> | undefined
        if (!old) return
        this.stmt(`DELETE FROM ${table} WHERE id = ?`).run(id)
        log('delete', table, id, null, JSON.stringify(redact(table, old)), null)
      },
      deleteWhere: (table, where, params) => {
        const rows = this.sqlite.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(...params) as Record<string, Value>[]
        const del = this.stmt(`DELETE FROM ${table} WHERE id = ?`)
        for (const row of rows) {
          del.run(row.id)
          log('delete', table, Number(row.id), null, JSON.stringify(redact(table, row)), null)
        }
        return rows.length
      },
      restore: (table, row) => {
        const cols = Object.keys(row)
        this.checkColumns(table, cols.filter((c) => c !== 'id'))
        this.stmt(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c] ?? null))
        log('insert', table, Number(row.id), null, null, null)
      },
      setBatch: (label) => {
        batch = label
      },
    }
    return this.sqlite.transaction(() => fn(scope))()
  }

  private bind(table: string, column: string, value: Value | undefined): Value {
    return bound(value, this.textColumns.get(table)?.has(column) === true)
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.sqlite.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  /** Column names come from the schema itself, so no caller can inject SQL. */
  private checkColumns(table: string, cols: string[]): string[] {
    let known = this.columns.get(table)
    if (!known) {
      const info = this.sqlite.pragma(`table_info(${table})`) as { name: string; type: string }[]
      if (info.length === 0) throw new Error(`unknown table ${table}`)
      known = new Set(info.map((c) => c.name))
      this.columns.set(table, known)
      this.textColumns.set(table, new Set(info.filter((c) => c.type.toUpperCase() === 'TEXT').map((c) => c.name)))
    }
    for (const c of cols) if (!known.has(c) || c === 'id') throw new Error(`column ${table}.${c} is not writable`)
    return cols
  }

  private withTimestamps(table: string, values: Record<string, Value>, at: string, inserting: boolean): Record<string, Value> {
    const known = this.columns.get(table) ?? new Set(this.checkColumnsAll(table))
    const v = { ...values }
    if (known.has('updated_at')) v.updated_at = at
    if (inserting && known.has('created_at')) v.created_at = at
    return v
  }

  private checkColumnsAll(table: string): string[] {
    this.checkColumns(table, [])
    return [...(this.columns.get(table) ?? [])]
  }
}

function str(v: Value): string | null {
  return v === null ? null : String(v)
}
