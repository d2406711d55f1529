/** A link from where a question arises to its answer on the 常见问题 page. */
import { Link } from '../router';
import { faqEntry, helpHref, type FaqId } from './faq';

export function HelpLink({ id, children }: { id: FaqId; children?: string }) {
  return (
    <Link className="help-link" href={helpHref(id)}>
      <span aria-hidden="true">？</span>
      {children ?? faqEntry(id).question}
    </Link>
  );
}
