import { Alert, Button, Layout, Menu, Result, Tag, Tooltip } from 'antd'
import type { OpName } from '../../shared/api/contract'
import { ROLE_LABELS } from '../../shared/api/accounts'
import { LoginGate, useSession } from './accounts/LoginGate'
import { usePermissions } from './accounts'
import { AccountsPage } from './accounts/AccountsPage'
import { AccessLogPage } from './accounts/AccessLogPage'
import { ChangePasswordButton } from './accounts/ChangePasswordButton'
import { useEffect } from 'react'
import { onLedgerEvent } from './common/api/client'
import { useCall } from './common/api/use-call'
import { HelpersPage } from './assistance/HelpersPage'
import { HelperPage } from './assistance/HelperPage'
import { HouseholdAssistancePage } from './assistance/HouseholdAssistancePage'
import { DataPage } from './backups/DataPage'
import { LedgerFileAlert } from './backups/LedgerFileAlert'
import { HouseholdPage } from './households/HouseholdPage'
import { HouseholdsPage } from './households/HouseholdsPage'
import { ImportPage } from './households/ImportPage'
import { HouseholdCardsPage } from './forms/HouseholdCardsPage'
import { FormsPage } from './forms/FormsPage'
import { PrintFormPage } from './forms/PrintFormPage'
import { MonitoringSettingsPage } from './monitoring/MonitoringSettingsPage'
import { WorklistsMenuLabel, WorklistsPage } from './monitoring'
import { NationalImportPage } from './national/NationalImportPage'
import { VillagesPage } from './national/VillagesPage'
import { ChecksPage } from './checks/ChecksPage'
import { ChecksSummaryPrint } from './checks/ChecksSummaryPrint'
import { AssetsPage } from './projects/AssetsPage'
import { ProjectPage } from './projects/ProjectPage'
import { ProjectsPage } from './projects/ProjectsPage'
import { ProjectImportPage } from './projects/ProjectImportPage'
import { CreditImportPage } from './credit/CreditImportPage'
import { CreditPage } from './credit/CreditPage'
import { LoanPage } from './credit/LoanPage'
import { PostImportPage } from './posts/PostImportPage'
import { PostPage } from './posts/PostPage'
import { PostsPage } from './posts/PostsPage'
import { ProblemImportPage } from './rectification/ProblemImportPage'
import { ProblemPage } from './rectification/ProblemPage'
import { RectificationPage } from './rectification/RectificationPage'
import { navigate, useRoute } from './router'
import { StatsPage } from './stats/StatsPage'
import { StatsReportPage } from './stats/StatsReportPage'

/** Pages that exist only to write (an import ends in its commit): not offered to a session that may not. */
const WRITE_PAGES: Partial<Record<string, OpName>> = {
  import: 'households.importCommit',
  'national-import': 'national.importCommit',
  'project-import': 'projects.importCommit',
  'credit-import': 'credit.importCommit',
  'rectification-import': 'rectification.importCommit',
  'posts-import': 'posts.importCommit',
  'monitoring-settings': 'monitoring.saveSettings',
}

export function App() {
  return (
    <LoginGate>
      <Shell />
    </LoginGate>
  )
}

