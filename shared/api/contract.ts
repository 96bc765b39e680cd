/**
 * The one contract between the UI and the core: the merge of every area's operations. Each
 * operation is declared once, in shared/api/<area>.ts where <area> is the part of its name before
 * the dot — its name, the zod schema of its input, its result type and the permission it needs.
 * Both hosts (Electron and the local browser host) serve it with the same handlers
 * (electron/core/<area>/handlers.ts); the renderer calls it through `ledger.invoke`.
 */
import type { z } from 'zod'
import { accountsOps } from './accounts'
import { appOps } from './app'
import { assistanceOps } from './assistance'
import { backupsOps } from './backups'
import { checksOps } from './checks'
import { demoOps } from './demo'
import { formsOps } from './forms'
import { householdsOps } from './households'
import { importsOps } from './imports'
import { jobsOps } from './jobs'
import { monitoringOps } from './monitoring'
import { nationalOps } from './national'
import type { Permission } from './op'
import { projectsOps } from './projects'
import { statsOps } from './stats'
import { postsOps } from './posts'
import { rectificationOps } from './rectification'
import { creditOps } from './credit'

export const contract = {
  ...appOps,
  ...jobsOps,
  ...householdsOps,
  ...demoOps,
  ...importsOps,
  ...backupsOps,
  ...formsOps,
  ...assistanceOps,
  ...accountsOps,
  ...projectsOps,
  ...monitoringOps,
  ...nationalOps,
  ...checksOps,
  ...statsOps,
  ...rectificationOps,
  ...creditOps,
  ...postsOps,
} as const

export type Contract = typeof contract
export type OpName = keyof Contract
/** What the caller passes (defaults still optional). */
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>
/** What the handler receives (defaults applied, validated). */
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>
export type OpResult<K extends OpName> = NonNullable<Contract[K]['result']>

export const isOpName = (name: string): name is OpName => Object.hasOwn(contract, name)

/** What an operation needs when accounts are on; an unknown name is treated as a write. */
export const permissionOf = (name: string): Permission => (isOpName(name) ? contract[name].permission : 'write')
