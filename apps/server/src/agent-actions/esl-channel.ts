import type { EslActionLink } from '../vendors/freeswitch/freeswitch-source.js';
import { AcdRefusal, type AcdChannel } from './acd-channel.js';

const REPLY_TIMEOUT_MS = 5_000;

/** mod_callcenter's agent statuses for each action; it has no pause reasons, only `On Break`. */
const STATUS = { pause: 'On Break', unpause: 'Available', logoff: 'Logged Out' } as const;

/**
 * Supervisor actions over the event socket that already streams mod_callcenter's events:
 * `api callcenter_config agent set status <agent> '<status>'`. The board's agent id is mod_callcenter's agent name
 * (`CC-Agent`, e.g. `1000@default`), so it goes as it is; FreeSWITCH answers `+OK` or `-ERR <why>`.
 */
export function eslChannel(link: EslActionLink): AcdChannel {
  return {
    vendor: 'freeswitch',
    async send(agentId, action) {
      if (!/^[^\s']+$/.test(agentId)) throw new AcdRefusal(`${agentId} cannot be a mod_callcenter agent name`);
      const command = `callcenter_config agent set status ${agentId} '${STATUS[action.action]}'`;
      const sent = [{ api: command }];
      const session = link.session();
      if (!session) throw new AcdRefusal('The event socket to FreeSWITCH is down', sent);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new AcdRefusal(`FreeSWITCH did not answer within ${REPLY_TIMEOUT_MS / 1000} s`, sent)), REPLY_TIMEOUT_MS);
      });
      const answer = await Promise.race([session.api(command), late]).finally(() => clearTimeout(timer))
        .catch((error: Error) => Promise.reject(error instanceof AcdRefusal ? error : new AcdRefusal(`The event socket failed: ${error.message}`, sent)));
      if (!answer.trim().startsWith('+OK')) throw new AcdRefusal(`FreeSWITCH answered: ${answer.trim() || 'nothing'}`, sent);
      return { sent, reason: action.action === 'pause' ? STATUS.pause : null };
    },
  };
}
