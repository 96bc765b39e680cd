import type { OpName, OpParsedInput, OpResult } from '../../shared/api/contract'
import type { CoreContext } from './context'

/** A handler per operation: validated input in, the declared result out. */
export type Handler<K extends OpName> = (input: OpParsedInput<K>, ctx: CoreContext) => Promise<OpResult<K>> | OpResult<K>
export type HandlerMap<K extends OpName> = { [P in K]: Handler<P> }
/** The operations of one area: those whose name starts with `<area>.`. */
export type AreaOps<A extends string> = Extract<OpName, `${A}.${string}`>
/** Every operation of an area, served: the type fails when the area's contract gains one without a handler. */
export type AreaHandlers<A extends string> = HandlerMap<AreaOps<A>>
