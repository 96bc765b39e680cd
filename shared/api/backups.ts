/** Backups as the clerk sees them. */
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
}

export interface BackupsState {
  dir: string
  defaultDir: string
  backups: BackupView[]
}
