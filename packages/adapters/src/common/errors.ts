/** A vendor message that cannot be mapped; `field` names what is missing or wrong. */
export class AdapterError extends Error {
  constructor(
    readonly vendor: string,
    readonly field: string,
    message: string,
  ) {
    super(`${vendor}: ${field}: ${message}`);
    this.name = 'AdapterError';
  }
}
