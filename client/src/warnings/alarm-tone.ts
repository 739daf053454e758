/**
 * The wall's alarm sound, generated with the Web Audio API (no audio file, nothing fetched): a
 * two-tone beep, repeated until stopped. Browsers may refuse to start audio without a user
 * gesture (autoplay policy); `start()` then answers 'blocked' and the wall says so.
 */
export type ToneState = 'off' | 'playing' | 'blocked';

/** High and low tone, Hz, and their length, s: a pattern people read as an alarm, not a chime. */
const HIGH_HZ = 880;
const LOW_HZ = 660;
const BEEP_S = 0.25;
/** One high-low pair per period, ms. */
const PERIOD_MS = 1200;
/** How long to wait for the browser to let audio run, ms. */
const RESUME_WAIT_MS = 300;

export class AlarmTone {
  #ctx: AudioContext | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;

  /** Starts the alarm; resolves with whether it is audible. */
  async start(): Promise<ToneState> {
    if (typeof AudioContext === 'undefined') return 'blocked';
    this.#ctx ??= new AudioContext();
    const ctx = this.#ctx;
    if (ctx.state !== 'running') {
      await Promise.race([ctx.resume().catch(() => undefined), new Promise((r) => setTimeout(r, RESUME_WAIT_MS))]);
    }
    if (ctx.state !== 'running') return 'blocked';
    if (this.#timer === undefined) {
      this.#pair(ctx);
      this.#timer = setInterval(() => this.#pair(ctx), PERIOD_MS);
    }
    return 'playing';
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  dispose(): void {
    this.stop();
    void this.#ctx?.close();
    this.#ctx = null;
  }

  #pair(ctx: AudioContext): void {
    const t = ctx.currentTime;
    this.#beep(ctx, HIGH_HZ, t);
    this.#beep(ctx, LOW_HZ, t + BEEP_S + 0.05);
  }

  #beep(ctx: AudioContext, hz: number, at: number): void {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = hz;
    // A short ramp in and out avoids clicks.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.2, at + 0.02);
    gain.gain.linearRampToValueAtTime(0, at + BEEP_S);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + BEEP_S);
  }
}
