import { clockColour, type ClockColour } from '@watchfloor/shared';

/** `m:ss` under an hour, `h:mm:ss` above; the absolute value (the caller says left or overdue). */
export function formatCountdown(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export interface CountdownView {
  colour: ClockColour;
  overdue: boolean;
  text: string;
}

/** What a countdown shows at `nowMs`: colour (amber five minutes before, red overdue) and the time left or over. Pure. */
export function countdown(dueAt: string, nowMs: number): CountdownView {
  const left = Date.parse(dueAt) - nowMs;
  return { colour: clockColour(dueAt, nowMs), overdue: left <= 0, text: formatCountdown(left) };
}
