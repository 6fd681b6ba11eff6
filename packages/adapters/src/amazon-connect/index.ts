export { AmazonConnectMapper, type AmazonConnectMapperOptions } from './connect-mapper.js';
