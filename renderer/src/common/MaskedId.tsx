import { App, Button, Input, Space } from 'antd'
import { useState } from 'react'
import { call } from './api/client'

/** Whose number: a member's ID number or a household's phone. */
export type RevealTarget = { memberId: number } | { householdId: number }

/** The full number through the core's logged reveal (households.revealId). */
async function reveal(target: RevealTarget): Promise<string> {
  const r = await call('households.revealId', target)
  return ('memberId' in target ? r.idNumber : r.phone) ?? ''
}

/**
 * A number the core sent masked (4101**********1234, 138****5678); 「显示」 asks the core for the
 * full number, and the core logs who looked.
 */
export function MaskedId({ memberId, householdId, idNumber }: { memberId?: number; householdId?: number; idNumber: string | null }) {
  const [shown, setShown] = useState<string | null>(null)
  const target: RevealTarget | null = memberId !== undefined ? { memberId } : householdId !== undefined ? { householdId } : null
  if (!idNumber) return null
  if (shown) return <span>{shown}</span>
  return (
    <Space size={4}>
      <span>{idNumber}</span>
      {target && (
        <Button
          type="link"
          size="small"
          aria-label={'memberId' in target ? '显示完整证件号码' : '显示完整电话'}
          onClick={() => void reveal(target).then(setShown)}
          style={{ padding: 0 }}
        >
          显示
        </Button>
      )}
    </Space>
  )
}

/**
 * A form input for a number the core sent masked: it cannot be typed over until the full number
 * is revealed (logged), so a masked value is never saved back. Without a target (a new member)
 * it is a plain input.
 */
export function RevealInput(props: {
  target: RevealTarget | null
  label: string
  placeholder?: string
  value?: string
  onChange?(value: string): void
}) {
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const masked = props.target !== null && typeof props.value === 'string' && props.value.includes('*')
  if (!masked) {
    return <Input aria-label={props.label} placeholder={props.placeholder} allowClear value={props.value} onChange={(e) => props.onChange?.(e.target.value)} />
  }
  const show = async () => {
    setBusy(true)
    try {
      props.onChange?.(await reveal(props.target!))
    } catch (err) {
      message.error((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input aria-label={props.label} value={props.value} disabled />
      <Button loading={busy} onClick={() => void show()} aria-label={`显示后修改${props.label}`}>
        显示后修改
      </Button>
    </Space.Compact>
  )
}
