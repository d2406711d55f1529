/** '7K3MQ9XA' → '7K3M-Q9XA', easier to read out and type. */
export function groupSigningCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
