export { TwilioTaskRouterMapper, type TwilioMapperOptions } from './taskrouter-mapper.js';
