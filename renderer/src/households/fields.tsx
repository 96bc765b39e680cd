/** Form inputs for roster fields, driven by the importer's column dictionary (ROSTER_FIELDS). */
import { Input, Select } from 'antd'
import type { ReactNode } from 'react'
import { fenToYuanText } from '../../../shared/domain/money'
import { type FieldDef, type FieldKey, fieldByKey } from '../../../shared/import/households-fields'

export type FormValues = Record<string, string | string[] | undefined>

/** The stored value as the form shows it: money in 元, multi-valued enums as a list. */
export function toFormValue(def: FieldDef, v: string | number | null | undefined): string | string[] | undefined {
  if (v === null || v === undefined) return def.multi ? [] : undefined
  if (def.kind === 'money' && typeof v === 'number') return fenToYuanText(v)
  if (def.multi) return String(v).split(',').filter(Boolean)
  return String(v)
}

/** What the form sends: text as typed ('' → null); the core reads it with the importer's rules. */
export function fromFormValue(v: string | string[] | undefined): string | null {
  if (Array.isArray(v)) return v.length ? v.join(',') : null
  if (v === undefined || v.trim() === '') return null
  return v
}

/** Fields whose value differs from the stored one. */
export function changedFields(keys: readonly string[], initial: FormValues, current: FormValues): Record<string, string | null> {
  const out: Record<string, string | null> = {}
  for (const k of keys) {
    const a = fromFormValue(initial[k])
    const b = fromFormValue(current[k])
    if (a !== b) out[k] = b
  }
  return out
}

const PLACEHOLDER: Partial<Record<FieldDef['kind'], string>> = {
  date: '如 2016-03-05', money: '元', decimal: '如 3.5', int: '整数', phone: '11 位手机号', id: '18 位身份证号',
}

export function fieldInput(key: FieldKey, ariaLabel?: string): ReactNode {
  const def = fieldByKey(key)
  const label = ariaLabel ?? def.label
  if ((def.kind === 'enum' || def.kind === 'yesno') && def.enumValues) {
    return (
      <Select
        aria-label={label}
        allowClear
        showSearch
        mode={def.multi ? 'multiple' : undefined}
        options={def.enumValues.map((v) => ({ value: v, label: v }))}
        placeholder="请选择"
      />
    )
  }
  return <Input aria-label={label} placeholder={PLACEHOLDER[def.kind]} suffix={def.kind === 'money' ? '元' : undefined} allowClear />
}
