/** The demo area's public module in the UI. */
export { DemoWelcome } from './DemoWelcome'
