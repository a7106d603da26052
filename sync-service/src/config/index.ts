// The configuration's door: the schema, the loader and the unit constants.
export * from './units.ts';
export { configSchema, DEFAULTS, type ServiceConfig, type OrgAuthConfig } from './configSchema.ts';
export {
  loadConfig,
  redactConfig,
  databaseFrom,
  ConfigError,
  type Env,
  type ConfigFlags,
} from './loadConfig.ts';
