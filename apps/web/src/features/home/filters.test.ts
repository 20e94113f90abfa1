// The home's filters: kept in the address, and turned into the api's filter (JST days as the api takes them).
import { describe, expect, it } from 'vitest';
import { attentionFilter, filtersFromParams, paramsFromFilters, referralFilter } from './filters';

describe('the home’s filters', () => {
  it('go into the address and come back from it, leaving out what is not set', () => {
    const filters = {
      text: 'やまだ',
      category: 'TRANSPORT',
      status: 'OFFERED',
      organizationId: '',
      submittedFrom: '2026-12-01',
      submittedTo: '',
      area: '',
    } as const;
    const params = paramsFromFilters(filters);
    expect(params.toString()).toBe('q=%E3%82%84%E3%81%BE%E3%81%A0&category=TRANSPORT&status=OFFERED&from=2026-12-01');
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('become the api’s filter: lists for category and status, whole days only, text trimmed to the api’s 100', () => {
    const filters = filtersFromParams(
      new URLSearchParams(`q=${'あ'.repeat(120)}&category=SHOPPING&status=UNMATCHED&org=o-1&from=2026-12-01&to=2026-1`),
    );
    expect(referralFilter(filters)).toEqual({
      text: 'あ'.repeat(100),
      category: ['SHOPPING'],
      status: ['UNMATCHED'],
      organizationId: 'o-1',
      submittedFrom: '2026-12-01',
    });
  });

  it('narrow to an area (the 見える化 page’s links): its code in the address, a one-code list in the api’s filter', () => {
    const filters = filtersFromParams(new URLSearchParams('area=A-01&category=TRANSPORT&from=2026-12-01&to=2026-12-31'));
    expect(filters.area).toBe('A-01');
    expect(paramsFromFilters(filters).toString()).toBe('category=TRANSPORT&from=2026-12-01&to=2026-12-31&area=A-01');
    expect(referralFilter(filters)).toEqual({ areaCode: ['A-01'], category: ['TRANSPORT'], submittedFrom: '2026-12-01', submittedTo: '2026-12-31' });
  });

  it('"needs me now" keeps the search but not the status tab', () => {
    const filters = filtersFromParams(new URLSearchParams('q=送迎&status=COMPLETED'));
    expect(attentionFilter(filters)).toEqual({ text: '送迎', needsAttention: true });
    expect(referralFilter(filtersFromParams(new URLSearchParams('q=%20%20')))).toEqual({});
  });
});
