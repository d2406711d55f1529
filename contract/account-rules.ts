/**
 * What a username and a password must look like, defined once: the worker refuses what breaks these
 * rules (registration, password change) and the web app says so before sending, with the same words.
 */

/** Letters first, so an employer's username can never look like a student's (an ID number). */
export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
export const USERNAME_HINT = '4–32 位字母、数字或下划线，以字母开头';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_HINT = `至少 ${PASSWORD_MIN_LENGTH} 位，须同时包含字母和数字`;

/** Why a username cannot be registered; null when it can. */
export function usernameProblem(username: string): string | null {
  return USERNAME_PATTERN.test(username) ? null : `用户名为 ${USERNAME_HINT}`;
}

/** Why a password cannot be chosen (至少 8 位，且同时包含字母和数字); null when it can. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}
