import { describe, expect, it } from 'vitest';
import { AdapterError } from '../common/errors.js';
import { parseCallcenterList } from './callcenter-list.js';

// The agents table's columns as mod_callcenter prints them: older releases (a `system` column), newer (`instance_id`, `external_calls_count`).
const OLDER = 'name|system|uuid|type|contact|status|state|max_no_answer|wrap_up_time|reject_delay_time|busy_delay_time|no_answer_delay_time|last_bridge_start|last_bridge_end|last_offered_call|last_status_change|no_answer_count|calls_answered|talk_time|ready_time';
const NEWER = 'name|instance_id|uuid|type|contact|status|state|max_no_answer|wrap_up_time|reject_delay_time|busy_delay_time|no_answer_delay_time|last_bridge_start|last_bridge_end|last_offered_call|last_status_change|no_answer_count|calls_answered|talk_time|ready_time|external_calls_count';

describe('parseCallcenterList', () => {
  it('reads rows by the header\'s column names, whichever version printed them', () => {
    const older = `${OLDER}\n1000@default|single_box||callback|[leg_timeout=10]user/1000|On Break|Waiting|3|10|10|60|0|0|0|0|1772442000|0|0|0|0\n+OK\n`;
    const newer = `${NEWER}\n1000@default|single_box||callback|user/1000|Available|In a queue call|3|10|10|60|0|1772442000|0|1772442000|1772441000|0|4|120|0|0\n1001@default|single_box||callback|user/1001|Logged Out|Waiting|3|10|10|60|0|0|0|0|0|0|0|0|0|0\n+OK\n`;
    expect(parseCallcenterList(older).map((row) => [row.name, row.status, row.state, row.contact])).toEqual([
      ['1000@default', 'On Break', 'Waiting', '[leg_timeout=10]user/1000'],
    ]);
    expect(parseCallcenterList(newer).map((row) => [row.name, row.status, row.state, row.external_calls_count])).toEqual([
      ['1000@default', 'Available', 'In a queue call', '0'],
      ['1001@default', 'Logged Out', 'Waiting', '0'],
    ]);
  });

  it('no agents is just +OK; a header with no rows is no rows', () => {
    expect(parseCallcenterList('+OK\n')).toEqual([]);
    expect(parseCallcenterList('name|strategy|moh_sound\n+OK\n')).toEqual([]);
  });

  it('leaves out a row whose values do not line up with the header (a `|` inside a caller name)', () => {
    const members = 'queue|uuid|cid_name|state\nsupport@default|m-1|Rossi | Figli|Waiting\nsupport@default|m-2|Bianchi|Waiting\n+OK\n';
    expect(parseCallcenterList(members).map((row) => row.uuid)).toEqual(['m-2']);
  });

  it('a refusal (-ERR, mod_callcenter not loaded) or an answer cut short is an AdapterError naming it', () => {
    expect(() => parseCallcenterList('-ERR Unknown command!\n')).toThrow(AdapterError);
    expect(() => parseCallcenterList('-ERR Unknown command!\n')).toThrow(/-ERR Unknown command!/);
    expect(() => parseCallcenterList(`${OLDER}\n1000@default|single_box`)).toThrow(/incomplete/);
    expect(() => parseCallcenterList('')).toThrow(AdapterError);
  });
});
