export { type HmacFn, type Sha256Fn, type SignatureCheck } from './crypto.js';
export { verifyTwilioSignature, type TwilioRequest, type FormParams } from './twilio.js';
export { verifyZendeskSignature, type ZendeskRequest, type ZendeskCheckOptions } from './zendesk.js';
