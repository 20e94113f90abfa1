import { startUpdateId } from './update-ids';

describe('startUpdateId', () => {
  it('is the same for the same content, whatever the order of its keys', () => {
    const a = startUpdateId('submit', { summary: '送迎', subject: { displayName: '山田', ageBand: '80代' }, at: new Date('2026-12-01T00:00:00Z') });
    const b = startUpdateId('submit', { at: new Date('2026-12-01T00:00:00Z'), subject: { ageBand: '80代', displayName: '山田' }, summary: '送迎' });
    expect(a).toBe(b);
    expect(a).toMatch(/^submit:[A-Za-z0-9_-]{22}$/);
  });

  it('differs when the content differs, so a corrected request is a new Update', () => {
    expect(startUpdateId('submit', { summary: '送迎\u0000' })).not.toBe(startUpdateId('submit', { summary: '送迎' }));
    expect(startUpdateId('submit', { summary: '送迎' })).not.toBe(startUpdateId('create', { summary: '送迎' }));
  });
});
