import type { ConnectActionConfig } from './action-env.js';
import { AcdRefusal, statusFor, type AcdChannel } from './acd-channel.js';

/**
 * Supervisor actions on an Amazon Connect agent: `PutUserStatus` through the AWS SDK (SigV4-signed), with the
 * AgentStatusId configured for the action. The board's agent id is the user id, the tail of the AgentARN the agent
 * event stream gave (`…/agent/<user id>`).
 */
export function connectChannel(config: ConnectActionConfig): AcdChannel {
  // The SDK takes ~0.4 s to load: a start without Amazon Connect actions should not pay it, one with them pays it once.
  const sdk = import('@aws-sdk/client-connect');
  const client = sdk.then(({ ConnectClient }) => new ConnectClient({
    region: config.region,
    maxAttempts: 2,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
  }));
  return {
    vendor: 'amazon-connect',
    async send(agentId, action) {
      const status = statusFor(action, config.statusIds, 'Connect agent status');
      const input = { InstanceId: config.instanceId, UserId: agentId, AgentStatusId: status.id };
      const sent = [{ operation: 'PutUserStatus', ...input, status: status.name }];
      const { ConnectServiceException, PutUserStatusCommand } = await sdk;
      try {
        await (await client).send(new PutUserStatusCommand(input));
      } catch (error) {
        const message = error instanceof ConnectServiceException ? `${error.name}: ${error.message}` : (error as Error).message;
        throw new AcdRefusal(`Amazon Connect answered ${message}`, sent);
      }
      return { sent, reason: action.action === 'pause' ? status.name : null };
    },
  };
}
