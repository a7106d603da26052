// One migration set for SQLite and PostgreSQL: only types both understand (text, integer,
// bigint), no dialect-specific defaults. Append new migrations; never edit a shipped one.
import type { Kysely, Migration, MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('enrollment_state')
        .addColumn('enrollment_id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text')
        .addColumn('shift_days', 'integer', (c) => c.notNull())
        .addColumn('paused_at', 'bigint')
        .addColumn('org_modstamp', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('enrollment_state_campaign')
        .on('enrollment_state')
        .column('campaign_id')
        .execute();

      await db.schema
        .createTable('plan_item')
        .addColumn('step_key', 'text', (c) => c.primaryKey())
        .addColumn('enrollment_id', 'text', (c) => c.notNull())
        .addColumn('step_id', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_at', 'bigint')
        .addColumn('due_date', 'text')
        .addColumn('expires_at', 'bigint')
        .addColumn('task_id', 'text')
        .addColumn('depends_on', 'text')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plan_item_enrollment').on('plan_item').column('enrollment_id').execute();
      await db.schema
        .createIndex('plan_item_due')
        .on('plan_item')
        .columns(['kind', 'status', 'due_at'])
        .execute();
      await db.schema
        .createIndex('plan_item_expiry')
        .on('plan_item')
        .columns(['status', 'expires_at'])
        .execute();

      await db.schema
        .createTable('known_task')
        .addColumn('step_key', 'text', (c) => c.notNull())
        .addColumn('task_id', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('known_task_pk', ['step_key', 'task_id'])
        .execute();
      await db.schema.createIndex('known_task_task').on('known_task').column('task_id').execute();

      await db.schema
        .createTable('stream_position')
        .addColumn('channel', 'text', (c) => c.primaryKey())
        .addColumn('replay_id', 'bigint', (c) => c.notNull())
        .addColumn('event_at', 'bigint')
        .addColumn('saved_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('poll_cursor')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('named_lease')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('settings_cache')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value_json', 'text', (c) => c.notNull())
        .addColumn('fetched_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('send_ledger')
        .addColumn('step_key', 'text', (c) => c.primaryKey())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('send_ledger_state').on('send_ledger').column('state').execute();
    },
  },
  '0002_plan_input': {
    // The planner's input per enrollment (facts, pauses, the step definitions already acted on),
    // so edits re-plan only what was not yet sent or tasked (domain stepsEdited).
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('enrollment_state').addColumn('plan_input_json', 'text').execute();
    },
  },
  '0003_send_ledger_shape': {
    // The send ledger takes the shape of the mail module's SendLedger port (src/mail/sendLedger.ts):
    // attempts and one updated_at per transition. No release wrote the 0001 table.
    async up(db: Kysely<unknown>) {
      await db.schema.dropTable('send_ledger').execute();
      await db.schema
        .createTable('send_ledger')
        .addColumn('step_key', 'text', (c) => c.primaryKey())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();
      await db.schema
        .createIndex('send_ledger_by_state')
        .on('send_ledger')
        .columns(['state', 'updated_at'])
        .execute();
    },
  },
  '0004_write_back_outbox': {
    // The write-back outbox (issue 8): a dispatch batch's org writes, saved in the transaction
    // that records its outcomes and kept until they land, so a crash or an unreachable org
    // between "sent" and "written to the org" loses nothing. `write_back_step` names the steps
    // whose finished status an entry still has to write, so the dispatcher never sends one again
    // while the org shows it as still to send.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('write_back_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('payload_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('last_attempt_at', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('write_back_outbox_created')
        .on('write_back_outbox')
        .column('created_at')
        .execute();
      await db.schema
        .createTable('write_back_step')
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('step_key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('write_back_step_pk', ['entry_id', 'step_key'])
        .execute();
      await db.schema.createIndex('write_back_step_key').on('write_back_step').column('step_key').execute();
    },
  },
};

export const storeMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};
