/**
 * 调整村组: a household moves to another village or 组 (a roster mistake, or
 * groups merged). A group named for the first time is created in that village.
 */
import { LedgerError } from '../../../shared/api/result'
import type { Ledger } from '../db/open'

export function moveHousehold(ledger: Ledger, actor: string, input: { id: number; villageId: number; groupName: string | null }): string[] {
  const db = ledger.sqlite
  if (!db.prepare('SELECT 1 FROM households WHERE id = ?').get(input.id)) {
    throw new LedgerError('not_found', `找不到编号为 ${input.id} 的户，可能已被删除。请返回列表刷新。`)
  }
  if (!db.prepare('SELECT 1 FROM villages WHERE id = ?').get(input.villageId)) {
    throw new LedgerError('not_found', `找不到编号为 ${input.villageId} 的行政村，请重新选择。`, 'villageId')
  }
  const groupName = input.groupName?.trim() || null
  return ledger.write.run({ actor }, (w) => {
    let groupId: number | null = null
    if (groupName) {
      groupId =
        (db.prepare('SELECT id FROM village_groups WHERE village_id = ? AND name = ?').pluck().get(input.villageId, groupName) as number | undefined) ??
        w.insert('village_groups', { village_id: input.villageId, name: groupName })
    }
    return w.update('households', input.id, { village_id: input.villageId, group_id: groupId })
  })
}
