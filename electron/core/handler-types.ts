import type { OpName, OpParsedInput, OpResult } from '../../shared/api/contract'
import type { CoreContext } from './context'

/** A handler per operation: validated input in, the declared result out. */
export type Handler<K extends OpName> = (input: OpParsedInput<K>, ctx: CoreContext) => Promise<OpResult<K>> | OpResult<K>
export type HandlerMap<K extends OpName> = { [P in K]: Handler<P> }
