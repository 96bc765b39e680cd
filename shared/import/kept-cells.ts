/**
 * The cells of a row's kept columns (those the dictionary does not know, kept by header so an
 * export can give them back), stored compactly: one key list per sheet, and per row only its
 * non-blank values with their column positions. A national monitoring roster keeps ≈ 150 columns
 * on 100 000 rows; as one object per row (≈ 150 properties, which V8 stores as a dictionary) that
 * was most of an import's memory. `toRecord()` gives the object the rows used to carry, built when
 * asked (a row written, compared or exported), with the same keys in the same order.
 */

/** The kept columns' keys of one sheet, in column order (shared by all its rows). */
export class KeptKeys {
  /** Key → its last position (a later column of the same key wins, as in an object). */
  readonly index: ReadonlyMap<string, number>
  /**
   * Keys all distinct and none an array index ("2023"): then an object built from a row lists
   * its keys in column order, and lookups and JSON can skip building it.
   */
  readonly simple: boolean
  private readonly quoted: string[]
  private readonly memos = new Map<unknown, unknown>()
  /** Per key, the last value written by `member` and its JSON member text ("key":"value"). */
  private readonly lastValue: (string | undefined)[] = []
  private readonly lastMember: string[] = []

  constructor(readonly list: readonly string[]) {
    const index = new Map<string, number>()
    list.forEach((k, i) => index.set(k, i))
    this.index = index
    this.simple = index.size === list.length && !list.some(isArrayIndex)
    this.quoted = list.map((k) => JSON.stringify(k))
  }

  /**
   * The JSON member of key i after its comma: `,"key":"value"`. A household's columns repeat the same
   * value on each of its member rows (one string, interned), so the text of the last value is kept per key.
   */
  member(i: number, value: string): string {
    if (this.lastValue[i] === value) return this.lastMember[i]!
    const text = ',' + this.quoted[i]! + ':' + JSON.stringify(value)
    this.lastValue[i] = value
    this.lastMember[i] = text
    return text
  }

  /** Something derived from the key list, computed once per sheet (e.g. the keys normalised). */
  memo<T>(key: unknown, build: (list: readonly string[]) => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build(this.list))
    return this.memos.get(key) as T
  }
}

/** An array index key ("0", "17", "2023"): objects list those first, in numeric order. */
function isArrayIndex(k: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1
}

export class KeptCells {
  /**
   * @param at the positions (in keys.list) of the non-blank cells, ascending, one UTF-16 code
   *   unit each (a one-byte string for the first 256 columns)
   * @param values their values, in the same order
   */
  constructor(
    readonly keys: KeptKeys,
    readonly at: string,
    readonly values: readonly string[],
  ) {}

  /** A row's kept cells from an object (header → value), e.g. a row built by hand. */
  static fromRecord(record: Readonly<Record<string, string>>): KeptCells {
    const list = Object.keys(record)
    return new KeptCells(new KeptKeys(list), list.map((_, i) => String.fromCharCode(i)).join(''), list.map((k) => record[k]!))
  }

  /** Number of non-blank kept cells. */
  get size(): number {
    return this.values.length
  }

  /** The value under a key (undefined when its cell is blank or the sheet has no such column). */
  get(key: string): string | undefined {
    if (!this.keys.simple) return this.toRecord()[key]
    const i = this.keys.index.get(key)
    if (i === undefined) return undefined
    const pos = this.at.indexOf(String.fromCharCode(i))
    return pos < 0 ? undefined : this.values[pos]
  }

  /** Each non-blank cell as (key, value), in the order an object of them lists its keys. */
  forEach(fn: (key: string, value: string, column: number) => void): void {
    if (!this.keys.simple) {
      for (const [k, v] of Object.entries(this.toRecord())) fn(k, v, this.keys.index.get(k)!)
      return
    }
    for (let j = 0; j < this.values.length; j++) {
      const i = this.at.charCodeAt(j)
      fn(this.keys.list[i]!, this.values[j]!, i)
    }
  }

  /** Header → value of the non-blank cells: the object the row used to carry. */
  toRecord(): Record<string, string> {
    const out: Record<string, string> = {}
    for (let j = 0; j < this.values.length; j++) out[this.keys.list[this.at.charCodeAt(j)]!] = this.values[j]!
    return out
  }

  /**
   * As stored in extra_json: JSON.stringify(toRecord()), or null when every kept cell is blank.
   * `only`: the cells of the key positions it marks 1 (a household's columns, or a member's own).
   */
  toJson(only?: Uint8Array): string | null {
    if (!this.keys.simple) {
      const record = this.toRecord()
      if (only) for (const k of Object.keys(record)) if (only[this.keys.index.get(k)!] !== 1) delete record[k]
      return Object.keys(record).length ? JSON.stringify(record) : null
    }
    let out = ''
    for (let j = 0; j < this.values.length; j++) {
      const i = this.at.charCodeAt(j)
      if (!only || only[i] === 1) out += this.keys.member(i, this.values[j]!)
    }
    return out === '' ? null : '{' + out.slice(1) + '}'
  }
}

/**
 * Gives back one string object for equal short values, so the ≈ 150 kept cells of 100 000 rows
 * ("是", "否", "0", dates) do not each hold their own copy. Bounded: past `max` distinct values
 * it passes new ones through.
 */
export function createInterner(maxLength = 16, max = 200_000): (s: string) => string {
  const seen = new Map<string, string>()
  return (s) => {
    if (s.length > maxLength) return s
    const had = seen.get(s)
    if (had !== undefined) return had
    if (seen.size < max) seen.set(s, s)
    return s
  }
}

/** Lookups a column is given in the shared table before its hit rate is judged. */
const JUDGE_AFTER = 1000
/** Below this share of hits the column's values are (nearly) all distinct: the table is skipped for it. */
const MIN_HIT_RATE = 0.02

/**
 * An interner per column of a sheet: the same strings as createInterner gives (one object for equal
 * short values), at less cost. A value equal to the column's value on the row above (a household's
 * columns repeat on each member row) is that string at once; a column whose values are nearly all
 * distinct (ID numbers, phone numbers, names), where a shared table only costs a lookup and an entry
 * per row and saves nothing, stops being looked up after its first JUDGE_AFTER values.
 */
export function createColumnInterner(maxLength = 16, max = 200_000): (column: number, s: string) => string {
  const seen = new Map<string, string>()
  const last: (string | undefined)[] = []
  const lookups: number[] = []
  const hits: number[] = []
  return (column, s) => {
    if (s.length > maxLength) return s
    const prev = last[column]
    if (prev === s) return prev
    const n = lookups[column] ?? 0
    if (n >= JUDGE_AFTER && hits[column]! < n * MIN_HIT_RATE) {
      last[column] = s
      return s
    }
    lookups[column] = n + 1
    let had = seen.get(s)
    if (had !== undefined) hits[column] = (hits[column] ?? 0) + 1
    else {
      hits[column] ??= 0
      if (seen.size < max) seen.set(s, s)
      had = s
    }
    last[column] = had
    return had
  }
}
