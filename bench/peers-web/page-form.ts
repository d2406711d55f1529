/** What the page renders: the agreement, every field editable by the student on one page, filled in. */
import { PEER_FORMS } from '../peers/samples';
import { onePageDefinition, wholeRecordDefinition } from '../peers/whole-record';

const agreement = PEER_FORMS.find((f) => f.key === 'agreement');
if (!agreement) throw new Error('the peer bench has no agreement form');

export const PAGE_FORM = {
  definition: onePageDefinition(wholeRecordDefinition(agreement)),
  values: agreement.valid,
  role: agreement.role,
  step: agreement.step,
};
