// Dates and times as staff read them: always Japan time (JST, whatever the device's zone), with the weekday, in the
// Japanese era (和暦) on screens, e.g. 令和8年12月10日(木) 17:15. One formatter per shape, made once.
const TIME_ZONE = 'Asia/Tokyo';

const eraDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: TIME_ZONE, era: 'long', year: 'numeric', month: 'long', day: 'numeric' });
const weekday = new Intl.DateTimeFormat('ja-JP', { timeZone: TIME_ZONE, weekday: 'short' });
const isoParts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return date;
}

/** 令和8年12月10日(木): the era date with the weekday, in JST. (The first year of an era reads 元年.) */
export function formatJstDate(value: DateInput): string {
  const date = toDate(value);
  return `${eraDate.format(date)}(${weekday.format(date)})`;
}

/** Japan has kept UTC+9 without summer time since 1952: a time of day in JST is arithmetic, not an Intl format. */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
/**
 * Era dates with the weekday, per JST day (YYYY-MM-DD): a list's rows fall on a few days, and the two Intl formats per
 * value (era, weekday) were most of what drawing a row cost on a slow tablet (docs/BENCHMARKS.md, "Web console: the
 * search").
 */
const formattedDays = new Map<string, string>();
const DAYS_KEPT = 2000;

/** 令和8年12月10日(木) 17:15, in JST. */
export function formatJstDateTime(value: DateInput): string {
  const date = toDate(value);
  const jst = new Date(date.getTime() + JST_OFFSET_MS);
  const dayKey = jst.toISOString().slice(0, 10);
  let day = formattedDays.get(dayKey);
  if (day === undefined) {
    day = formatJstDate(date);
    if (formattedDays.size >= DAYS_KEPT) formattedDays.clear();
    formattedDays.set(dayKey, day);
  }
  return `${day} ${twoDigits(jst.getUTCHours())}:${twoDigits(jst.getUTCMinutes())}`;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** The calendar day in JST as YYYY-MM-DD (an <input type="date"> value), whatever the device's own time zone. */
export function jstDateInputValue(value: DateInput): string {
  return isoParts.format(toDate(value));
}
