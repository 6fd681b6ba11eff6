export { parseEslEvent, type EslEvent } from './esl-event.js';
export { EslFrameParser, type EslFrame } from './esl-frames.js';
export { parseCallcenterList, type CallcenterRow } from './callcenter-list.js';
export { FreeSwitchCallcenterMapper, type FreeSwitchMapperOptions } from './callcenter-mapper.js';
