import { Type, type Static } from '@sinclair/typebox';

const named = (id: string) => `^(\\s*[^=,]+=${id}\\s*(,\\s*[^=,]+=${id}\\s*)*)?$`;
const url = '^https?://[^\\s/]+(/[^\\s]*)?$';

/** The supervisor actions' environment variables (Twilio and Amazon Connect; AMI and ESL reuse their links). */
export const ACTION_ENV = {
  PLANCIA_TWILIO_ACCOUNT_SID: Type.Optional(Type.String({
    pattern: '^AC[0-9a-fA-F]{32}$',
    description: 'Twilio account SID: with PLANCIA_TWILIO_AUTH_TOKEN turns on supervisor actions on TaskRouter workers (HTTP basic auth)',
  })),
  PLANCIA_TWILIO_ACTIVITY_SIDS: Type.String({
    default: '', pattern: named('WA[0-9a-fA-F]{32}'),
    description: 'TaskRouter activity name → ActivitySid for supervisor actions, e.g. Available=WA…,Offline=WA…,Break=WA… (unpause: Available, log off: Offline, pause: the reason\'s activity, else the first other)',
  }),
  PLANCIA_TWILIO_API_URL: Type.String({ default: 'https://taskrouter.twilio.com', pattern: url, description: 'TaskRouter REST API base URL (a proxy or a test endpoint may stand in)' }),
  PLANCIA_CONNECT_INSTANCE_ID: Type.Optional(Type.String({
    minLength: 1, pattern: '^[\\w-]+$', description: 'Amazon Connect instance id: with PLANCIA_CONNECT_REGION turns on supervisor actions (PutUserStatus)',
  })),
  PLANCIA_CONNECT_REGION: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[a-z]+)+-\\d$', description: 'AWS region of the Connect instance, e.g. eu-central-1' })),
  PLANCIA_CONNECT_STATUS_IDS: Type.String({
    default: '', pattern: named('[\\w-]+'),
    description: 'Connect agent status name → AgentStatusId for supervisor actions, e.g. Available=…,Offline=…,Break=… (chosen as for Twilio)',
  }),
  PLANCIA_CONNECT_ENDPOINT: Type.Optional(Type.String({ pattern: url, description: 'Amazon Connect API endpoint (default: the region\'s)' })),
  PLANCIA_CONNECT_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 16, description: 'AWS access key id for PutUserStatus (unset: the AWS SDK\'s default credential chain)' })),
  PLANCIA_CONNECT_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 16, description: 'AWS secret access key going with PLANCIA_CONNECT_ACCESS_KEY_ID' })),
};
type ActionEnv = Static<ReturnType<typeof Type.Object<typeof ACTION_ENV>>> & { PLANCIA_TWILIO_AUTH_TOKEN?: string | undefined };

export const ACTION_SECRET_VARIABLES = ['PLANCIA_CONNECT_SECRET_ACCESS_KEY'] as const;

export interface TwilioActionConfig {
  accountSid: string;
  authToken: string;
  activitySids: Record<string, string>;
  apiUrl: string;
}

export interface ConnectActionConfig {
  instanceId: string;
  region: string;
  statusIds: Record<string, string>;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface ActionConfig {
  twilio?: TwilioActionConfig;
  connect?: ConnectActionConfig;
}

function pairs(value: string): Record<string, string> {
  return Object.fromEntries(value.split(',').map((s) => s.trim()).filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  }));
}

/** Converts the validated variables; a vendor's actions are on only when its credentials are all there. */
export function actionConfig(env: ActionEnv): ActionConfig {
  const twilio = env.PLANCIA_TWILIO_ACCOUNT_SID && env.PLANCIA_TWILIO_AUTH_TOKEN ? {
    accountSid: env.PLANCIA_TWILIO_ACCOUNT_SID,
    authToken: env.PLANCIA_TWILIO_AUTH_TOKEN,
    activitySids: pairs(env.PLANCIA_TWILIO_ACTIVITY_SIDS),
    apiUrl: env.PLANCIA_TWILIO_API_URL.replace(/\/+$/, ''),
  } : undefined;
  const keys = env.PLANCIA_CONNECT_ACCESS_KEY_ID && env.PLANCIA_CONNECT_SECRET_ACCESS_KEY
    ? { credentials: { accessKeyId: env.PLANCIA_CONNECT_ACCESS_KEY_ID, secretAccessKey: env.PLANCIA_CONNECT_SECRET_ACCESS_KEY } } : {};
  const connect = env.PLANCIA_CONNECT_INSTANCE_ID && env.PLANCIA_CONNECT_REGION ? {
    instanceId: env.PLANCIA_CONNECT_INSTANCE_ID,
    region: env.PLANCIA_CONNECT_REGION,
    statusIds: pairs(env.PLANCIA_CONNECT_STATUS_IDS),
    ...(env.PLANCIA_CONNECT_ENDPOINT ? { endpoint: env.PLANCIA_CONNECT_ENDPOINT } : {}),
    ...keys,
  } : undefined;
  return { ...(twilio ? { twilio } : {}), ...(connect ? { connect } : {}) };
}
