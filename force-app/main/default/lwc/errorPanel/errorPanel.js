import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';

/**
 * Presentational: renders one or more errors (LDS, GraphQL or JavaScript) as readable text,
 * announced to screen readers. `errors` in; no events out.
 */
export default class ErrorPanel extends LightningElement {
  /** Heading shown above the messages. */
  @api friendlyMessage = 'Something went wrong.';
  @api errors;

  get messages() {
    return reduceErrors(this.errors).map((text, index) => ({ key: `${index}`, text }));
  }
}
