import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';
import { LocalTcpServer } from '../adapters/local-tcp-server.js';
import { plainEvent } from '../adapters/esl-server.js';

/** One request as a local endpoint received it. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (request: Received, response: ServerResponse) => unknown;

/** A local HTTP endpoint on a free loopback port that records each request and answers through `handler`. */
export class LocalHttpEndpoint {
  readonly received: Received[] = [];
  private readonly server: Server;

  constructor(handler: Handler) {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.received.push(received);
        void Promise.resolve(handler(received, response)).catch((error: Error) => response.writeHead(500).end(error.message));
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

export const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

/**
 * Checks an AWS Signature Version 4 the way AWS does: the headers the client says it signed, the method, path, query
 * and body as received, signed again with the same secret at the client's `x-amz-date`; the signatures must match.
 */
export async function verifySigV4(request: Received, host: string, credentials: { accessKeyId: string; secretAccessKey: string }, region: string, service: string): Promise<string | null> {
  const authorization = String(request.headers.authorization ?? '');
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!match) return `not a SigV4 Authorization header: ${authorization || 'none'}`;
  const [, keyId, , signedRegion, signedService, signedHeaders, signature] = match;
  if (keyId !== credentials.accessKeyId) return `signed with another key: ${keyId}`;
  if (signedRegion !== region || signedService !== service) return `signed for ${signedRegion}/${signedService}`;
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (Number.isNaN(signingDate.getTime())) return `no x-amz-date: ${amzDate}`;
  // The signer trusts a signed x-amz-content-sha256 as the payload's hash: the body itself must hash to it.
  const declared = request.headers['x-amz-content-sha256'];
  if (declared !== undefined && declared !== await sha256Hex(request.body)) return 'the body does not match x-amz-content-sha256';
  const headers = Object.fromEntries(signedHeaders!.split(';').map((name) => [name, String(request.headers[name] ?? '')]));
  const url = new URL(request.path, `http://${host}`);
  const query = Object.fromEntries(url.searchParams);
  const signer = new SignatureV4({ credentials, region, service, sha256: Hash.bind(null, 'sha256'), uriEscapePath: true });
  const resigned = await signer.sign(
    { method: request.method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, query, headers, body: request.body },
    { signingDate, signableHeaders: new Set(signedHeaders!.split(';')) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers.authorization ?? resigned.headers.Authorization))?.[1];
  return expected === signature ? null : 'the signature does not match the request';
}

async function sha256Hex(body: string): Promise<string> {
  const hash = new Hash('sha256');
  hash.update(body);
  return Buffer.from(await hash.digest()).toString('hex');
}

/** A caller mod_callcenter holds in a queue (its members table): Waiting, Trying, Answered or Abandoned. */
export interface CallcenterMember {
  queue: string;
  uuid: string;
  cidNumber: string;
  cidName: string;
  joinedEpoch: number;
  state: 'Waiting' | 'Trying' | 'Answered' | 'Abandoned';
  /** Trying or Answered: the agent offered it or bridged to it (mod_callcenter leaves serving_agent empty before). */
  servingAgent?: string;
  /** Answered: when the agent answered, epoch seconds (0 in the table before). */
  bridgeEpoch?: number;
}

// The columns as a recent mod_callcenter prints its tables (`SELECT *`, so in table order).
const AGENT_COLUMNS = 'name|instance_id|uuid|type|contact|status|state|max_no_answer|wrap_up_time|reject_delay_time|busy_delay_time|no_answer_delay_time|last_bridge_start|last_bridge_end|last_offered_call|last_status_change|no_answer_count|calls_answered|talk_time|ready_time|external_calls_count';
const QUEUE_COLUMNS = 'name|strategy|moh_sound|time_base_score|tier_rules_apply|tier_rule_wait_second|tier_rule_wait_multiply_level|tier_rule_no_agent_no_wait|discard_abandoned_after|abandoned_resume_allowed|max_wait_time|max_wait_time_with_no_agent|max_wait_time_with_no_agent_time_reached|record_template';
const MEMBER_COLUMNS = 'queue|instance_id|uuid|session_uuid|cid_number|cid_name|system_epoch|joined_epoch|rejoined_epoch|bridge_epoch|abandoned_epoch|base_score|skill_score|serving_agent|serving_system|state';

/** A `callcenter_config … list` answer: the header and rows joined by `|`, then `+OK`; a table list with no rows is only `+OK`. */
function listAnswer(header: string, rows: string[][], headerAlways = false): string {
  const lines = rows.length > 0 || headerAlways ? [header, ...rows.map((row) => row.join('|'))] : [];
  return [...lines, '+OK', ''].join('\n');
}

/**
 * A local FreeSWITCH event socket that holds mod_callcenter agents and callers in queue as FreeSWITCH does: it sends
 * events only on changes (nothing on subscribing), answers `api callcenter_config agent list`, `queue list` and
 * `queue list members <queue>` from its state in mod_callcenter's format, and answers
 * `api callcenter_config agent set status <agent> '<status>'` (`+OK` or `-ERR Invalid Agent!`), then emits the
 * `agent-status-change` event it would. `hangUp` ends an answered member's call as mod_callcenter tells it.
 */
export class CallcenterEslPeer {
  /** The `api` commands that change something (not the reads), in the order received. */
  readonly commands: string[] = [];
  /** The `api` reads received (`callcenter_config agent list`, …). */
  readonly reads: string[] = [];
  /** Accepted `auth` commands so far: one per session a client opened. */
  logins = 0;
  /** Each agent's state (Waiting unless set): mod_callcenter keeps it apart from the status. */
  readonly states = new Map<string, string>();
  readonly queues: string[] = ['support@default'];
  readonly members: CallcenterMember[] = [];
  private readonly tcp: LocalTcpServer;
  private readonly authenticated = new Set<Socket>();
  private sequence = 100;

