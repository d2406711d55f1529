/** A state shown as a coloured badge with its Chinese label; colour by the state's meaning. */
const TONES: Array<[RegExp, string]> = [
  [/approved|accepted|completed|agreed|confirmed/, 'ok'],
  [/rejected|returned|declined|terminated|expired|withdrawn|void/, 'bad'],
  [/review|submitted|sent|proposed|consent|pending|unconfirmed/, 'wait'],
];

export function stateTone(state: string): string {
  for (const [re, tone] of TONES) if (re.test(state)) return tone;
  return 'neutral';
}

export function StateBadge({ state, label }: { state: string; label?: string | null }) {
  return <span className={`badge badge-${stateTone(state)}`}>{label || state}</span>;
}
