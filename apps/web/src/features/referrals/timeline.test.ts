import { describe, expect, it } from 'vitest';
import { reasonText, timelineEntry } from './timeline';

describe('a history entry on the timeline', () => {
  it('reads the move in Japanese, the time in JST with weekday and era, who, and marks a proxy entry', () => {
    const entry = timelineEntry({
      seq: 3,
      kind: 'ACCEPTED',
      at: '2026-12-10T08:15:00.000Z',
      proxy: true,
      reason: null,
      note: '来週から対応します',
      actor: { displayName: '川西 花子' },
      fromOrganization: null,
      toOrganization: { name: 'みどり商店' },
    });
    expect(entry).toEqual({
      seq: 3,
      title: '受諾',
      when: '令和8年12月10日(木) 17:15',
      at: '2026-12-10T08:15:00.000Z',
      who: '川西 花子',
      proxy: true,
      from: null,
      to: 'みどり商店',
      reason: null,
      note: '来週から対応します',
    });
  });

  it('names the system when no person made the move', () => {
    expect(timelineEntry({ seq: 1, kind: 'OFFERED', at: '2026-12-06T15:00:00.000Z', proxy: false }).who).toBe('システム');
    // 00:00 JST is the next calendar day: the date follows Japan, not the device.
    expect(timelineEntry({ seq: 1, kind: 'OFFERED', at: '2026-12-06T15:00:00.000Z', proxy: false }).when).toBe('令和8年12月7日(月) 00:00');
  });

  it('gives decline, return and outcome codes their words, and keeps a person’s own words', () => {
    expect(reasonText('DECLINED', 'NO_CAPACITY')).toBe('受入れ余力なし');
    expect(reasonText('RETURNED', 'LOCAL_RESOURCE_AVAILABLE')).toBe('地域の資源で対応できる');
    expect(reasonText('COMPLETED', 'PARTIALLY_RESOLVED')).toBe('一部解決');
    expect(reasonText('WITHDRAWN', '本人が入院したため')).toBe('本人が入院したため');
    expect(reasonText('DEADLINE_EXTENDED', 'OTHER')).toBe('OTHER');
    expect(reasonText('NOTE', null)).toBeNull();
  });
});
