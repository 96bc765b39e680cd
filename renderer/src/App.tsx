import { Layout } from 'antd'
import { useEffect } from 'react'
import { onLedgerEvent } from './api/client'
import { useCall } from './api/use-call'
import { HouseholdPage } from './pages/HouseholdPage'
import { HouseholdsPage } from './pages/HouseholdsPage'
import { useRoute } from './router'

export function App() {
  const route = useRoute()
  const info = useCall('app.info', {})
  const { reload } = info
  // A restarted core may have a different state: refresh what is shown.
  useEffect(() => onLedgerEvent((e) => e.type === 'core.restarted' && reload()), [reload])

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <h1>乡镇帮扶台账</h1>
        {info.data && (
          <span className="db-path" title={info.data.dbPath}>
            数据文件：{info.data.dbPath}
          </span>
        )}
      </Layout.Header>
      <Layout.Content>
        {route.page === 'household' ? (
          <HouseholdPage id={route.id} />
        ) : (
          <HouseholdsPage info={info.data} infoError={info.error} onDataChanged={reload} />
        )}
      </Layout.Content>
    </Layout>
  )
}
