// The new-referral form as data: its values, the checks it makes before sending (the api's rules for the same fields:
// docs/API.md "Need details", "Bad input"), the input it sends, and where the api's problems belong. Pure: no React.
import type {
  Destination,
  GatheringPlaceKind,
  HomeHelpTask,
  Mobility,
  NeedCategory,
  NeedFrequency,
  ShoppingScope,
  SubjectKind,
  SubmitReferralInput,
  TransportPurpose,
  VolunteerSkill,
  WatchOverMethod,
  Weekday,
  WorkPreference,
} from '../../../shared/graphql/generated/graphql';
import { jstDateInputValue } from '../../../shared/dates/format';
import { ja } from '../../../shared/i18n/ja';
import type { FieldError } from '../../../shared/ui/ErrorSummary';
import { normaliseKana } from './kana';

/** A yes/no question left unanswered is '' (not recorded), not "no". */
export type YesNo = '' | 'yes' | 'no';

export interface NewReferralValues {
  category: NeedCategory | '';
  areaCode: string;
  subjectKind: SubjectKind;
  summary: string;
  subject: { displayName: string; nameKana: string; ageBand: string; contact: string };
  consent: { obtained: boolean; method: string; obtainedOn: string; givenBy: string };
  destination: Destination;
  organizationId: string;
  details: {
    transport: { purpose: TransportPurpose | ''; frequency: NeedFrequency | ''; days: Weekday[]; mobility: Mobility | ''; escortNeeded: YesNo };
    shopping: { scope: ShoppingScope | ''; location: string; nearestShop: string; mobileSalesWanted: YesNo; frequency: NeedFrequency | '' };
    volunteerInterest: {
      skills: VolunteerSkill[];
      days: Weekday[];
      areaCodes: string[];
      supporterTrainingCompleted: YesNo;
      workPreference: WorkPreference | '';
    };
    homeHelp: { tasks: HomeHelpTask[]; frequency: NeedFrequency | '' };
    gatheringPlace: { placeKind: GatheringPlaceKind | ''; days: Weekday[]; transportNeeded: YesNo };
    watchOver: { frequency: NeedFrequency | ''; methods: WatchOverMethod[] };
    other: { note: string };
  };
}

export type DetailsKey = keyof NewReferralValues['details'];

export const DETAILS_KEY: Record<NeedCategory, DetailsKey> = {
  TRANSPORT: 'transport',
  SHOPPING: 'shopping',
  VOLUNTEER_INTEREST: 'volunteerInterest',
  HOME_HELP: 'homeHelp',
  GATHERING_PLACE: 'gatheringPlace',
  WATCH_OVER: 'watchOver',
  OTHER: 'other',
};

export const CATEGORIES = Object.keys(DETAILS_KEY) as NeedCategory[];
export const WEEKDAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
export const FREQUENCIES: NeedFrequency[] = ['ONCE', 'AS_NEEDED', 'MONTHLY', 'WEEKLY', 'SEVERAL_TIMES_A_WEEK', 'DAILY'];

export function emptyValues(areaCode = ''): NewReferralValues {
  return {
    category: '',
    areaCode,
    subjectKind: 'PERSON',
    summary: '',
    subject: { displayName: '', nameKana: '', ageBand: '', contact: '' },
    consent: { obtained: false, method: '', obtainedOn: '', givenBy: '' },
    destination: 'PARTNER',
    organizationId: '',
    details: {
      transport: { purpose: '', frequency: '', days: [], mobility: '', escortNeeded: '' },
      shopping: { scope: '', location: '', nearestShop: '', mobileSalesWanted: '', frequency: '' },
      volunteerInterest: { skills: [], days: [], areaCodes: [], supporterTrainingCompleted: '', workPreference: '' },
      homeHelp: { tasks: [], frequency: '' },
      gatheringPlace: { placeKind: '', days: [], transportNeeded: '' },
      watchOver: { frequency: '', methods: [] },
      other: { note: '' },
    },
  };
}

