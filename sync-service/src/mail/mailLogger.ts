// The slice of a pino logger the mail adapters use; the service injects its own pino instance
// (or a child of it). Never log tokens, credentials or message bodies: ids and outcomes only.

export interface MailLogger {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
  child(bindings: Record<string, unknown>): MailLogger;
}

export const silentLogger: MailLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};
