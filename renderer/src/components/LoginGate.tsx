import { Button, Card, Form, Input, Typography, App as AntApp } from 'antd'
import { createContext, useContext, useEffect, type ReactNode } from 'react'
import type { AccountsStatus } from '../../../shared/api/accounts'
import { call } from '../api/client'
import { useCall } from '../api/use-call'

interface Session {
  status: AccountsStatus | undefined
  reload(): void
  logout(): void
}

const SessionContext = createContext<Session>({ status: undefined, reload: () => undefined, logout: () => undefined })
export const useSession = () => useContext(SessionContext)

/**
 * When the office uses accounts, nothing is shown until someone signs in, and
 * the app locks itself after the idle time (the page stays where it was).
 */
export function LoginGate({ children }: { children: ReactNode }) {
  const status = useCall('accounts.status', {})
  const { reload } = status
  const logout = () => void call('accounts.logout', {}).then(reload)
  const s = status.data
  const signedIn = Boolean(s?.enabled && s.current)

  useEffect(() => {
    if (!signedIn || !s) return
    let timer = window.setTimeout(lock, s.idleMinutes * 60_000)
    function lock() {
      void call('accounts.logout', {}).then(reload)
    }
    const activity = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(lock, s.idleMinutes * 60_000)
    }
    const events = ['mousemove', 'keydown', 'mousedown', 'wheel', 'touchstart'] as const
    events.forEach((e) => window.addEventListener(e, activity, { passive: true }))
    return () => {
      window.clearTimeout(timer)
      events.forEach((e) => window.removeEventListener(e, activity))
    }
  }, [signedIn, s, reload])

  if (!s) return null
  return (
    <SessionContext.Provider value={{ status: s, reload, logout }}>
      {s.enabled && !s.current ? <LoginForm onDone={reload} /> : children}
    </SessionContext.Provider>
  )
}

function LoginForm({ onDone }: { onDone(): void }) {
  const { message } = AntApp.useApp()
  const submit = async (v: { username: string; password: string }) => {
    try {
      await call('accounts.login', v)
      onDone()
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 360 }}>
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          乡镇帮扶台账
        </Typography.Title>
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  )
}
