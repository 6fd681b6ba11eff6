export { parseEslEvent, type EslEvent } from './esl-event.js';
export { FreeSwitchCallcenterMapper, type FreeSwitchMapperOptions } from './callcenter-mapper.js';
