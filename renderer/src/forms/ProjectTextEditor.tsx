/**
 * The 「编辑」 panel of a project form: the free-text parts (验收意见, 整改要求, 交接说明…) are project
 * fields, saved with projects.update so a reprint shows what was signed.
 */
import { App, Button, Input, Space } from 'antd'
import { useState } from 'react'
import type { ProjectFieldsInput } from '../../../shared/api/projects'
import { fenToYuanText } from '../../../shared/domain/money'
import type { ProjectDetail, ProjectFields } from '../../../shared/domain/projects'
import { Can } from '../accounts'
import { call } from '../common/api/client'

type TextKey = 'acceptanceChecks' | 'acceptanceOpinion' | 'rectification' | 'handoverNote'

/** Every editable field of the project as projects.update takes them (it replaces all of them). */
export function projectFieldsInput(p: ProjectDetail, patch: Partial<Pick<ProjectFields, TextKey>> = {}): ProjectFieldsInput {
  return {
    projectNo: p.projectNo,
    projectName: p.projectName,
    category: p.category,
    subtype: p.subtype,
    nature: p.nature,
    year: p.year,
    township: p.township,
    villageId: p.villageId,
    location: p.location,
    content: p.content,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    implementer: p.implementer,
    responsibleUnit: p.responsibleUnit,
    responsiblePerson: p.responsiblePerson,
    responsiblePhone: p.responsiblePhone,
    assistingUnit: p.assistingUnit,
    farmerLink: p.farmerLink,
    contractor: p.contractor,
    supervisor: p.supervisor,
    declaredHouseholds: p.declaredHouseholds,
    declaredPersons: p.declaredPersons,
    declaredPoorHouseholds: p.declaredPoorHouseholds,
    declaredPoorPersons: p.declaredPoorPersons,
    settlement: p.settlementFen === null ? null : fenToYuanText(p.settlementFen),
    acceptanceOpinion: p.acceptanceOpinion,
    acceptanceChecks: p.acceptanceChecks,
    rectification: p.rectification,
    handoverNote: p.handoverNote,
    ...patch,
  }
}

export function ProjectTextEditor({ project, fields, onSaved }: { project: ProjectDetail; fields: { key: TextKey; label: string; placeholder?: string }[]; onSaved(): void }) {
  const { message } = App.useApp()
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.key, project[f.key] ?? ''])) as Record<TextKey, string>)
  const [saving, setSaving] = useState(false)
  const save = async () => {
    setSaving(true)
    try {
      const patch = Object.fromEntries(fields.map((f) => [f.key, values[f.key].trim() || null]))
      await call('projects.update', { id: project.id, fields: projectFieldsInput(project, patch) })
      message.success('已保存，打印的表单已更新')
      onSaved()
    } catch (err) {
      message.error({ content: (err as Error).message, duration: 10 })
    } finally {
      setSaving(false)
    }
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {fields.map((f) => (
        <label key={f.key} className="print-editor-field">
          <span>{f.label}</span>
          <Input.TextArea
            aria-label={f.label}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={f.placeholder}
            value={values[f.key]}
            onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
          />
        </label>
      ))}
      <Can op="projects.update">
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </Can>
    </Space>
  )
}
