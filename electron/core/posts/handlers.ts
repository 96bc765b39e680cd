import type { OpParsedInput } from '../../../shared/api/contract'
import type { CoreContext } from '../context'
import type { AreaHandlers } from '../handler-types'
import { exportHoldings } from './export'
import type { PostImportJobInput } from './import/job'
import {
  assignHolder, closePost, findMembers, createPost, deletePayroll, deletePost, getPost, householdHoldings, householdPosts, listPosts, monthTotals, payslip,
  postReminders, removeHolding, savePayroll, township, updateHolding, updatePost,
} from './posts'

const localToday = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Resolves the file handle here: jobs get a path, the page never does. */
function source(input: OpParsedInput<'posts.importPreview'>, ctx: CoreContext): PostImportJobInput {
  const file = ctx.files.get(input.fileId)
  return { path: file.path, fileName: file.name, sheet: input.sheet, today: localToday() }
}

export const postsHandlers: AreaHandlers<'posts'> = {
  'posts.list': (input, { ledger }) => listPosts(ledger, input),
  'posts.get': ({ id, today }, { ledger }) => getPost(ledger, id, today),
  'posts.create': (input, { ledger, actor }) => ({ id: createPost(ledger, actor, input) }),
  'posts.update': ({ id, fields }, { ledger, actor }) => ({ changed: updatePost(ledger, actor, id, fields) }),
  'posts.close': ({ id, month }, { ledger, actor }) => ({ changed: closePost(ledger, actor, id, month) }),
  'posts.delete': ({ id }, { ledger, actor }) => {
    deletePost(ledger, actor, id)
    return { deleted: true as const }
  },
  'posts.findMembers': ({ q, villageId }, { ledger }) => findMembers(ledger, q, villageId),
  'posts.assign': (input, { ledger, actor }) => ({ id: assignHolder(ledger, actor, input) }),
  'posts.updateHolding': (input, { ledger, actor }) => ({ changed: updateHolding(ledger, actor, input) }),
  'posts.removeHolding': ({ id }, { ledger, actor }) => {
    removeHolding(ledger, actor, id)
    return { deleted: true as const }
  },
  'posts.savePayroll': ({ postId, month, entries }, { ledger, actor }) => ({ saved: savePayroll(ledger, actor, postId, month, entries) }),
  'posts.deletePayroll': ({ id }, { ledger, actor }) => {
    deletePayroll(ledger, actor, id)
    return { deleted: true as const }
  },
  'posts.monthTotals': (input, { ledger }) => monthTotals(ledger, input),
  'posts.reminders': ({ today }, { ledger }) => postReminders(ledger, today),
  'posts.household': ({ householdId, year }, { ledger }) => householdPosts(ledger, householdId, year, localToday()),
  'posts.householdHoldings': ({ householdId }, { ledger }) => householdHoldings(ledger, householdId, localToday()),
  'posts.roster': ({ today, villageId }, { ledger }) => ({
    title: `${township(ledger)}公益性岗位人员花名册`,
    rows: listPosts(ledger, { today, villageId }).filter((p) => p.status !== '已撤岗'),
  }),
  'posts.payslip': (input, { ledger }) => payslip(ledger, input),
  'posts.importPreview': (input, ctx) => ({ jobId: ctx.jobs.start('posts.import-preview', source(input, ctx)) }),
  'posts.importCommit': (input, ctx) => ({ jobId: ctx.jobs.start('posts.import-commit', source(input, ctx)) }),
  'posts.export': async ({ today }, { ledger, files, actor }) => {
    const out = files.create(`公益性岗位人员名单-${today}.xlsx`)
    await exportHoldings(ledger, actor, out.path, today)
    return { fileId: out.id, name: out.name }
  },
}
