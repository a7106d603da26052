/*
 * Jest stand-in for lightning-formatted-date-time that renders its text, as the real component
 * does, so tests can assert what a rep reads (the platform stub renders nothing). Formats with
 * Intl in en-US and the given time zone; an unknown zone renders nothing, like the real one.
 */
import { LightningElement, api } from 'lwc';

export default class FormattedDateTime extends LightningElement {
  @api dateStyle;
  @api day;
  @api era;
  @api hour;
  @api hour12;
  @api minute;
  @api month;
  @api second;
  @api timeZone;
  @api timeZoneName;
  @api value;
  @api weekday;
  @api year;

  get text() {
    if (this.value === undefined || this.value === null || this.value === '') {
      return '';
    }
    const options = {};
    [
      'day',
      'era',
      'hour',
      'hour12',
      'minute',
      'month',
      'second',
      'timeZone',
      'timeZoneName',
      'weekday',
      'year',
    ].forEach((key) => {
      if (this[key] !== undefined && this[key] !== null) {
        options[key] = this[key];
      }
    });
    const date = /^\d{4}-\d{2}-\d{2}$/.test(this.value)
      ? new Date(`${this.value}T00:00:00Z`)
      : new Date(this.value);
    try {
      return new Intl.DateTimeFormat('en-US', options).format(date);
    } catch {
      return '';
    }
  }
}
