import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLedger } from '../../../electron/core/db/open'
import { tempDir } from '../../helpers/temp'

function ledger() {
  let t = 0
  return openLedger(path.join(tempDir(), 'ledger.sqlite'), { now: () => new Date(Date.UTC(2026, 10, 22, 8, 0, t++)) })
}

describe('the audited write path', () => {
  it('records inserts, field-level updates and deletes with actor, time and batch', async () => {
    const l = ledger()
    const id = l.write.run({ actor: '张干事', batch: 'b1' }, (w) => w.insert('villages', { name: '青山村', county: '甲县', township: '乙镇' }))
    const changed = l.write.run({ actor: '李干事' }, (w) => w.update('villages', id, { name: '青山村', exit_year: '2019' }))
    expect(changed).toEqual(['exit_year'])
    expect(l.write.run({ actor: '李干事' }, (w) => w.update('villages', id, { exit_year: '2019' }))).toEqual([])
    l.write.run({ actor: '王干事' }, (w) => w.delete('villages', id))

    const audit = l.sqlite.prepare('SELECT actor, action, table_name, record_id, field, old_value, new_value, batch FROM audit_log ORDER BY id').all()
    expect(audit).toEqual([
      { actor: '张干事', action: 'insert', table_name: 'villages', record_id: id, field: null, old_value: null, new_value: null, batch: 'b1' },
      { actor: '李干事', action: 'update', table_name: 'villages', record_id: id, field: 'exit_year', old_value: null, new_value: '2019', batch: null },
      expect.objectContaining({ actor: '王干事', action: 'delete', record_id: id, field: null, new_value: null }),
    ])
    expect(JSON.parse((audit[2] as { old_value: string }).old_value)).toMatchObject({ name: '青山村', exit_year: '2019' })
    await l.close()
  })

  it('inserts many rows at once, each audited with the batch, the pinyin derived; a column one row lacks is NULL there; unknown columns are refused', async () => {
    const l = ledger()
    const ids = l.write.run({ actor: '张干事' }, (w) => {
      const village = w.insert('villages', { name: '青山村', county: '甲县', township: '乙镇' })
      const household = w.insert('households', { village_id: village })
      w.setBatch('import:7')
      return w.insertMany('members', ['张三丰', '李四', '王五'].map((name, i) => ({ household_id: household, name, sort_order: i })))
    })
    expect(ids).toHaveLength(3)
    expect(l.sqlite.prepare('SELECT id, name_pinyin, created_at FROM members ORDER BY id').all()).toEqual(
      ids.map((id, i) => ({ id, name_pinyin: ['|zhangsanfeng|zsf|', '|lisi|ls|', '|wangwu|ww|'][i], created_at: expect.stringMatching(/^2026-11-22T/) })),
    )
    expect(l.sqlite.prepare("SELECT record_id, actor, batch FROM audit_log WHERE table_name = 'members' ORDER BY id").all()).toEqual(
      ids.map((id) => ({ record_id: id, actor: '张干事', batch: 'import:7' })),
    )
    const mixed = l.write.run({ actor: '张干事' }, (w) =>
      w.insertMany('members', [
        { household_id: 1, name: '甲', sort_order: 3 },
        { household_id: 1, name: '乙', sex: '男', sort_order: 4 },
      ]),
    )
    expect(l.sqlite.prepare(`SELECT name, sex FROM members WHERE id IN (${mixed.join(',')}) ORDER BY id`).all()).toEqual([
      { name: '甲', sex: null },
      { name: '乙', sex: '男' },
    ])
    expect(() =>
      l.write.run({ actor: '张干事' }, (w) => w.insertMany('members', [{ household_id: 1, name: '丙', sort_order: 5, nickname: '小丙' }])),
    ).toThrow(/column members.nickname is not writable/)
    expect(l.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(5)
    await l.close()
  })

  it('insertMany writes what insert would: columns named only in `columns` NULL, numbers in TEXT columns as text, the pinyin derived, a name given as the value', async () => {
    const l = ledger()
    const rows: Record<string, string | number | null>[] = [
      { household_id: 1, name: '张三丰', sort_order: 0, work_months: 8, extra_json: '{"备注":"甲"}' },
      { household_id: 1, name: '李四', sort_order: 1, sex: '女', name_pinyin: null },
    ]
    // The same rows given as values `under` the rows' own (which win where both name a column).
    const under: Record<string, string | number | null>[] = [
      { name: '张三丰', work_months: 8, sex: null },
      { name: '王五', sex: '男', relation: null },
    ]
    const own: Record<string, string | number | null>[] = [
      { household_id: 1, sort_order: 0, extra_json: '{"备注":"甲"}' },
      { household_id: 1, name: '李四', sort_order: 1, sex: '女', name_pinyin: null },
    ]
    const [one, many, layered] = l.write.run({ actor: '张干事' }, (w) => {
      const village = w.insert('villages', { name: '青山村', county: '甲县', township: '乙镇' })
      w.insert('households', { village_id: village })
      const one = rows.map((r) => w.insert('members', { ...r, health: null }))
      const many = w.insertMany('members', rows, ['health', 'sex'])
      const layered = w.insertMany('members', own, ['health'], under)
      return [one, many, layered]
    })
    const read = (ids: number[]) =>
      l.sqlite.prepare(`SELECT household_id, name, sort_order, sex, health, work_months, typeof(work_months) AS t, extra_json, name_pinyin, created_at, updated_at FROM members WHERE id IN (${ids.join(',')}) ORDER BY id`).all()
    expect(read(many)).toEqual(read(one))
    expect(read(layered)).toEqual(read(one))
    expect(l.sqlite.prepare(`SELECT relation FROM members WHERE id IN (${layered.join(',')})`).pluck().all()).toEqual([null, null])
    expect(read(many)[0]).toMatchObject({ work_months: '8', t: 'text', name_pinyin: '|zhangsanfeng|zsf|', sex: null, health: null })
    expect(read(many)[1]).toMatchObject({ name_pinyin: '|lisi|ls|', sex: '女', work_months: null, extra_json: null })
    await l.close()
  })

  it('sets created_at and updated_at on records that have them', async () => {
    const l = ledger()
    const v = l.write.run({ actor: 't' }, (w) => w.insert('villages', { name: '村' }))
    const h = l.write.run({ actor: 't' }, (w) => w.insert('households', { village_id: v, household_no: '1' }))
    const before = l.sqlite.prepare('SELECT created_at, updated_at FROM households WHERE id = ?').get(h) as { created_at: string; updated_at: string }
    l.write.run({ actor: 't' }, (w) => w.update('households', h, { phone: '13800000000' }))
    const after = l.sqlite.prepare('SELECT created_at, updated_at FROM households WHERE id = ?').get(h) as { created_at: string; updated_at: string }
    expect(after.created_at).toBe(before.created_at)
    expect(after.updated_at > before.updated_at).toBe(true)
    await l.close()
  })

  it('writes nothing, audit included, when the transaction throws', async () => {
    const l = ledger()
    expect(() =>
      l.write.run({ actor: 't' }, (w) => {
        w.insert('villages', { name: '青山村' })
        w.insert('villages', { name: '石桥村' })
        throw new Error('stop')
      }),
    ).toThrow('stop')
    expect(l.sqlite.prepare('SELECT count(*) AS n FROM villages').get()).toEqual({ n: 0 })
    expect(l.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 })
    await l.close()
  })

  it('refuses unknown columns and enforces foreign keys', async () => {
    const l = ledger()
    expect(() => l.write.run({ actor: 't' }, (w) => w.insert('villages', { name: 'x', 'name; DROP TABLE villages': 1 }))).toThrow(/not writable/)
    expect(() => l.write.run({ actor: 't' }, (w) => w.insert('households', { village_id: 999 }))).toThrow(/FOREIGN KEY/)
    expect(() => l.write.run({ actor: 't' }, (w) => w.update('villages', 42, { name: 'y' }))).toThrow(/不存在/)
    await l.close()
  })
})
