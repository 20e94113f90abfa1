import { REQUEST_ID_HEADER, requestIdFromHeaders, withRequestIdHeader } from './request-id-header';

describe('the request id header', () => {
  it('round-trips a sane id and keeps the other headers', () => {
    const other = { other: { metadata: {}, data: new Uint8Array([1]) } };
    const headers = withRequestIdHeader(other, 'e2e-123:abc');
    expect(Object.keys(headers).sort()).toEqual(['other', REQUEST_ID_HEADER]);
    expect(requestIdFromHeaders(headers)).toBe('e2e-123:abc');
  });

  it('adds nothing for no id or free text, and reads nothing from a header that holds no sane id', () => {
    expect(withRequestIdHeader({}, undefined)).toEqual({});
    expect(withRequestIdHeader({}, '山田 太郎 090-1234-5678')).toEqual({});
    expect(requestIdFromHeaders(undefined)).toBeUndefined();
    expect(requestIdFromHeaders({ [REQUEST_ID_HEADER]: { metadata: {}, data: new Uint8Array([0xff]) } })).toBeUndefined();
  });
});
