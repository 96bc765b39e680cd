import { AcceptancePage } from './AcceptancePage'
import { AssetHandoverPage } from './AssetHandoverPage'
import { CreditLedgerPrint } from './CreditPrintPages'
import { HouseholdCardsPage } from './HouseholdCardsPage'
import { HouseholdPlanPage, MonitoringApprovalPage, MonitoringNoticePage } from './MonitoringForms'
import { BeneficiaryNoticePage, ProjectNoticePage } from './NoticePages'
import type { PrintForm } from './routes'
import { PostsPayslipPrint, PostsRosterPrint } from './PostsPrintPages'
import { ProblemClosurePrint, RectificationLedgerPrint } from './RectificationPrintPages'
import { UnitHandoverPage } from './UnitHandoverPage'

/** The printed form of a route, shown alone: what is on screen is what goes to paper. */
export function PrintFormPage({ form }: { form: PrintForm }) {
  // A new form (or new parameters) starts afresh: nothing of the previous one stays on the page.
  return <FormOf key={JSON.stringify(form)} form={form} />
}

function FormOf({ form }: { form: PrintForm }) {
  switch (form.form) {
    case 'acceptance':
      return <AcceptancePage projectId={form.projectId} />
    case 'asset-handover':
      return <AssetHandoverPage projectId={form.projectId} />
    case 'unit-handover':
      return <UnitHandoverPage params={form.params} />
    case 'notice-projects':
      return <ProjectNoticePage year={form.year} />
    case 'notice-beneficiaries':
      return <BeneficiaryNoticePage projectId={form.projectId} />
    case 'rectification-ledger':
      return <RectificationLedgerPrint />
    case 'credit-ledger':
      return <CreditLedgerPrint />
    case 'rectification-closure':
      return <ProblemClosurePrint id={form.problemId} />
    case 'posts-roster':
      return <PostsRosterPrint villageId={form.villageId} />
    case 'posts-payslip':
      return <PostsPayslipPrint month={form.month} postId={form.postId} villageId={form.villageId} />
    case 'cards-village':
      return <HouseholdCardsPage filter={{ villageId: form.villageId }} />
    case 'monitoring-approval':
      return <MonitoringApprovalPage caseId={form.caseId} kind={form.kind} />
    case 'monitoring-notice':
      return <MonitoringNoticePage villageId={form.villageId} kind={form.kind} />
    case 'household-plan':
      return <HouseholdPlanPage householdId={form.householdId} />
  }
}