  /** `agents`: each agent's status; a test may change one as the agent would at the phone, while no link is open to hear it. */
  constructor(private readonly password: string, readonly agents: Map<string, string>) {
    this.tcp = new LocalTcpServer((socket) => this.session(socket));
  }

  async listen(): Promise<string> {
    return `esl://:${encodeURIComponent(this.password)}@127.0.0.1:${await this.tcp.listen()}`;
  }

  /** Authenticated sessions open now. */
  get sessions(): number {
    return this.authenticated.size;
  }

  /** Ends every open session, as a FreeSWITCH restart or a network cut would. */
  drop(): void {
    for (const socket of this.authenticated) socket.destroy();
  }

  async close(): Promise<void> {
    await this.tcp.close();
  }

  private session(socket: Socket): void {
    let buffered = '';
    socket.write('Content-Type: auth/request\n\n');
    socket.once('close', () => this.authenticated.delete(socket));
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const command = buffered.slice(0, end).trim();
        buffered = buffered.slice(end + 2);
        this.answer(socket, command);
      }
    });
  }

  private answer(socket: Socket, command: string): void {
    const reply = (text: string) => socket.write(`Content-Type: command/reply\nReply-Text: ${text}\n\n`);
    const api = (body: string) => socket.write(`Content-Type: api/response\nContent-Length: ${Buffer.byteLength(body)}\n\n${body}`);
    if (command.startsWith('auth ')) return void reply(this.authenticate(socket, command) ? '+OK accepted' : '-ERR invalid');
    // FreeSWITCH confirms the subscription and sends nothing until something changes.
    if (command === 'event plain CUSTOM callcenter::info') return void reply('+OK event listener enabled plain');
    const list = this.list(command);
    if (list !== null) {
      this.reads.push(command);
      return void api(list);
    }
    this.commands.push(command);
    const set = /^api callcenter_config agent set status (\S+) '(Logged Out|Available|Available \(On Demand\)|On Break)'$/.exec(command);
    if (!set) return void api('-ERR Unknown command!\n');
    const [, agent, status] = set;
    if (!this.agents.has(agent!)) return void api('-ERR Invalid Agent!\n');
    this.agents.set(agent!, status!);
    api('+OK\n');
    socket.write(plainEvent(this.callcenterEvent({ 'CC-Action': 'agent-status-change', 'CC-Agent': agent!, 'CC-Agent-Status': status! })));
  }

  /** The answer to a `callcenter_config` list command, null for any other command. */
  private list(command: string): string | null {
    const now = String(Math.floor(Date.now() / 1000));
    if (command === 'api callcenter_config agent list') {
      return listAnswer(AGENT_COLUMNS, [...this.agents].map(([name, status]) => [
        name, 'single_box', '', 'callback', `user/${name.split('@')[0]}`, status, this.states.get(name) ?? 'Waiting', '3', '10', '10', '60', '0', '0', '0', '0', now, '0', '0', '0', '0', '0',
      ]));
    }
    // queue list prints its header from a fixed string, so even with no queue.
    if (command === 'api callcenter_config queue list') {
      return listAnswer(QUEUE_COLUMNS, this.queues.map((name) => [name, 'longest-idle-agent', 'local_stream://moh', 'queue', 'false', '0', 'false', 'true', '60', 'false', '0', '0', '5', '(null)']), true);
    }
    const members = /^api callcenter_config queue list members (\S+)$/.exec(command);
    if (!members) return null;
    return listAnswer(MEMBER_COLUMNS, this.members.filter((m) => m.queue === members[1]).map((m) => [
      m.queue, 'single_box', m.uuid, `session-${m.uuid}`, m.cidNumber, m.cidName, String(m.joinedEpoch), String(m.joinedEpoch), '0',
      String(m.bridgeEpoch ?? 0), '0', '0', '0', m.servingAgent ?? '', m.servingAgent ? 'single_box' : '', m.state,
    ]));
  }

  /**
   * The caller of an answered member hangs up: mod_callcenter drops the member's row, tells every listener
   * `bridge-agent-end`, and puts the agent Idle for its wrap-up.
   */
  hangUp(uuid: string): void {
    const member = this.members.find((m) => m.uuid === uuid && m.state === 'Answered' && m.servingAgent);
    if (!member) throw new Error(`no answered member ${uuid}`);
    this.members.splice(this.members.indexOf(member), 1);
    const agent = member.servingAgent!;
    this.states.set(agent, 'Idle');
    this.broadcast({
      'CC-Action': 'bridge-agent-end', 'CC-Queue': member.queue, 'CC-Agent': agent, 'CC-Member-UUID': uuid, 'CC-Member-Session-UUID': `session-${uuid}`,
      'CC-Member-CID-Number': member.cidNumber, 'CC-Member-CID-Name': member.cidName, 'CC-Member-Joined-Time': String(member.joinedEpoch),
      'CC-Agent-Answered-Time': String(member.bridgeEpoch ?? 0), 'CC-Bridge-Terminated-Time': String(Math.floor(Date.now() / 1000)),
    });
    this.broadcast({ 'CC-Action': 'agent-state-change', 'CC-Agent': agent, 'CC-Agent-State': 'Idle' });
  }

  private broadcast(fields: Record<string, string>): void {
    for (const socket of this.authenticated) socket.write(plainEvent(this.callcenterEvent(fields)));
  }

  private authenticate(socket: Socket, command: string): boolean {
    if (command !== `auth ${this.password}`) return false;
    this.logins++;
    this.authenticated.add(socket);
    return true;
  }

  private callcenterEvent(fields: Record<string, string>): Record<string, string> {
    return {
      'Event-Name': 'CUSTOM', 'Event-Subclass': 'callcenter::info', 'Event-Sequence': String(++this.sequence),
      'Event-Date-Timestamp': String(Date.now() * 1000), ...fields,
    };
  }
}
