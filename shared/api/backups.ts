/** Backups as the clerk sees them. */
import { z } from 'zod'
import { none, op } from './op'
export const BACKUP_REASON_LABELS: Record<string, string> = {
  daily: '每日自动',
  manual: '手动',
  'pre-import': '导入前',
  'pre-undo': '撤销前',
  'pre-restore': '恢复前',
  'pre-migration': '升级前',
}

export interface BackupView {
  name: string
  reason: string
  createdAt: string
  sizeBytes: number
  households: number
  members: number
  projects: number | null
  /** Written by a newer version of the app: cannot be restored here. */
  newer: boolean
  /** Taken before ledger files had ids: cannot be told apart from another ledger's copies. */
  unknownOrigin: boolean
}

export interface BackupsState {
  /** The open ledger's file name: the list holds only its backups. */
  ledgerFile: string
  dir: string
  defaultDir: string
  backups: BackupView[]
}

/** The ledger file at start: gone, empty, unreadable or damaged, and the newest verified backup to restore. */
export interface LedgerCheckView {
  problem: 'missing' | 'empty' | 'unreadable' | 'corrupt' | null
  message: string | null
  newest: BackupView | null
}

export const backupsOps = {
  'backups.ledgerCheck': op<LedgerCheckView>()(none, 'read'),
  'backups.list': op<BackupsState>()(none, 'read'),
  /** 立即备份. */
  'backups.create': op<BackupView>()(none),
  /** Replaces the ledger with a backup, after taking a copy of the current state. */
  'backups.restore': op<{ safetyCopy: string | null }>()(z.object({ name: z.string().min(1).max(200).regex(/^[^\\/]+\.sqlite$/) }), 'admin'),
  /** The backup folder (e.g. a USB drive); null returns to the default. */
  'backups.setDir': op<{ dir: string }>()(z.object({ dir: z.string().trim().min(1).max(1000).nullable() }), 'admin'),
}
