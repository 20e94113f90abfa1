import { JST_OFFSET_MS } from '../calendar';

// Times as people read them (docs/DOMAIN.md, "Japanese in what people read"): JST, the weekday, 24-hour clock, e.g.
// 2026年12月14日(月) 17:15. Written by hand, not with Intl: history notes are made inside Temporal's workflow
// sandbox, which must give the same text on every replay whatever the machine's ICU data.

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

interface JstFields {
  year: number;
  month: number;
  day: number;
  weekday: (typeof WEEKDAYS)[number];
  hour: number;
  minute: number;
}

function jstFields(at: Date | string): JstFields {
  const time = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(time)) throw new RangeError(`Not a time: ${String(at)}`);
  const local = new Date(time + JST_OFFSET_MS); // its UTC fields are the JST fields
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: WEEKDAYS[local.getUTCDay()],
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** 2026年12月14日(月): the JST calendar date of an instant, with the weekday. */
export function formatJstDate(at: Date | string): string {
  const f = jstFields(at);
  return `${f.year}年${f.month}月${f.day}日(${f.weekday})`;
}

/** 2026年12月14日(月) 17:15: an instant in JST, with the weekday. */
export function formatJstDateTime(at: Date | string): string {
  const f = jstFields(at);
  return `${formatJstDate(at)} ${f.hour}:${String(f.minute).padStart(2, '0')}`;
}
