import { describe, expect, it } from 'vitest';
import { navItemsFor } from './navigation';

const paths = (viewer: Parameters<typeof navItemsFor>[0]) => navItemsFor(viewer).map((item) => item.to);

describe('the menu', () => {
  it('offers 送信メール to an administrator only when the api says the mail is kept to read (not with a real mail server)', () => {
    expect(paths({ role: 'ADMIN', canReadKeptMail: true })).toContain('/admin/mail');
    expect(paths({ role: 'ADMIN', canReadKeptMail: false })).not.toContain('/admin/mail');
    // The api answers false for other roles; the role list would keep it out anyway.
    expect(paths({ role: 'TIER2_COORDINATOR', canReadKeptMail: true })).not.toContain('/admin/mail');
  });

  it('keeps the other entries per role', () => {
    expect(paths({ role: 'TIER2_COORDINATOR', canReadKeptMail: false })).toEqual(['/', '/referrals/new', '/reports', '/settings/notifications']);
    expect(paths({ role: 'PARTNER', canReadKeptMail: false })).toEqual(['/', '/inbox', '/reports', '/settings/notifications']);
  });
});
