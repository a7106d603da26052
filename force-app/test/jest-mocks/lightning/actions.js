/*
 * Jest stand-in for lightning/actions (no platform stub exists): the event a screen quick action
 * dispatches to close its panel.
 */
export const CloseActionScreenEventName = 'lightning__closeactionscreen';

export class CloseActionScreenEvent extends CustomEvent {
  constructor() {
    super(CloseActionScreenEventName, { bubbles: true, composed: true });
  }
}
