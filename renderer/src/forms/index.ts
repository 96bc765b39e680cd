/** The forms area's public UI: the print path other areas' printed reports use. */
export { cnDate, PrintShell, SealBox, XlsxButton } from './PrintShell'
