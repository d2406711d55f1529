/**
 * The error summary above a refused form: how many things need changing, each a link that opens
 * the field's page and focuses it; errors on fields this user cannot change are said plainly.
 */
import type { SummaryItem } from './errors';

export function ErrorSummary({
  id,
  items,
  linkable,
  hrefOf,
  onPick,
  unplaced,
}: {
  id: string;
  items: SummaryItem[];
  /** whether a field key is on one of the form's pages (else its error cannot be linked) */
  linkable: (key: string) => boolean;
  hrefOf: (key: string) => string;
  onPick: (item: SummaryItem) => void;
  /** errors of fields not on any page */
  unplaced: number;
}) {
  if (items.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" id={id} tabIndex={-1}>
      <p>表单有 {items.length} 处需要修改：</p>
      <ul>
        {items.map((item) => (
          <li key={item.path}>
            {linkable(item.key) ? (
              <a
                href={hrefOf(item.key)}
                onClick={(e) => {
                  e.preventDefault();
                  onPick(item);
                }}
              >
                {item.lead}
              </a>
            ) : (
              <span>{item.lead}</span>
            )}
            {item.text}
          </li>
        ))}
      </ul>
      {unplaced > 0 && <p>部分问题出现在您无法修改的字段中，请联系相关审核人员。</p>}
    </div>
  );
}
