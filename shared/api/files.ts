/** A file the core wrote (export, report) for the clerk to save. */
export interface ProducedFile {
  fileId: string
  name: string
}
