import { temporaryPasswordExpired } from './temporary-password';

const issued = new Date('2026-12-01T00:00:00.000Z');
const hoursLater = (h: number) => new Date(issued.getTime() + h * 3_600_000);

describe('temporaryPasswordExpired', () => {
  it('keeps a temporary password for the hours set, to the millisecond', () => {
    const user = { mustChangePassword: true, temporaryPasswordIssuedAt: issued };
    expect(temporaryPasswordExpired(user, 72, hoursLater(0))).toBe(false);
    expect(temporaryPasswordExpired(user, 72, hoursLater(72))).toBe(false);
    expect(temporaryPasswordExpired(user, 72, new Date(hoursLater(72).getTime() + 1))).toBe(true);
    expect(temporaryPasswordExpired(user, 1, hoursLater(2))).toBe(true);
  });

  it('never expires a password the user chose', () => {
    expect(temporaryPasswordExpired({ mustChangePassword: false, temporaryPasswordIssuedAt: null }, 72, hoursLater(10_000))).toBe(false);
    expect(temporaryPasswordExpired({ mustChangePassword: false, temporaryPasswordIssuedAt: issued }, 72, hoursLater(10_000))).toBe(false);
  });

  it('treats a temporary password of unknown age as expired', () => {
    expect(temporaryPasswordExpired({ mustChangePassword: true, temporaryPasswordIssuedAt: null }, 72, issued)).toBe(true);
  });
});
