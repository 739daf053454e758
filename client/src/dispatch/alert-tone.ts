/**
 * The incoming-order sound on /field: a two-tone chime made with Web Audio (no audio file to
 * ship or cache). Browsers may keep audio suspended until the page has had a tap; the field
 * page has had one (the login), and a refused play is silent rather than an error.
 */
let context: AudioContext | null = null;

/** Tone pairs (Hz) and their length (s): high-low, three times, like a pager. */
const TONES_HZ = [988, 740];
const TONE_S = 0.18;
const REPEATS = 3;

export function playAlertTone(): boolean {
  try {
    context ??= new AudioContext();
    void context.resume();
    const start = context.currentTime + 0.05;
    const gain = context.createGain();
    gain.gain.value = 0.25;
    gain.connect(context.destination);
    for (let r = 0; r < REPEATS; r++) {
      TONES_HZ.forEach((hz, i) => {
        const osc = context!.createOscillator();
        osc.type = 'sine';
        osc.frequency.value = hz;
        osc.connect(gain);
        const at = start + (r * TONES_HZ.length + i) * TONE_S * 1.2;
        osc.start(at);
        osc.stop(at + TONE_S);
      });
    }
    return true;
  } catch {
    return false;
  }
}
