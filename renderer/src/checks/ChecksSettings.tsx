/**
 * 核查设置: the checks' own settings (结对户数上限, 走访间隔, the 医保个人缴费补贴 windows, 本县名称),
 * checked here and again by the core. The 监测线 and the monitoring windows stay in 「监测设置」.
 */
import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { CheckSettingsInput } from '../../../shared/api/checks'
import { call } from '../common/api/client'

/** YYYYMM with a real month, as the national export writes identification months. */
const MONTH = /^(19|20)\d{2}(0[1-9]|1[0-2])$/
const monthRule = (what: string) => ({
  validator: (_: unknown, v?: string) =>
    !v ? Promise.reject(new Error(`请填写${what}`)) : MONTH.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(`${what}应写成 6 位年月，如 202210（2022 年 10 月）`)),
})

export function ChecksSettings(props: { open: boolean; settings: CheckSettingsInput | undefined; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<CheckSettingsInput>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (props.open && props.settings) {
      form.setFieldsValue(props.settings)
      setError(null)
    }
  }, [props.open, props.settings, form])

  const save = async () => {
    let v: CheckSettingsInput
    try {
      v = await form.validateFields()
    } catch {
      return
    }
    setSaving(true)
    try {
      await call('checks.saveSettings', {
        ...v,
        premiumSubsidyFrom: v.premiumSubsidyFrom.trim(),
        premiumSubsidyTo: v.premiumSubsidyTo.trim(),
        premiumSubsidyEndsFrom: v.premiumSubsidyEndsFrom.trim(),
        homeCounty: v.homeCounty?.trim() ? v.homeCounty.trim() : null,
      })
      message.success('核查设置已保存，下次核查时按新设置计算。')
      props.onSaved()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal title="核查设置" open={props.open} onOk={() => void save()} okText="保存" cancelText="取消" confirmLoading={saving} onCancel={props.onClose} width={560} destroyOnHidden>
      <Form form={form} layout="vertical" className="checks-settings" requiredMark={false}>
        <Form.Item
          name="maxHouseholdsPerHelper"
          label="每名帮扶责任人最多结对户数"
          extra="结对户数超过这个数的帮扶责任人列为疑点（县里的规定，常见为 5 户）。"
          rules={[{ required: true, message: '请填写最多结对户数' }, { type: 'integer', min: 1, max: 50, message: '最多结对户数应为 1 到 50 之间的整数' }]}
        >
          <InputNumber aria-label="每名帮扶责任人最多结对户数" min={1} max={50} precision={0} addonAfter="户" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="visitWithinDays"
          label="结对户走访间隔"
          extra="结对户超过这么多天没有走访记录的列为疑点。"
          rules={[{ required: true, message: '请填写走访间隔天数' }, { type: 'integer', min: 1, max: 730, message: '走访间隔应为 1 到 730 天之间的整数' }]}
        >
          <InputNumber aria-label="结对户走访间隔" min={1} max={730} precision={0} addonAfter="天" style={{ width: 160 }} />
        </Form.Item>
        <Typography.Text strong>城乡居民基本医疗保险个人缴费补贴</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          在这段时间内识别（纳入）的监测对象享受补贴；自「不再享受」的月份起新识别的不再享受。年月写 6 位，如 202210。
        </Typography.Paragraph>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="premiumSubsidyFrom" label="识别月份自" rules={[monthRule('补贴起始月份')]} style={{ flex: 1 }}>
            <Input aria-label="补贴识别月份自" maxLength={6} placeholder="202210" />
          </Form.Item>
          <Form.Item
            name="premiumSubsidyTo"
            label="至"
            dependencies={['premiumSubsidyFrom']}
            rules={[
              monthRule('补贴截止月份'),
              ({ getFieldValue }) => ({
                validator: (_: unknown, v?: string) =>
                  !v || !MONTH.test(v) || !MONTH.test(String(getFieldValue('premiumSubsidyFrom') ?? '')) || String(getFieldValue('premiumSubsidyFrom')) <= v ? Promise.resolve() : Promise.reject(new Error('截止月份不能早于起始月份')),
              }),
            ]}
            style={{ flex: 1 }}
          >
            <Input aria-label="补贴识别月份至" maxLength={6} placeholder="202303" />
          </Form.Item>
          <Form.Item
            name="premiumSubsidyEndsFrom"
            label="自此月起不再享受"
            dependencies={['premiumSubsidyTo']}
            rules={[
              monthRule('不再享受的起始月份'),
              ({ getFieldValue }) => ({
                validator: (_: unknown, v?: string) =>
                  !v || !MONTH.test(v) || !MONTH.test(String(getFieldValue('premiumSubsidyTo') ?? '')) || String(getFieldValue('premiumSubsidyTo')) < v ? Promise.resolve() : Promise.reject(new Error('应晚于补贴截止月份')),
              }),
            ]}
            style={{ flex: 1 }}
          >
            <Input aria-label="不再享受补贴的起始月份" maxLength={6} placeholder="202304" />
          </Form.Item>
        </div>
        <Form.Item
          name="homeCounty"
          label="本县名称"
          extra="判断「县外务工」用；不填时取花名册中的县名。"
          rules={[{ max: 40, message: '本县名称不超过 40 个字' }]}
        >
          <Input aria-label="本县名称" maxLength={40} placeholder="如：示例县" allowClear />
        </Form.Item>
        <Typography.Text type="secondary">监测线、最短消除月数、无措施提醒天数在「监测设置」中按年度填写。</Typography.Text>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      </Form>
    </Modal>
  )
}
