// Dates and times as staff read them: always Japan time (JST, whatever the device's zone), with the weekday, in the
// Japanese era (和暦) on screens, e.g. 令和8年12月10日(木) 17:15. One formatter per shape, made once.
const TIME_ZONE = 'Asia/Tokyo';

const eraDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: TIME_ZONE, era: 'long', year: 'numeric', month: 'long', day: 'numeric' });
const weekday = new Intl.DateTimeFormat('ja-JP', { timeZone: TIME_ZONE, weekday: 'short' });
const time = new Intl.DateTimeFormat('ja-JP', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
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

/**
 * Formatted instants from the api, kept: a list's rows show the same timestamps at every refresh, and three Intl
 * formats per value (era, weekday, time) are much of what drawing a row costs on a slow tablet.
 */
const formattedDateTimes = new Map<string, string>();
const FORMATTED_KEPT = 2000;

/** 令和8年12月10日(木) 17:15, in JST. */
export function formatJstDateTime(value: DateInput): string {
  if (typeof value !== 'string') return formatDateTime(toDate(value));
  let text = formattedDateTimes.get(value);
  if (text === undefined) {
    text = formatDateTime(toDate(value));
    if (formattedDateTimes.size >= FORMATTED_KEPT) formattedDateTimes.clear();
    formattedDateTimes.set(value, text);
  }
  return text;
}

function formatDateTime(date: Date): string {
  return `${formatJstDate(date)} ${time.format(date)}`;
}

/** The calendar day in JST as YYYY-MM-DD (an <input type="date"> value), whatever the device's own time zone. */
export function jstDateInputValue(value: DateInput): string {
  return isoParts.format(toDate(value));
}
