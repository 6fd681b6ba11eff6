export { ZendeskTicketMapper, type ZendeskMapperOptions } from './ticket-mapper.js';