const L = ja.newReferral;
const D = ja.newReferral.details;

/** The same limits the api applies; every problem at once, each on its field (a dotted path, as the api names it). */
export function validateNewReferral(values: NewReferralValues, now: Date = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  const problem = (field: string, message: string) => errors.push({ field, message });
  const blank = (text: string) => !text.trim();

  if (!values.category) problem('category', L.chooseOne(L.category));
  if (!values.areaCode) problem('areaCode', L.chooseOne(L.area));
  if (blank(values.summary)) problem('summary', ja.form.required(L.summary));
  else if (values.summary.length > 2000) problem('summary', L.tooLong(L.summary, 2000));

  if (values.subjectKind === 'PERSON') {
    const { displayName, nameKana } = values.subject;
    if (blank(displayName)) problem('subject.displayName', ja.form.required(L.displayName));
    if (!blank(nameKana)) {
      if (nameKana.length > 100) problem('subject.nameKana', L.tooLong(L.nameKana, 100));
      else if (!normaliseKana(nameKana)) problem('subject.nameKana', L.kanaInvalid);
    }
    if (values.consent.obtained) {
      if (blank(values.consent.method)) problem('consent.method', ja.form.required(L.consentMethod));
      const dateProblem = consentDateProblem(values.consent.obtainedOn, now);
      if (dateProblem) problem('consent.obtainedOn', dateProblem);
    } else if (values.destination === 'PARTNER') {
      problem('consent.obtained', L.consentRequiredForPartner);
    }
  }

  if (values.category) {
    const d = values.details;
    switch (values.category) {
      case 'TRANSPORT':
        if (!d.transport.purpose) problem('details.transport.purpose', L.chooseOne(D.purpose));
        break;
      case 'SHOPPING':
        if (!d.shopping.scope) problem('details.shopping.scope', L.chooseOne(D.scope));
        if (d.shopping.location.length > 200) problem('details.shopping.location', L.tooLong(D.location, 200));
        if (d.shopping.nearestShop.length > 100) problem('details.shopping.nearestShop', L.tooLong(D.nearestShop, 100));
        break;
      case 'HOME_HELP':
        if (!d.homeHelp.tasks.length) problem('details.homeHelp.tasks', L.chooseAtLeastOne(D.tasks));
        break;
      case 'GATHERING_PLACE':
        if (!d.gatheringPlace.placeKind) problem('details.gatheringPlace.placeKind', L.chooseOne(D.placeKind));
        break;
      case 'WATCH_OVER':
        if (!d.watchOver.methods.length) problem('details.watchOver.methods', L.chooseAtLeastOne(D.methods));
        break;
      case 'OTHER':
        if (blank(d.other.note)) problem('details.other.note', ja.form.required(D.note));
        else if (d.other.note.length > 1000) problem('details.other.note', L.tooLong(D.note, 1000));
        break;
      case 'VOLUNTEER_INTEREST':
        break;
    }
  }
  return errors;
}

/** The consent's day: a real calendar day, from 1900, not after today in Japan time (the api's window). */
export function consentDateProblem(day: string, now: Date): string | null {
  if (!day) return ja.form.required(L.consentDate);
  if (!isCalendarDay(day) || day < '1900-01-01') return L.dateInvalid(L.consentDate);
  if (day > jstDateInputValue(now)) return L.dateInFuture(L.consentDate);
  return null;
}

/** YYYY-MM-DD naming a day that exists (not 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [year, month, date] = match.slice(1).map(Number);
  const utc = new Date(Date.UTC(year, month - 1, date));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date;
}

/** The start of a Japan calendar day as the api's DateTime. */
export function jstStartOfDay(day: string): string {
  return `${day}T00:00:00+09:00`;
}

const yesNo = (value: YesNo): boolean | undefined => (value === '' ? undefined : value === 'yes');
const text = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);
const choice = <T extends string>(value: T | ''): T | undefined => (value === '' ? undefined : value);

