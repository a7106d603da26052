// Durations in milliseconds, so configuration and code read as `5 * MINUTE` instead of 300000.
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
