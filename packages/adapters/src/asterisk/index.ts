export { AmiParser } from './ami-parser.js';
export { amiField, amiFieldAll, amiText, type AmiMessage } from './ami-message.js';
export { AsteriskMapper, type AsteriskMapperOptions } from './asterisk-mapper.js';
export { MemberDirectory } from './member-directory.js';
