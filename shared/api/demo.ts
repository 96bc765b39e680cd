/** Result of loading the demo township. */
export interface DemoLoadResult {
  households: number
  members: number
}
