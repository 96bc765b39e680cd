import { Alert, App as AntApp, Button, Card, Form, Input, Result, Typography } from 'antd'
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import type { AccountsStatus, AccountView } from '../../../shared/api/accounts'
import { call, onLedgerEvent } from '../common/api/client'
import { useCall } from '../common/api/use-call'

interface Session {
  status: AccountsStatus | undefined
  reload(): void
  /** 退出: signs out and closes the page (unlike the idle lock, which keeps it). */
  logout(): void
}

const SessionContext = createContext<Session>({ status: undefined, reload: () => undefined, logout: () => undefined })
export const useSession = () => useContext(SessionContext)

const ACTIVITY = ['mousemove', 'keydown', 'mousedown', 'wheel', 'touchstart'] as const
const PING_MS = 60_000

/**
 * When the office uses accounts, nothing is shown until someone signs in. After
 * the idle time the core signs the person out and the page is unmounted: its data
 * (names, phones, open dialogs and messages, which live in the page's own antd App)
 * leaves the DOM and memory, and the lock screen shows nothing of the ledger.
 * Signing back in reopens the same page (the route is in the address, the list's
 * filters in sessionStorage) with fresh data; unsaved edits are lost.
 */
export function LoginGate({ children }: { children: ReactNode }) {
  const status = useCall('accounts.status', {})
  const { reload } = status
  const s = status.data
  const current = s?.current ?? null
  /** Who was signed in when the lock came; null after 退出. */
  const [lockedFor, setLockedFor] = useState<AccountView | null>(null)

  const logout = useCallback(() => {
    setLockedFor(null)
    void call('accounts.logout', {}).then(reload, reload)
  }, [reload])

  // A restarted core has forgotten who was signed in.
  useEffect(() => onLedgerEvent((e) => e.type === 'core.restarted' && reload()), [reload])

  const idleMs = (s?.idleMinutes ?? 15) * 60_000
  useEffect(() => {
    if (!current) return
    const lock = () => {
      setLockedFor(current)
      void call('accounts.logout', {}).then(reload, reload)
    }
    let timer = window.setTimeout(lock, idleMs)
    // The core ends a session it has not heard from for the idle time: tell it someone is here.
    let lastPing = Date.now()
    const activity = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(lock, idleMs)
      if (Date.now() - lastPing < Math.min(PING_MS, idleMs / 2)) return
      lastPing = Date.now()
      // accounts.status is open and would not count as activity; the ping needs the sign-in.
      void call('accounts.ping', {}).then(
        (st) => {
          if (!st.current) lock()
        },
        (err: { code?: string }) => {
          if (err.code === 'not_signed_in') lock()
        },
      )
    }
    ACTIVITY.forEach((e) => window.addEventListener(e, activity, { passive: true }))
    return () => {
      window.clearTimeout(timer)
      ACTIVITY.forEach((e) => window.removeEventListener(e, activity))
    }
  }, [current, idleMs, reload])

  // A link already used, or the host restarted: say so instead of an empty page.
  if (!s && status.error) return <Result status="warning" title="无法打开台账" subTitle={status.error.message} />
  if (!s) return null
  const locked = s.enabled && !current
  const pageKey = current?.id ?? 'single'
  return (
    <SessionContext.Provider value={{ status: s, reload, logout }}>
      {!locked && (
        // The page's dialogs and messages belong to this App, so they go with the page at the lock.
        <AntApp key={pageKey} component={false}>
          {children}
        </AntApp>
      )}
      {locked && <LoginForm lockedFor={lockedFor} onDone={reload} />}
    </SessionContext.Provider>
  )
}

function LoginForm({ lockedFor, onDone }: { lockedFor: AccountView | null; onDone(): void }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true)
    try {
      await call('accounts.login', v)
      setError(null)
      onDone()
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    // Covers everything, pop-ups of the page underneath included; keys typed here never reach that page.
    <div className="login-screen" onKeyDown={(e) => e.stopPropagation()}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          乡镇帮扶台账
        </Typography.Title>
        {lockedFor && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`长时间没有操作，已自动锁定。${lockedFor.displayName}重新登录后回到原来的页面。`}
          />
        )}
        <Form
          layout="vertical"
          initialValues={{ username: lockedFor?.username }}
          onFinish={(v: { username: string; password: string }) => void submit(v)}
          onValuesChange={() => setError(null)}
        >
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoFocus={!lockedFor} autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoFocus={Boolean(lockedFor)} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  )
}