/** What is sent: only the chosen category's details, unanswered fields left out, the person only for a PERSON need. */
export function toSubmitInput(values: NewReferralValues, clientRequestId: string): SubmitReferralInput {
  const category = values.category as NeedCategory;
  const person = values.subjectKind === 'PERSON';
  const d = values.details;
  const details: SubmitReferralInput['details'] = {};
  switch (category) {
    case 'TRANSPORT':
      details.transport = {
        purpose: choice(d.transport.purpose),
        frequency: choice(d.transport.frequency),
        days: d.transport.days,
        mobility: choice(d.transport.mobility),
        escortNeeded: yesNo(d.transport.escortNeeded),
      };
      break;
    case 'SHOPPING':
      details.shopping = {
        scope: choice(d.shopping.scope),
        location: text(d.shopping.location),
        nearestShop: text(d.shopping.nearestShop),
        mobileSalesWanted: yesNo(d.shopping.mobileSalesWanted),
        frequency: choice(d.shopping.frequency),
      };
      break;
    case 'VOLUNTEER_INTEREST':
      details.volunteerInterest = {
        skills: d.volunteerInterest.skills,
        days: d.volunteerInterest.days,
        areaCodes: d.volunteerInterest.areaCodes,
        supporterTrainingCompleted: yesNo(d.volunteerInterest.supporterTrainingCompleted),
        workPreference: choice(d.volunteerInterest.workPreference),
      };
      break;
    case 'HOME_HELP':
      details.homeHelp = { tasks: d.homeHelp.tasks, frequency: choice(d.homeHelp.frequency) };
      break;
    case 'GATHERING_PLACE':
      details.gatheringPlace = {
        placeKind: choice(d.gatheringPlace.placeKind),
        days: d.gatheringPlace.days,
        transportNeeded: yesNo(d.gatheringPlace.transportNeeded),
      };
      break;
    case 'WATCH_OVER':
      details.watchOver = { frequency: choice(d.watchOver.frequency), methods: d.watchOver.methods };
      break;
    case 'OTHER':
      details.other = { note: text(d.other.note) };
      break;
  }
  return {
    clientRequestId,
    category,
    areaCode: values.areaCode,
    summary: values.summary.trim(),
    subjectKind: values.subjectKind,
    destination: values.destination,
    organizationId: values.destination === 'PARTNER' && values.organizationId ? values.organizationId : undefined,
    details,
    subject: person
      ? {
          displayName: values.subject.displayName.trim(),
          nameKana: text(values.subject.nameKana),
          ageBand: text(values.subject.ageBand),
          contact: text(values.subject.contact),
        }
      : undefined,
    consent: person
      ? values.consent.obtained
        ? {
            obtained: true,
            method: values.consent.method.trim(),
            obtainedAt: jstStartOfDay(values.consent.obtainedOn),
            givenBy: text(values.consent.givenBy),
          }
        : undefined
      : undefined,
  };
}

/**
 * The form field an api problem belongs to: `details.transport.days[2]` is the days' group, `consent.obtainedAt` the
 * consent's day; a path the form has no field for (null) is shown above the form.
 */
export function formFieldOf(apiField: string): string | null {
  const path = apiField.replace(/^input\./, '').replace(/\[\d+\]/g, '');
  if (path === 'consent.obtainedAt') return 'consent.obtainedOn';
  if (path === 'consent') return 'consent.obtained';
  if (/^details\.[a-zA-Z]+\.[a-zA-Z]+$/.test(path)) return path;
  return FORM_FIELDS.has(path) ? path : null;
}

const FORM_FIELDS = new Set([
  'category',
  'areaCode',
  'summary',
  'subjectKind',
  'destination',
  'organizationId',
  'subject.displayName',
  'subject.nameKana',
  'subject.ageBand',
  'subject.contact',
  'consent.obtained',
  'consent.method',
  'consent.obtainedOn',
  'consent.givenBy',
]);
