import type { TwilioActionConfig } from './action-env.js';
import { AcdRefusal, statusFor, type AcdChannel } from './acd-channel.js';

const REQUEST_TIMEOUT_MS = 10_000;
const SID = (prefix: string) => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);

/**
 * Supervisor actions on a TaskRouter worker: its activity is updated through the REST API
 * (`POST /v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}`, form field `ActivitySid`, HTTP basic auth with the
 * account SID and auth token). The board's agent id is the WorkerSid and the source names the workspace
 * (`twilio:WS…`), both as the TaskRouter callbacks gave them.
 */
export function twilioChannel(config: TwilioActionConfig, workspaceSid: string): AcdChannel {
  const auth = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  return {
    vendor: 'twilio',
    async send(agentId, action) {
      if (!SID('WS').test(workspaceSid)) throw new AcdRefusal(`The source names no TaskRouter workspace (${workspaceSid})`);
      if (!SID('WK').test(agentId)) throw new AcdRefusal(`${agentId} is not a TaskRouter WorkerSid`);
      const activity = statusFor(action, config.activitySids, 'TaskRouter activity');
      const url = `${config.apiUrl}/v1/Workspaces/${workspaceSid}/Workers/${agentId}`;
      const sent = [{ method: 'POST', url, ActivitySid: activity.id, activity: activity.name }];
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({ ActivitySid: activity.id }).toString(),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        throw new AcdRefusal(`TaskRouter could not be reached: ${(error as Error).message}`, sent);
      }
      if (!response.ok) throw new AcdRefusal(`TaskRouter answered ${response.status}: ${await twilioMessage(response)}`, sent);
      return { sent, reason: action.action === 'pause' ? activity.name : null };
    },
  };
}

/** Twilio's errors are JSON `{ code, message, more_info, status }`. */
async function twilioMessage(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { code?: number; message?: string };
    return `${body.message ?? text}${body.code ? ` (error ${body.code})` : ''}`;
  } catch {
    return text.slice(0, 200) || response.statusText;
  }
}
