import { App, Button, Form, Input } from 'antd'
import { useState } from 'react'
import { call } from '../common/api/client'
import { useSession } from './LoginGate'
import { newPasswordRules, PASSWORD_HINT } from './password-rules'
import { GuardedModal } from '../common/GuardedModal'

/** The signed-in person changes their own password (any role). */
export function ChangePasswordButton({ size }: { size?: 'small' }) {
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const username = useSession().status?.current?.username
  const [form] = Form.useForm<{ oldPassword: string; password: string; again: string }>()
  const submit = async (v: { oldPassword: string; password: string }) => {
    try {
      await call('accounts.changePassword', { oldPassword: v.oldPassword, password: v.password })
      message.success('密码已修改')
      setOpen(false)
    } catch (err) {
      message.error((err as Error).message)
    }
  }
  return (
    <>
      <Button size={size} onClick={() => setOpen(true)}>
        修改密码
      </Button>
      <GuardedModal form={form} title="修改我的密码" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="修改" destroyOnHidden>
        <Form form={form} name="change-password" layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
          <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="password" label="新密码" rules={newPasswordRules(username)} extra={PASSWORD_HINT}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="again"
            label="再输一次新密码"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再输一次' },
              ({ getFieldValue }) => ({
                validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一样'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </GuardedModal>
    </>
  )
}
