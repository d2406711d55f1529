import { describe, expect, it } from 'vitest';
import { listHref, parseQueue, queueParam, recordHref, shouldAdvance } from './queue-params';

describe('a record opened from a review queue remembers the queue', () => {
  it('carries the list filters in one parameter and gives them back', () => {
    const filters = { state: 'college_review', q: '张 三&x', cohort: '2027' };
    expect(parseQueue(queueParam(filters))).toEqual(filters);
    expect(recordHref('agreements', 'abc', filters)).toBe(
      '/r/agreements/abc?queue=state%3Dcollege_review%26cohort%3D2027%26q%3D%25E5%25BC%25A0%2B%25E4%25B8%2589%2526x',
    );
    expect(parseQueue(new URL(`http://x${recordHref('agreements', 'abc', filters)}`).searchParams.get('queue'))).toEqual(filters);
    expect(listHref('agreements', filters)).toBe('/r/agreements?state=college_review&cohort=2027&q=%E5%BC%A0+%E4%B8%89%26x');
  });

  it('without filters the links are plain; unknown keys are dropped', () => {
    expect(recordHref('dispatches', 'abc', {})).toBe('/r/dispatches/abc');
    expect(listHref('dispatches', {})).toBe('/r/dispatches');
    expect(parseQueue('state=x&evil=1')).toEqual({ state: 'x' });
    expect(parseQueue(null)).toEqual({});
  });

  it('reviewers move on only when the record left their hands', () => {
    expect(shouldAdvance(true, 'college_review', 'school_review', false)).toBe(true);
    expect(shouldAdvance(true, 'college_review', 'college_review', true)).toBe(false);
    expect(shouldAdvance(false, 'returned', 'college_review', false)).toBe(false);
    expect(shouldAdvance(true, 'imported', 'submitted', true)).toBe(false);
  });
});
