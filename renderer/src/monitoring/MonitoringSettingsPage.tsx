/** 监测设置: per-year monitoring line, 公示 days, minimum months before elimination, and the 监测预警 windows and deadlines. */
import { Alert, App, Button, Card, Form, Input, InputNumber, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { DEFAULT_PUBLICITY_DAYS, type YearSettings } from '../../../shared/domain/monitoring'
import { formatYuan, fenToYuanText } from '../../../shared/domain/money'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'

interface SettingsForm {
  year?: number
  line?: string
  publicityDays?: number
  minMonthsBeforeElimination?: number
  reminderDaysWithoutMeasure?: number
  stepDeadlineDays?: number | null
  identificationDeadlineDays?: number | null
  workGapDays?: number | null
  postEndDays?: number | null
}

export function MonitoringSettingsPage() {
  const { message } = App.useApp()
  const list = useCall('monitoring.settings', {})
  const [form] = Form.useForm<SettingsForm>()
  const [error, setError] = useState<string | null>(null)
  const thisYear = new Date().getFullYear()
  const save = async () => {
    const v = form.getFieldsValue(true) as SettingsForm
    setError(null)
    try {
      await call('monitoring.saveSettings', {
        year: v.year ?? 0,
        line: v.line?.trim() ?? '',
        publicityDays: v.publicityDays ?? 0,
        minMonthsBeforeElimination: v.minMonthsBeforeElimination ?? 0,
        reminderDaysWithoutMeasure: v.reminderDaysWithoutMeasure ?? 0,
        stepDeadlineDays: v.stepDeadlineDays ?? null,
        identificationDeadlineDays: v.identificationDeadlineDays ?? null,
        workGapDays: v.workGapDays ?? null,
        postEndDays: v.postEndDays ?? null,
      })
      message.success(`已保存 ${v.year} 年的监测设置`)
      list.reload()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const edit = (s: YearSettings) =>
    form.setFieldsValue({
      year: s.year, line: fenToYuanText(s.lineFen).replace(/\.00$/, ''), publicityDays: s.publicityDays,
      minMonthsBeforeElimination: s.minMonthsBeforeElimination, reminderDaysWithoutMeasure: s.reminderDaysWithoutMeasure,
      stepDeadlineDays: s.stepDeadlineDays, identificationDeadlineDays: s.identificationDeadlineDays, workGapDays: s.workGapDays,
      postEndDays: s.postEndDays,
    })
  return (
    <div className="page">
      <Typography.Title level={4}>监测设置（按年度）</Typography.Title>
      <Typography.Paragraph type="secondary">
        监测线等标准每年、各省不同，请按本省当年文件填写（如不少省份 2023 年监测线为 7300 元/人/年）。风险消除时按消除日期所在年度的设置核对；「监测预警」按当年的监测线和各项时限提醒，时限留空则该项不提醒。
      </Typography.Paragraph>
      <Card size="small" title="填写或修改一个年度" style={{ marginBottom: 12 }}>
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 8 }}
          initialValues={{
            year: thisYear, publicityDays: DEFAULT_PUBLICITY_DAYS, minMonthsBeforeElimination: 6, reminderDaysWithoutMeasure: 30,
            stepDeadlineDays: 10, identificationDeadlineDays: 15, workGapDays: 60,
          }}
        >
          <Form.Item name="year" label="年度">
            <InputNumber aria-label="年度" min={2021} max={2100} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="line" label="监测线（元/人/年）">
            <Input aria-label="监测线（元/人/年）" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="publicityDays" label="公示天数">
            <InputNumber aria-label="公示天数" min={1} max={30} style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="minMonthsBeforeElimination" label="纳入后最短消除月数">
            <InputNumber aria-label="纳入后最短消除月数" min={0} max={36} style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="reminderDaysWithoutMeasure" label="无措施提醒天数">
            <InputNumber aria-label="无措施提醒天数" min={1} max={365} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="stepDeadlineDays" label="程序每步办理时限（天）">
            <InputNumber aria-label="程序每步办理时限（天）" min={1} max={365} style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="identificationDeadlineDays" label="识别程序时限（天）">
            <InputNumber aria-label="识别程序时限（天）" min={1} max={365} style={{ width: 70 }} />
          </Form.Item>
          <Form.Item name="workGapDays" label="务工结束提醒天数">
            <InputNumber aria-label="务工结束提醒天数" min={1} max={730} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="postEndDays" label="公益岗位到期提醒天数">
            <InputNumber aria-label="公益岗位到期提醒天数" min={1} max={365} style={{ width: 80 }} placeholder="30" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" onClick={() => void save()}>保存</Button>
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={`未保存：${error}`} style={{ marginTop: 8 }} />}
      </Card>
      <Table<YearSettings>
        rowKey="year"
        size="small"
        pagination={false}
        loading={list.loading}
        dataSource={list.data}
        locale={{ emptyText: '还没有填写任何年度的监测设置。没有当年监测线时，不能登记风险消除。' }}
        onRow={(s) => ({ onClick: () => edit(s) })}
        rowClassName={() => 'clickable-row'}
        columns={[
          { title: '年度', dataIndex: 'year', width: 90 },
          { title: '监测线（元/人/年）', dataIndex: 'lineFen', render: (v: number) => formatYuan(v) },
          { title: '公示天数', dataIndex: 'publicityDays' },
          { title: '纳入后最短消除月数', dataIndex: 'minMonthsBeforeElimination' },
          { title: '无措施提醒天数', dataIndex: 'reminderDaysWithoutMeasure' },
          { title: '每步办理时限（天）', dataIndex: 'stepDeadlineDays', render: (v: number | null) => v ?? '未填写' },
          { title: '识别程序时限（天）', dataIndex: 'identificationDeadlineDays', render: (v: number | null) => v ?? '未填写' },
          { title: '务工结束提醒天数', dataIndex: 'workGapDays', render: (v: number | null) => v ?? '未填写' },
          { title: '公益岗位到期提醒天数', dataIndex: 'postEndDays', render: (v: number | null) => v ?? '30（未填写）' },
          { title: '', dataIndex: 'isDemo', width: 60, render: (v: boolean) => (v ? <Tag color="orange">示例</Tag> : null) },
        ]}
      />
    </div>
  )
}
