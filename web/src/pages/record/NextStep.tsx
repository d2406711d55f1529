/** What happens after a state where nothing waits in the product any more (the lifecycle's `next` words). */
import { Alert } from '../../components/Alert';

export function NextStep({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <Alert tone="info">
      <strong>下一步：</strong>
      {text}
    </Alert>
  );
}
