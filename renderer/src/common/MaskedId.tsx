import { Button, Space } from 'antd'
import { useState } from 'react'
import { maskIdNumber } from '../../../shared/domain/id-number'
import { call } from './api/client'

/** An ID number shown masked (4101**********1234); 「显示」 reveals it, and the core logs who looked. */
export function MaskedId({ memberId, idNumber }: { memberId: number; idNumber: string | null }) {
  const [shown, setShown] = useState<string | null>(null)
  if (!idNumber) return null
  if (shown) return <span>{shown}</span>
  return (
    <Space size={4}>
      <span>{maskIdNumber(idNumber)}</span>
      <Button
        type="link"
        size="small"
        aria-label="显示完整证件号码"
        onClick={() => void call('households.revealId', { memberId }).then((r) => setShown(r.idNumber))}
        style={{ padding: 0 }}
      >
        显示
      </Button>
    </Space>
  )
}
