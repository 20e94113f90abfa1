// The menu per role. Only screens that exist are listed: the referral screens (新規依頼, 受信箱, 依頼一覧), 送信メール, and the
// tier-1, subcommittee and other administrator screens slot in here when they are built, each with the roles that see it.
import type { Role, ViewerQuery } from '../shared/graphql/generated/graphql';
import { ja } from '../shared/i18n/ja';

export interface NavItem {
  to: string;
  label: string;
  roles: readonly Role[];
  /** Shown only when the api says this viewer has the screen's data (the console decides nothing itself). */
  shownWhen?: (viewer: Pick<ViewerQuery['me'], 'canReadKeptMail'>) => boolean;
}

const EVERYONE: readonly Role[] = ['ADMIN', 'PARTNER', 'SUBCOMMITTEE', 'TIER1_COORDINATOR', 'TIER2_COORDINATOR'];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: ja.nav.home, roles: EVERYONE },
  { to: '/referrals/new', label: ja.nav.newReferral, roles: ['TIER1_COORDINATOR', 'TIER2_COORDINATOR'] },
  { to: '/inbox', label: ja.nav.inbox, roles: ['PARTNER'] },
  // 見える化: partners see their own organisation's needs and outcomes there (docs/REPORTS.md "Who sees what").
  { to: '/reports', label: ja.nav.reports, roles: EVERYONE },
  // What the local mail server kept (npm start): only while the api keeps mail (User.canReadKeptMail), never with a
  // real mail server.
  { to: '/admin/mail', label: ja.nav.keptMail, roles: ['ADMIN'], shownWhen: (viewer) => viewer.canReadKeptMail },
  { to: '/settings/notifications', label: ja.nav.notificationSettings, roles: EVERYONE },
];

export function navItemsFor(viewer: Pick<ViewerQuery['me'], 'role' | 'canReadKeptMail'>): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(viewer.role) && (item.shownWhen?.(viewer) ?? true));
}
