import { DeclineReason, NeedCategory, ReferralOutcome, SubcommitteeDecision } from '../enums';
import { nextDigestAt } from './digest-schedule';
import { isAllowedDelivery, NotificationDelivery, NotificationFacts, NotificationKind } from './notification-kinds';
import { renderDigest, renderNotification } from './notification-templates';

const context = { cityName: 'みどり市', consoleUrl: 'https://tsunagu.example.lg.jp' };
const referralId = '6f1c1f9e-0000-4000-8000-000000000001';

describe('nextDigestAt (08:30 JST on business days)', () => {
  it('is 08:30 the same day before 08:30 on a business day', () => {
    // Mon 2026-12-14 07:00 JST
    expect(nextDigestAt(new Date('2026-12-13T22:00:00Z')).toISOString()).toBe('2026-12-13T23:30:00.000Z');
  });

  it('is 08:30 the next business day from 08:30 on', () => {
    // Mon 2026-12-14 08:30 JST exactly, and 15:00 JST: Tue 08:30
    expect(nextDigestAt(new Date('2026-12-13T23:30:00Z')).toISOString()).toBe('2026-12-14T23:30:00.000Z');
    expect(nextDigestAt(new Date('2026-12-14T06:00:00Z')).toISOString()).toBe('2026-12-14T23:30:00.000Z');
  });

  it('skips weekends, holidays and the year-end closure', () => {
    // Fri 2026-12-18 18:00 JST -> Mon 12-21 08:30
    expect(nextDigestAt(new Date('2026-12-18T09:00:00Z')).toISOString()).toBe('2026-12-20T23:30:00.000Z');
    // Sat 2026-12-19 07:00 JST (before 08:30 but closed) -> Mon 12-21 08:30
    expect(nextDigestAt(new Date('2026-12-18T22:00:00Z')).toISOString()).toBe('2026-12-20T23:30:00.000Z');
    // Mon 2026-12-28 12:00 JST -> closure Dec 29 - Jan 3 (Jan 4 2027 is a Monday)
    expect(nextDigestAt(new Date('2026-12-28T03:00:00Z')).toISOString()).toBe('2027-01-03T23:30:00.000Z');
    // Fri 2027-01-08 12:00 JST -> Mon 01-11 is 成人の日 -> Tue 01-12
    expect(nextDigestAt(new Date('2027-01-08T03:00:00Z')).toISOString()).toBe('2027-01-11T23:30:00.000Z');
  });
});

describe('isAllowedDelivery', () => {
  it('refuses OFF and the digest for account events only', () => {
    expect(isAllowedDelivery(NotificationKind.SIGN_IN_LOCKED, NotificationDelivery.OFF)).toBe(false);
    expect(isAllowedDelivery(NotificationKind.ACCOUNT_CREATED, NotificationDelivery.DAILY_DIGEST)).toBe(false);
    expect(isAllowedDelivery(NotificationKind.PASSWORD_RESET_DONE, NotificationDelivery.IMMEDIATE)).toBe(true);
    expect(isAllowedDelivery(NotificationKind.OFFER, NotificationDelivery.OFF)).toBe(true);
    expect(isAllowedDelivery(NotificationKind.OFFER, NotificationDelivery.DAILY_DIGEST)).toBe(true);
  });
});

describe('renderNotification', () => {
  const fullFacts: NotificationFacts = {
    referralId,
    category: NeedCategory.TRANSPORT,
    areaName: '北地区',
    dueAt: '2026-12-14T08:15:00.000Z',
    organizationName: 'NPO法人ささえあい',
    reasonCode: DeclineReason.NO_CAPACITY,
    outcome: ReferralOutcome.RESOLVED,
    decision: SubcommitteeDecision.ADOPTED,
    automatic: true,
  };

  it.each(Object.values(NotificationKind))('renders %s in Japanese, with the city, the facts and the link', (kind) => {
    const mail = renderNotification({ kind, facts: fullFacts }, context);
    expect(mail.subject).toMatch(/^【みどり市 つなぐ】/);
    expect(mail.text).toContain('依頼番号: ' + referralId);
    expect(mail.text).toContain('種別: 移動支援');
    expect(mail.text).toContain('2026年12月14日(月) 17:15');
    expect(mail.text).toContain(`https://tsunagu.example.lg.jp/referrals/${referralId}`);
    expect(mail.html).toContain(`<a href="https://tsunagu.example.lg.jp/referrals/${referralId}">`);
    expect(mail.text).toContain('みどり市 生活支援体制整備事業 つなぐ');
  });

  it('shows codes with the glossary words', () => {
    const mail = renderNotification({ kind: NotificationKind.DECLINED, facts: fullFacts }, context);
    expect(mail.text).toContain('理由: 受入れ余力なし');
    expect(mail.text).toContain('結果: 解決');
    expect(mail.text).toContain('部会の決定: 採択');
  });

  it('cannot render a resident: fields outside NotificationFacts are never read', () => {
    // What a careless caller might pass: the referral row with the resident's data and free text.
    const leaky = {
      ...fullFacts,
      subjectDisplayName: '山田花子',
      subjectNameKana: 'やまだはなこ',
      subjectContact: '090-1234-5678',
      summary: '通院の送迎が必要',
      note: '娘さんと同居',
      title: '北地区の移動手段不足',
    } as NotificationFacts;
    for (const kind of Object.values(NotificationKind)) {
      const mail = renderNotification({ kind, facts: leaky }, context);
      for (const secret of ['山田', 'やまだ', '090-1234', '通院', '娘さん', '移動手段不足']) {
        expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(secret);
      }
    }
  });

  it('escapes HTML in directory names', () => {
    const mail = renderNotification({ kind: NotificationKind.OFFER, facts: { referralId, organizationName: '<b>A&B</b>' } }, context);
    expect(mail.html).toContain('&lt;b&gt;A&amp;B&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>A&B</b>');
  });

  it('greets account events by the recipient and never mentions a password value', () => {
    const mail = renderNotification({ kind: NotificationKind.PASSWORD_RESET_DONE, facts: { recipientName: '佐藤 一郎' } }, context);
    expect(mail.text.startsWith('佐藤 一郎 様\n')).toBe(true);
    expect(mail.text).not.toContain('referrals/');
  });
});

describe('renderDigest', () => {
  it('lists every row with its title and link, counted in the subject', () => {
    const mail = renderDigest(
      [
        { kind: NotificationKind.ACCEPTED, facts: { referralId, category: NeedCategory.SHOPPING } },
        { kind: NotificationKind.COMPLETED, facts: { referralId: 'r-2', outcome: ReferralOutcome.RESOLVED } },
      ],
      new Date('2026-12-14T23:30:00Z'),
      context,
    );
    expect(mail.subject).toBe('【みどり市 つなぐ】2026年12月15日(火)のお知らせ（2件）');
    expect(mail.text).toContain('1. 依頼が受けられました');
    expect(mail.text).toContain('2. 依頼が完了しました');
    expect(mail.text).toContain('/referrals/r-2');
    expect(mail.html).toContain('<ol>');
  });
});
