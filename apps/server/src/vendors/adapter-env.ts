import { Type, type Static } from '@sinclair/typebox';
import { AGENT_STATES, type AgentStateName } from '@plancia/contracts';

const states = AGENT_STATES.join('|');
const stateMap = `[^=,]+=(${states})`;
const amiEntry = 'ami://[^\\s:@/,]+:[^\\s@/,]+@[^\\s:/,]+(:\\d{1,5})?/?';
const eslEntry = 'esl://[^\\s:@/,]*:[^\\s@/,]+@[^\\s:/,]+(:\\d{1,5})?/?';
const listOf = (entry: string) => `^(\\s*${entry}\\s*(,\\s*${entry}\\s*)*)?$`;
const text = (pattern: string, description: string) => Type.String({ default: '', pattern, description });

/** The adapters' environment variables, spread into the server's EnvSchema (validated at boot with the rest). */
export const ADAPTER_ENV = {
  PLANCIA_PUBLIC_URL: Type.Optional(Type.String({
    pattern: '^https?://[^\\s/]+(/[^\\s]*)?$',
    description: 'the URL vendors post to, e.g. https://board.example.com (Twilio signs the full URL it calls)',
  })),
  PLANCIA_AMI_URL: text(listOf(amiEntry), 'Asterisk Manager Interface links, comma-separated ami://user:secret@host:5038 (one per PBX)'),
  PLANCIA_AMI_KEEPALIVE_SECONDS: Type.Integer({
    minimum: 1, maximum: 300, default: 20,
    description: 'AMI keep-alive: a Ping this often; one unanswered for 10 s drops and reopens the link',
  }),
  PLANCIA_AMI_WRAPUP_SECONDS: text(listOf('[^=,]+=\\d{1,4}'), 'app_queue wrapuptime per queue, e.g. support=2,sales=10 (AMI does not report it)'),
  PLANCIA_FREESWITCH_URL: text(listOf(eslEntry), 'FreeSWITCH event sockets, comma-separated esl://:password@host:8021'),
  PLANCIA_TWILIO_AUTH_TOKEN: Type.Optional(Type.String({ minLength: 1, description: 'Twilio auth token: turns on POST /api/v1/adapters/twilio/taskrouter' })),
  PLANCIA_TWILIO_ACTIVITIES: text(listOf(stateMap), `TaskRouter activity name → agent state, e.g. Break=not_ready (${states})`),
  PLANCIA_CONNECT_TOKENS: Type.String({ default: '', description: 'bearer tokens of the Amazon Connect forwarder: turn on POST /api/v1/adapters/amazon-connect' }),
  PLANCIA_CONNECT_STATUSES: text(listOf(stateMap), `Amazon Connect agent status → agent state, e.g. Training=not_ready (${states})`),
  PLANCIA_ZENDESK_SIGNING_SECRET: Type.Optional(Type.String({ minLength: 1, description: 'Zendesk webhook signing secret: turns on POST /api/v1/adapters/zendesk' })),
};
type AdapterEnv = Static<ReturnType<typeof Type.Object<typeof ADAPTER_ENV>>>;

export interface AdapterConfig {
  publicUrl?: string;
  amiUrls: string[];
  amiKeepAliveSeconds: number;
  amiWrapUpSeconds: Record<string, number>;
  freeswitchUrls: string[];
  twilioAuthToken?: string;
  twilioActivities: Record<string, AgentStateName>;
  connectTokens: string[];
  connectStatuses: Record<string, AgentStateName>;
  zendeskSigningSecret?: string;
}

const list = (value: string) => value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);

function pairs<T>(value: string, convert: (raw: string) => T): Record<string, T> {
  return Object.fromEntries(list(value).map((pair) => {
    const at = pair.lastIndexOf('=');
    return [pair.slice(0, at).trim(), convert(pair.slice(at + 1).trim())];
  }));
}

/** Converts the validated variables (patterns above already checked) into the adapters' settings. */
export function adapterConfig(env: AdapterEnv): AdapterConfig {
  return {
    ...(env.PLANCIA_PUBLIC_URL ? { publicUrl: env.PLANCIA_PUBLIC_URL.replace(/\/+$/, '') } : {}),
    amiUrls: list(env.PLANCIA_AMI_URL),
    amiKeepAliveSeconds: env.PLANCIA_AMI_KEEPALIVE_SECONDS,
    amiWrapUpSeconds: pairs(env.PLANCIA_AMI_WRAPUP_SECONDS, Number),
    freeswitchUrls: list(env.PLANCIA_FREESWITCH_URL),
    ...(env.PLANCIA_TWILIO_AUTH_TOKEN ? { twilioAuthToken: env.PLANCIA_TWILIO_AUTH_TOKEN } : {}),
    twilioActivities: pairs(env.PLANCIA_TWILIO_ACTIVITIES, (s) => s as AgentStateName),
    connectTokens: list(env.PLANCIA_CONNECT_TOKENS),
    connectStatuses: pairs(env.PLANCIA_CONNECT_STATUSES, (s) => s as AgentStateName),
    ...(env.PLANCIA_ZENDESK_SIGNING_SECRET ? { zendeskSigningSecret: env.PLANCIA_ZENDESK_SIGNING_SECRET } : {}),
  };
}
