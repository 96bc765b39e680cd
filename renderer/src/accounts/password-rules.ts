/**
 * Form rules for a new password: the shared rule (shared/domain/accounts-passwords.ts),
 * so a form refuses exactly what the core refuses, with the core's words.
 */
import type { FormRule } from 'antd'
import { passwordMessage } from '../../../shared/domain/accounts-passwords'

export { PASSWORD_HINT } from '../../../shared/domain/accounts-passwords'

const check = (value: unknown, username: string | undefined) => {
  const message = typeof value === 'string' && value !== '' ? passwordMessage(value, username) : null
  return message ? Promise.reject(new Error(message)) : Promise.resolve()
}

/** `username`: the account's name, or `{ field }` to read it from another field of the same form. */
export function newPasswordRules(username: string | undefined | { field: string }): FormRule[] {
  return [
    { required: true, message: '请输入密码' },
    typeof username === 'object'
      ? ({ getFieldValue }) => ({ validator: (_, value) => check(value, getFieldValue(username.field) as string | undefined) })
      : { validator: (_, value) => check(value, username) },
  ]
}
