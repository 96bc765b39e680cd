import { Button, Tooltip } from 'antd'
import { useEffect } from 'react'
import { navigate } from '../router'

/** Where the household list keeps the ids it shows, in order. */
export const HOUSEHOLD_LIST_KEY = 'township-ledger.household-list-ids'

function nextId(current: number): number | null {
  try {
    const ids = JSON.parse(sessionStorage.getItem(HOUSEHOLD_LIST_KEY) ?? '[]') as number[]
    const i = ids.indexOf(current)
    return i >= 0 && i + 1 < ids.length ? ids[i + 1]! : null
  } catch {
    return null
  }
}

/** 下一户 (Alt+→): the next household of the list the clerk came from. */
export function NextHouseholdButton({ id }: { id: number }) {
  const next = nextId(id)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key === 'ArrowRight' && next !== null) {
        e.preventDefault()
        navigate(`#/households/${next}`)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [next])
  return (
    <Tooltip title="快捷键 Alt+→">
      <Button disabled={next === null} onClick={() => next !== null && navigate(`#/households/${next}`)}>
        下一户 →
      </Button>
    </Tooltip>
  )
}
