/**
 * The one password rule, used by the core (which refuses) and by every form in
 * the UI (which explains before sending), so the two cannot drift apart:
 * at least 8 characters, not a common password, not containing the username.
 */

export const MIN_PASSWORD_LENGTH = 8
/** Usernames this short are not looked for inside the password (「li」 would refuse half of all passwords). */
const MIN_USERNAME_IN_PASSWORD = 4

/** What every password field says under itself. */
export const PASSWORD_HINT = `至少 ${MIN_PASSWORD_LENGTH} 个字符；不能用 12345678、88888888、woaini1314 之类的常见密码，也不能包含用户名。`

/**
 * The passwords tried first by anyone guessing: the most common ones worldwide
 * and the Chinese favourites (numbers that sound lucky or loving, keyboard
 * rows, pinyin). Compared without case.
 */
export const COMMON_PASSWORDS = new Set([
  '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321', '11111111', '00000000', '88888888', '66666666',
  '99999999', '55555555', '22222222', '12341234', '11223344', '12344321', '123123123', '147258369', '159357258', '1qaz2wsx',
  'qwertyui', 'qwertyuiop', 'qwerty123', 'asdfghjk', 'asdfghjkl', 'zxcvbnm1', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'a12345678',
  'a123456789', 'aa123456', 'abc12345', 'abcd1234', 'abcdefgh', 'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd',
  'iloveyou', 'woaini1314', 'woaini520', '5201314520', '52013145', '1314520520', '13145200', 'woaiwojia', 'woaini123', 'aini1314',
  'admin123', 'admin888', 'admin1234', 'administrator', 'root1234', 'test1234', 'qq123456', 'qq123456789', 'wang1234', 'zhang123',
  'li123456', 'liu123456', 'chen1234', 'huang123', 'zhao1234', '1234qwer', 'qwer1234', 'asdf1234', 'zxcv1234', 'asd123456',
  'zxc123456', 'qwe123456', '123456qq', '123456aa', '123456abc', '12345qwert', '123qweasd', 'qweasdzxc', '1234abcd', 'abc123456',
  'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'dragon12', 'monkey12', 'letmein1', 'welcome1', 'trustno1',
  '19880808', '19900101', '20080808', '20202020', '168168168', '16881688', '18881888', '66668888', '88886666', '12345678a',
])

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase())
}

export type PasswordProblem = 'too_short' | 'common' | 'contains_username'

/** Why a password is refused (null: it is fine). `username`: the account's, when known. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short'
  if (isCommonPassword(password)) return 'common'
  const name = username?.trim().toLowerCase() ?? ''
  if (name.length >= MIN_USERNAME_IN_PASSWORD && password.toLowerCase().includes(name)) return 'contains_username'
  return null
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`,
  common: '这个密码太常见，很容易被猜到。请换一个（如几个词加数字，不用生日、123456、88888888 之类）。',
  contains_username: '密码不能包含用户名，很容易被猜到。请换一个。',
}

/** The refusal in Chinese, or null when the password is fine. */
export function passwordMessage(password: string, username?: string): string | null {
  const problem = passwordProblem(password, username)
  return problem ? PASSWORD_PROBLEM_MESSAGES[problem] : null
}
