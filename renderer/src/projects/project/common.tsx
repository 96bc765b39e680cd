/** Small pieces shared by the project pages: status tags, form value helpers, money in 万元. */
import { Tag } from 'antd'
import type { Dayjs } from 'dayjs'
import { fenToWanText, type ProjectStatus } from '../../../../shared/domain/projects'

export const STATUS_COLORS: Record<ProjectStatus, string> = {
  未开工: 'default',
  在建: 'processing',
  已竣工: 'cyan',
  验收不合格: 'red',
  已验收: 'green',
  已移交: 'purple',
}

export function StatusTag({ status, lagging }: { status: ProjectStatus; lagging?: boolean }) {
  return (
    <>
      <Tag color={STATUS_COLORS[status]}>{status}</Tag>
      {lagging && <Tag color="red">滞后</Tag>}
    </>
  )
}

/** A picked date as 'YYYY-MM-DD'. */
export const day = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null)

/** Trimmed text, or null when empty. */
export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)

/** 元 as typed ('12,000.50') → what the core reads ('12000.50'), or null when empty. */
export const yuan = (v: unknown): string | null => {
  const t = text(v)
  return t === null ? null : t.replace(/[,，\s]/g, '').replace(/元$/, '')
}

/** 分 → '12.5' (万元) for totals. */
export const wan = (fen: number): string => fenToWanText(fen)

export const rateText = (rate: number | null): string => (rate === null ? '—' : `${rate.toFixed(1)}%`)

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export const required = [{ required: true, message: '请填写' }]
