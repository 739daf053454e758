/** The command centre keeps China Standard Time whatever the browser's zone is. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** Ways to show an instant. */
export type TimeStyle = 'clock' | 'time' | 'date' | 'dateTime';

const STYLES: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  clock: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' },
  dateTime: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

// Building a DateTimeFormat is costly and the wall clock formats every second: keep one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: TimeStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: CHINA_TIME_ZONE });
    formatters.set(key, f);
  }
  return f;
}

/** Formats an instant (ISO string, epoch ms or Date) in China Standard Time. Invalid input gives ''. */
export function formatCst(instant: string | number | Date, locale: string, style: TimeStyle): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return formatter(locale, style).format(date);
}
