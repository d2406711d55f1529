import { describe, expect, it } from 'vitest';
import { labelsFor } from './labels';
import { lifecycleOf } from './registry';

describe('state labels', () => {
  const dispatches = lifecycleOf('dispatches');

  it('follow the configured dispatch label, whichever was asked for first', () => {
    expect(labelsFor({ DISPATCH_APPROVED_LABEL: '毕业去向登记' }, dispatches).approved).toBe('毕业去向登记');
    expect(labelsFor({ DISPATCH_APPROVED_LABEL: '' }, dispatches).approved).toBe(dispatches.states.approved!.label);
    expect(labelsFor({ DISPATCH_APPROVED_LABEL: '报到证待打印' }, dispatches).approved).toBe('报到证待打印');
    expect(labelsFor({ DISPATCH_APPROVED_LABEL: '毕业去向登记' }, dispatches).approved).toBe('毕业去向登记');
  });

  it('are built once and cannot be changed by a caller', () => {
    const agreements = lifecycleOf('agreements');
    const labels = labelsFor({ DISPATCH_APPROVED_LABEL: 'x' }, agreements);
    expect(labelsFor({ DISPATCH_APPROVED_LABEL: 'y' }, agreements)).toBe(labels);
    expect(labels.approved).toBe(agreements.states.approved!.label);
    expect(Object.isFrozen(labels)).toBe(true);
  });
});
