import { useEffect, useState } from 'react'
import type { HouseholdListItem } from '../../../shared/domain/households'
import { call } from './api/client'

/** How a household is named in a picker: 户主 · 村 组 · 户编号. */
export function householdLabel(o: HouseholdListItem): string {
  return `${o.headName ?? '（无户主）'} · ${o.villageName}${o.groupName ? ` ${o.groupName}` : ''} · ${o.householdNo ?? ''}`
}

/**
 * The first 20 households matching what the clerk types (name, pinyin initials, ID digits, 户编号),
 * searched 200 ms after the last keystroke; an answer to an older search never replaces a newer one.
 */
export function useHouseholdSearch(search: string): HouseholdListItem[] {
  const [options, setOptions] = useState<HouseholdListItem[]>([])
  useEffect(() => {
    let live = true
    const t = setTimeout(() => {
      call('households.list', { search: search.trim() || undefined, page: 1, pageSize: 20 }).then(
        (r) => live && setOptions(r.items),
        () => live && setOptions([]),
      )
    }, 200)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [search])
  return options
}
