/** What is missing from a reject's reason, as the dialog says it (null: nothing). */
export function reasonProblem(choice: string, typed: string): string | null {
  if (choice.trim() || typed.trim()) return null;
  return '请选择一个常用原因，或填写理由';
}
