import { amiField, type AmiMessage } from '@plancia/adapters';
import type { AcdRequest } from '@plancia/contracts';
import type { AmiActionLink } from '../vendors/ami/ami-source.js';
import { AcdRefusal, type AcdChannel, type AgentAction } from './acd-channel.js';

/** Asterisk answers an action at once; a link that stays silent this long is as good as down. */
const REPLY_TIMEOUT_MS = 5_000;

/**
 * Supervisor actions over the AMI link that already streams the PBX's events: `QueuePause` (no `Queue`: every queue
 * of the member, as a pause from the phone does) with `Reason`, and log off as `QueueRemove` from each of its queues.
 * The member is addressed by the `Interface` the directory learnt for the board's agent id.
 */
export function amiChannel(link: AmiActionLink): AcdChannel {
  return {
    vendor: 'asterisk',
    async send(agentId, action) {
      const member = link.members.lookup(agentId);
      if (!member) throw new AcdRefusal(`Asterisk has not reported a queue member named ${agentId}`);
      const actions = actionsFor(member, action);
      const session = link.session();
      if (!session) throw new AcdRefusal('The AMI link to Asterisk is down');
      const sent: AcdRequest[] = [];
      for (const fields of actions) {
        sent.push(fields);
        const { Action, ...rest } = fields;
        const reply = await withTimeout(session.action(Action!, rest));
        if (amiField(reply, 'Response') !== 'Success') throw new AcdRefusal(`Asterisk answered ${Action}: ${amiField(reply, 'Message') ?? 'Error'}`, sent);
      }
      return { sent, reason: action.action === 'pause' ? (action.reason ?? null) : null };
    },
  };
}

function actionsFor(member: { interface: string; queues: string[] }, action: AgentAction): AcdRequest[] {
  const Interface = member.interface;
  switch (action.action) {
    case 'pause': return [{ Action: 'QueuePause', Interface, Paused: 'true', ...(action.reason ? { Reason: action.reason } : {}) }];
    case 'unpause': return [{ Action: 'QueuePause', Interface, Paused: 'false' }];
    case 'logoff':
      if (member.queues.length === 0) throw new AcdRefusal(`Asterisk reports ${Interface} in no queue: nothing to log off from`);
      return member.queues.map((Queue) => ({ Action: 'QueueRemove', Queue, Interface }));
  }
}

async function withTimeout(reply: Promise<AmiMessage>): Promise<AmiMessage> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new AcdRefusal(`Asterisk did not answer within ${REPLY_TIMEOUT_MS / 1000} s`)), REPLY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([reply.catch((error: Error) => Promise.reject(new AcdRefusal(`The AMI link failed: ${error.message}`))), late]);
  } finally {
    clearTimeout(timer);
  }
}
