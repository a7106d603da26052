/**
 * Turns the errors Lightning Data Service, the GraphQL wire adapter, executeMutation and plain
 * JavaScript produce into a flat list of readable messages. Service module, no template.
 */

export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  return list
    .filter((error) => !!error)
    .flatMap((error) => {
      if (typeof error === 'string') {
        return [error];
      }
      // UI API DML errors: field and record-level messages.
      const output = error.body?.output;
      if (output) {
        const fieldMessages = Object.values(output.fieldErrors ?? {})
          .flat()
          .map((e) => e.message);
        const recordMessages = (output.errors ?? []).map((e) => e.message);
        const messages = [...recordMessages, ...fieldMessages];
        if (messages.length) {
          return messages;
        }
      }
      if (Array.isArray(error.body)) {
        return error.body.map((e) => e.message);
      }
      if (error.body && typeof error.body.message === 'string') {
        return [error.body.message];
      }
      // GraphQL errors: { message, locations, paths }.
      if (typeof error.message === 'string') {
        return [error.message];
      }
      return [error.statusText ?? 'Unknown error'];
    })
    .filter((message) => !!message);
}