function Shell() {
  const route = useRoute()
  const session = useSession()
  const current = session.status?.current
  const can = usePermissions()
  const info = useCall('app.info', {})
  const { reload } = info
  // A restarted core may have a different state: refresh what is shown.
  useEffect(() => onLedgerEvent((e) => e.type === 'core.restarted' && reload()), [reload])

  // A printable form is shown alone: what is on screen is what goes to paper.
  if (route.page === 'print-cards') return <HouseholdCardsPage householdIds={route.householdIds} useListFilter={!route.householdIds} />
  if (route.page === 'print-form') return <PrintFormPage form={route.form} />
  if (route.page === 'checks-print') return <ChecksSummaryPrint />
  if (route.page === 'stats-print') return <StatsReportPage key={`${route.kind}-${route.asOf}-${route.year ?? ''}`} kind={route.kind} asOf={route.asOf} year={route.year} />

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <h1>乡镇帮扶台账</h1>
        {current && (
          <span className="app-user">
            {current.role === 'readonly' ? (
              <>
                <span>{current.displayName}</span>
                <Tooltip title="只读账户可以查看、查找、打印和导出，不能修改台账">
                  <Tag className="app-role-tag">只读</Tag>
                </Tooltip>
              </>
            ) : (
              <span>{`${current.displayName}（${ROLE_LABELS[current.role]}）`}</span>
            )}
            <ChangePasswordButton size="small" />
            <Button size="small" onClick={session.logout}>
              退出
            </Button>
          </span>
        )}
        {info.data && (
          <span className="db-path" title={info.data.dbPath}>
            数据文件：{info.data.dbPath}
          </span>
        )}
      </Layout.Header>
      <Layout hasSider className="app-body">
        {/* A side menu, grouped: every page stays one click away at 1366×768 (a top bar folded half of them into 「…」). */}
        <Layout.Sider width={172} theme="dark" className="app-sider">
          <Menu
            mode="inline"
            theme="dark"
            className="app-menu"
            selectedKeys={[route.page === 'household' ? 'households' : route.page === 'helper' || route.page === 'assistance-household' ? 'helpers' : route.page === 'project' || route.page === 'project-import' ? 'projects' : route.page === 'access-log' ? 'accounts' : route.page === 'problem' || route.page === 'rectification-import' ? 'rectification' : route.page === 'loan' || route.page === 'credit-import' ? 'credit' : route.page === 'post' || route.page === 'posts-import' ? 'posts' : route.page]}
            onClick={(e) => navigate(e.key === 'households' ? '#/' : `#/${e.key}`)}
            items={[
              {
                type: 'group',
                label: '台账',
                children: [
                  { key: 'households', label: '户台账' },
                  { key: 'monitoring-worklists', label: <WorklistsMenuLabel refresh={location.hash} /> },
                  { key: 'checks', label: '疑点核查' },
                  { key: 'helpers', label: '帮扶力量' },
                  { key: 'projects', label: '项目台账' },
                  { key: 'assets', label: '资产台账' },
                  { key: 'villages', label: '行政村信息' },
                  { key: 'rectification', label: '问题整改' },
                  { key: 'credit', label: '小额信贷' },
                  { key: 'posts', label: '公益性岗位' },
                ],
              },
              { type: 'group', label: '统计与表单', children: [{ key: 'stats', label: '统计' }, { key: 'forms', label: '打印表单' }] },
              // Importing ends in a write: a 只读 account has nothing to do there.
              ...(can('households.importCommit') || can('national.importCommit')
                ? [{ type: 'group' as const, label: '导入', children: [{ key: 'import', label: '导入花名册' }, { key: 'national-import', label: '导入国家系统表格' }] }]
                : []),
              {
                type: 'group',
                label: '设置',
                children: [
                  // 管理员 and 经办人 keep the yearly monitoring settings; read-only accounts do not.
                  ...(can('monitoring.saveSettings') ? [{ key: 'monitoring-settings', label: '监测设置' }] : []),
                  { key: 'data', label: '数据与备份' },
                  // Administrators manage accounts and read the log; without accounts anyone may set them up.
                  ...(can('accounts.list') ? [{ key: 'accounts', label: '账户与日志' }] : []),
                ],
              },
            ]}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <LedgerFileAlert onDataChanged={reload} />
          {info.data?.backupWarning && <Alert type="warning" showIcon banner message={info.data.backupWarning} />}
          {WRITE_PAGES[route.page] && !can(WRITE_PAGES[route.page]!) ? (
            <Result status="403" title="只读账户不能使用这个页面" subTitle="这个页面用于导入或修改台账。如需导入或修改，请用经办人或管理员账户登录。" />
          ) : route.page === 'household' ? (
            <HouseholdPage id={route.id} focus={route.focus} />
          ) : route.page === 'import' ? (
            <ImportPage onDataChanged={reload} />
          ) : route.page === 'helpers' ? (
            <HelpersPage />
          ) : route.page === 'helper' ? (
            <HelperPage id={route.id} />
          ) : route.page === 'assistance-household' ? (
            <HouseholdAssistancePage householdId={route.id} />
          ) : route.page === 'projects' ? (
            <ProjectsPage />
          ) : route.page === 'project-import' ? (
            <ProjectImportPage />
          ) : route.page === 'project' ? (
            <ProjectPage id={route.id} />
          ) : route.page === 'assets' ? (
            <AssetsPage />
          ) : route.page === 'national-import' ? (
            <NationalImportPage />
          ) : route.page === 'villages' ? (
            <VillagesPage />
          ) : route.page === 'checks' ? (
            <ChecksPage />
          ) : route.page === 'credit' ? (
            <CreditPage />
          ) : route.page === 'credit-import' ? (
            <CreditImportPage />
          ) : route.page === 'loan' ? (
            <LoanPage id={route.id} />
          ) : route.page === 'rectification' ? (
            <RectificationPage />
          ) : route.page === 'rectification-import' ? (
            <ProblemImportPage />
          ) : route.page === 'problem' ? (
            <ProblemPage id={route.id} />
          ) : route.page === 'posts' ? (
            <PostsPage />
          ) : route.page === 'posts-import' ? (
            <PostImportPage />
          ) : route.page === 'post' ? (
            <PostPage id={route.id} />
          ) : route.page === 'monitoring-settings' ? (
            <MonitoringSettingsPage />
          ) : route.page === 'monitoring-worklists' ? (
            <WorklistsPage key={route.asOf ?? 'today'} asOf={route.asOf} />
          ) : route.page === 'stats' ? (
            <StatsPage />
          ) : route.page === 'forms' ? (
            <FormsPage />
          ) : route.page === 'accounts' ? (
            <AccountsPage />
          ) : route.page === 'access-log' ? (
            <AccessLogPage />
          ) : route.page === 'data' ? (
            <DataPage info={info.data} onDataChanged={reload} />
          ) : (
            <HouseholdsPage info={info.data} infoError={info.error} onDataChanged={reload} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
