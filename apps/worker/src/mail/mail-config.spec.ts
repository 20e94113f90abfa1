import { readMailConfig, retryDelaySeconds } from './mail-config';

describe('readMailConfig', () => {
  it('leaves mail off without SMTP_URL and takes the Message-ID domain from MAIL_FROM', () => {
    const config = readMailConfig({ MAIL_FROM: 'つなぐ <no-reply@city.example.lg.jp>', CONSOLE_URL: 'https://tsunagu.example/' });
    expect(config.smtpUrl).toBeNull();
    expect(config.messageIdDomain).toBe('city.example.lg.jp');
    expect(config.consoleUrl).toBe('https://tsunagu.example');
  });

  it('claims 50 mails per transaction and runs the sender at nice 19 (the lowest priority) unless told, within bounds', () => {
    expect(readMailConfig({})).toMatchObject({ batchSize: 50, senderNice: 19, concurrency: 4, quietMs: 1000, maxHoldMs: 30_000 });
    expect(() => readMailConfig({ MAIL_QUIET_MS: '-1' })).toThrow(/MAIL_QUIET_MS/);
    expect(readMailConfig({ MAIL_BATCH_SIZE: '1', MAIL_SENDER_NICE: '0' })).toMatchObject({ batchSize: 1, senderNice: 0 });
    expect(() => readMailConfig({ MAIL_SENDER_NICE: '20' })).toThrow(/MAIL_SENDER_NICE/);
    expect(() => readMailConfig({ MAIL_BATCH_SIZE: '0' })).toThrow(/MAIL_BATCH_SIZE/);
  });

  it('refuses an SMTP_URL of another scheme and a MAIL_FROM without a domain', () => {
    expect(() => readMailConfig({ SMTP_URL: 'http://mail:25' })).toThrow(/SMTP_URL/);
    expect(() => readMailConfig({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
  });
});

describe('retryDelaySeconds', () => {
  it('doubles from the base and stops at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, 30))).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(20, 30)).toBe(3600);
  });
});
