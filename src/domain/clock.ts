/**
 * What time it is, for everything that records or decides by date (assessments, events, records,
 * key expiry). One injected clock, so that a test can fix "today" for the whole service.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
