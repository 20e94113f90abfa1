import { NeedCategory, SubjectKind } from '../enums';
import { readStoredDetails, validateReferralDetails } from './referral-details';

const areas = new Set(['KAWANISHI', 'TADA']);
const check = (category: NeedCategory, details: unknown, subjectKind = SubjectKind.PERSON) =>
  validateReferralDetails(category, subjectKind, details as never, (code) => areas.has(code));
const fields = (result: { problems: Array<{ field: string }> }) => result.problems.map((p) => p.field);

describe('validateReferralDetails', () => {
  it('accepts no details at all: submissions from before keep working', () => {
    expect(check(NeedCategory.TRANSPORT, undefined)).toEqual({ details: null, problems: [] });
    expect(check(NeedCategory.TRANSPORT, null)).toEqual({ details: null, problems: [] });
  });

  it('stores a TRANSPORT need with its version and category, days in week order and without repeats', () => {
    const result = check(NeedCategory.TRANSPORT, {
      transport: { purpose: 'HOSPITAL', frequency: 'WEEKLY', days: ['THU', 'MON'], mobility: 'CANE', escortNeeded: true },
    });
    expect(result).toEqual({
      details: {
        version: 1,
        category: 'TRANSPORT',
        purpose: 'HOSPITAL',
        frequency: 'WEEKLY',
        days: ['MON', 'THU'],
        mobility: 'CANE',
        escortNeeded: true,
      },
      problems: [],
    });
  });

  it('names every bad field by its path, the list item by its index', () => {
    const result = check(NeedCategory.TRANSPORT, { transport: { purpose: 'TAXI', days: ['MON', 'TUE', 'MON', 'HOLIDAY'], escortNeeded: 'yes' } });
    expect(result.details).toBeNull();
    expect(fields(result)).toEqual([
      'details.transport.purpose',
      'details.transport.days[2]',
      'details.transport.days[3]',
      'details.transport.escortNeeded',
    ]);
  });

  it('requires the main field of a category and refuses the details of another', () => {
    expect(fields(check(NeedCategory.TRANSPORT, { transport: {} }))).toEqual(['details.transport.purpose']);
    expect(fields(check(NeedCategory.TRANSPORT, { shopping: { scope: 'AREA' } }))).toEqual(['details.shopping']);
    expect(fields(check(NeedCategory.TRANSPORT, {}))).toEqual(['details.transport']);
    expect(fields(check(NeedCategory.HOME_HELP, { homeHelp: { tasks: [] } }))).toEqual(['details.homeHelp.tasks']);
    expect(fields(check(NeedCategory.WATCH_OVER, { watchOver: { frequency: 'DAILY' } }))).toEqual(['details.watchOver.methods']);
    expect(fields(check(NeedCategory.GATHERING_PLACE, { gatheringPlace: { days: ['SAT'] } }))).toEqual(['details.gatheringPlace.placeKind']);
    expect(fields(check(NeedCategory.OTHER, { other: { note: '   ' } }))).toEqual(['details.other.note']);
  });

  it('SHOPPING: the scope agrees with the subject, texts are trimmed and bounded', () => {
    expect(fields(check(NeedCategory.SHOPPING, { shopping: { scope: 'PERSON' } }, SubjectKind.AREA))).toEqual(['details.shopping.scope']);
    expect(fields(check(NeedCategory.SHOPPING, { shopping: { scope: 'AREA', location: 'あ'.repeat(201) } }, SubjectKind.AREA))).toEqual([
      'details.shopping.location',
    ]);
    expect(
      check(NeedCategory.SHOPPING, { shopping: { scope: 'AREA', location: ' 清和台東5丁目 ', mobileSalesWanted: true } }, SubjectKind.AREA).details,
    ).toEqual({
      version: 1,
      category: 'SHOPPING',
      scope: 'AREA',
      location: '清和台東5丁目',
      nearestShop: null,
      mobileSalesWanted: true,
      frequency: null,
    });
  });

  it('VOLUNTEER_INTEREST: areas must exist, each once', () => {
    const result = check(NeedCategory.VOLUNTEER_INTEREST, {
      volunteerInterest: { skills: ['DRIVING'], areaCodes: ['TADA', 'NOWHERE', 'TADA'], supporterTrainingCompleted: true, workPreference: 'PAID' },
    });
    expect(fields(result)).toEqual(['details.volunteerInterest.areaCodes[1]', 'details.volunteerInterest.areaCodes[2]']);
    expect(
      check(NeedCategory.VOLUNTEER_INTEREST, { volunteerInterest: { skills: ['DRIVING'], areaCodes: ['TADA'], workPreference: 'PAID' } }).details,
    ).toMatchObject({ category: 'VOLUNTEER_INTEREST', areaCodes: ['TADA'], days: [], supporterTrainingCompleted: null });
  });
});

describe('readStoredDetails', () => {
  it('reads the version it knows and nothing else', () => {
    expect(readStoredDetails({ version: 1, category: 'OTHER', note: 'x' })).toEqual({ version: 1, category: 'OTHER', note: 'x' });
    expect(readStoredDetails({ version: 2, category: 'OTHER', note: 'x' })).toBeNull();
    expect(readStoredDetails(null)).toBeNull();
  });
});
