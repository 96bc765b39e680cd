import { Alert, Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import type { VillageFiguresRow } from '../../../shared/api/national'
import { NATIONAL_FIELDS, type NationalField } from '../../../shared/import/national-fields'
import { Can } from '../accounts'
import { call } from '../common/api/client'
import { useCall } from '../common/api/use-call'
import { NationalExportMenu } from './NationalExportMenu'

/** The 行政村信息 figures the clerk edits (the place columns are the village itself). */
const FIELDS = NATIONAL_FIELDS.villages.filter((f) => !f.match)
const COLUMNS = ['total_households', 'total_population', 'exited_households', 'exited_population', 'monitored_households', 'monitored_population', 'collective_income_fen']

const HINT: Partial<Record<NationalField['kind'], string>> = { int: '整数', decimal: '数字', wan: '万元', year: '如 2019', code: '数字' }
const PATTERN: Partial<Record<NationalField['kind'], [RegExp, string]>> = {
  int: [/^\d+$/, '请填写整数，如 320'],
  decimal: [/^\d+(\.\d+)?$/, '请填写数字，如 1850.5'],
  wan: [/^\d+(\.\d{1,6})?$/, '请填写金额（万元），如 12.5'],
  year: [/^\d{4}$/, '请填写年份，如 2019'],
  code: [/^\d+$/, '请只填数字'],
}

/**
 * 行政村信息: every village of the ledger with its figures from the national system's 行政村信息 (imported or
 * entered here), an edit form per village, and the export in the national layout.
 */
export function VillagesPage() {
  const rows = useCall('national.villageFigures', {})
  const [editing, setEditing] = useState<VillageFiguresRow | null>(null)
  const label = (key: string) => FIELDS.find((f) => f.key === key)!.label
  return (
    <div className="page">
      <Card
        title="行政村信息"
        extra={<NationalExportMenu first="villages" size="small" />}
        data-card="villages"
      >
        <Typography.Paragraph type="secondary">
          国家防返贫监测信息系统「行政村信息」中的各村数字。可在「导入国家系统表格」导入，也可在这里逐村填写或修改；导出时按上次导入的原表格式写出（带上这里的修改），没有导入过的村也一并写出。
        </Typography.Paragraph>
        {rows.error && <Alert type="error" showIcon message={rows.error.message} />}
        {rows.data && rows.data.length === 0 && <Empty description="台账中还没有行政村。请先导入花名册。" />}
        {rows.data && rows.data.length > 0 && (
          <Table<VillageFiguresRow>
            rowKey="villageId"
            size="small"
            pagination={false}
            dataSource={rows.data}
            scroll={{ x: 1320 }}
            columns={[
              { title: '乡', dataIndex: 'township', width: 90, fixed: 'left' },
              { title: '村', dataIndex: 'village', width: 100, fixed: 'left' },
              { title: '行政区划代码', render: (_: unknown, r) => r.statistics?.adminCode ?? '—', width: 130 },
              { title: '是否出列', render: (_: unknown, r) => (r.statistics?.exited === '是' ? `是（${r.statistics.exitYear ?? ''}）` : (r.statistics?.exited ?? '—')), width: 100 },
              ...COLUMNS.map((k) => ({ title: label(k), key: k, width: k === 'collective_income_fen' ? 200 : 96, render: (_: unknown, r: VillageFiguresRow) => r.statistics?.values[k] ?? '—' })),
              {
                title: '',
                key: 'actions',
                width: 80,
                fixed: 'right' as const,
                render: (_: unknown, r: VillageFiguresRow) => (
                  <Can op="national.saveVillageStatistics" hide>
                    <Button size="small" type="link" onClick={() => setEditing(r)}>
                      {r.statistics ? '修改' : '填写'}
                    </Button>
                  </Can>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing && (
        <VillageDialog
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            rows.reload()
          }}
        />
      )}
    </div>
  )
}

function VillageDialog(props: { row: VillageFiguresRow; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm<Record<string, string | undefined>>()
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const initial = Object.fromEntries(FIELDS.map((f) => [f.key, props.row.statistics?.values[f.key] ?? undefined]))
  const save = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    setError(null)
    setSaving(true)
    try {
      await call('national.saveVillageStatistics', {
        villageId: props.row.villageId,
        values: Object.fromEntries(FIELDS.map((f) => [f.key, v[f.key]?.trim() ? v[f.key]!.trim() : null])),
      })
      props.onSaved()
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal
      open
      title={`${props.row.village}：行政村信息`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={props.onClose}
      width={1000}
      styles={{ body: { maxHeight: '62vh', overflowY: 'auto' } }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial} size="small">
        <Row gutter={16}>
          {FIELDS.map((f) => {
            const pattern = PATTERN[f.kind]
            return (
              <Col span={8} key={f.key}>
                <Form.Item name={f.key} label={f.label} rules={pattern ? [{ pattern: pattern[0], message: `「${f.label}」${pattern[1]}` }] : []} style={{ marginBottom: 8 }}>
                  {f.kind === 'yesno' ? (
                    <Select allowClear aria-label={f.label} options={[{ value: '是', label: '是' }, { value: '否', label: '否' }]} />
                  ) : (
                    <Input aria-label={f.label} placeholder={HINT[f.kind]} />
                  )}
                </Form.Item>
              </Col>
            )
          })}
        </Row>
      </Form>
      <Space>
        <Typography.Text type="secondary">户数、人数不能大于总户数、总人口数；填了出列年度，「是否出列」应为「是」。</Typography.Text>
      </Space>
    </Modal>
  )
}
