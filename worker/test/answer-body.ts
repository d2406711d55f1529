/**
 * An answer's JSON body as a test reads it: whatever the server sent, indexed freely. Worker tests
 * check its shape against the OpenAPI document at run time (answer-check.ts), and a test reaching
 * into a part that is missing fails loudly.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one untyped JSON body tests read (see eslint.config.js)
export type AnswerBody = any;
