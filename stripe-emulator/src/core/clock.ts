// The emulator's clock: wall-clock time plus an offset that the control API can advance.
export class Clock {
  offsetSeconds = 0;

  now(): number {
    return Math.floor(Date.now() / 1000) + this.offsetSeconds;
  }

  advance(seconds: number): number {
    this.offsetSeconds += Math.max(0, Math.floor(seconds));
    return this.now();
  }
}
