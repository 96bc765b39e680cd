import { Tag } from 'antd'
import type { LoanRow } from '../../../shared/api/credit'

const COLORS: Record<LoanRow['status'], string> = { 未到期: 'blue', 逾期: 'red', 已结清: 'green', 展期: 'orange' }

/** 未到期 / 逾期 n 天 / 已结清 / 展期, with 「n 天后到期」 within 30 days. */
export function LoanStatusTag({ loan }: { loan: Pick<LoanRow, 'status' | 'daysLeft' | 'dueSoon'> }) {
  return (
    <>
      <Tag color={COLORS[loan.status]}>{loan.status === '逾期' ? `逾期 ${-(loan.daysLeft ?? 0)} 天` : loan.status}</Tag>
      {loan.dueSoon && <Tag color="warning">{loan.daysLeft === 0 ? '今天到期' : `${loan.daysLeft} 天后到期`}</Tag>}
    </>
  )
}
