// The configuration's door: the schema, the loader and the unit constants.
export * from './units.ts';
export { configSchema, DEFAULTS, type ServiceConfig, type OrgAuthConfig } from './configSchema.ts';
export {
  DISPATCH_DEFAULTS,
  isLoopbackHost,
  type DispatchConfig,
  type SendingDispatchConfig,
  type SmtpRelayConfig,
} from './dispatchSchema.ts';
export { MISSING_SMTP_URL, redactSmtpUrl } from './dispatchFromEnv.ts';
export {
  loadConfig,
  redactConfig,
  databaseFrom,
  ConfigError,
  type Env,
  type ConfigFlags,
  type LoadOptions,
} from './loadConfig.ts';
