/** The last `capacity` tokens seen, oldest forgotten first: enough to recognise a vendor's retries of a delivery. */
export class RecentTokens {
  private readonly tokens = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(token: string): boolean {
    return this.tokens.has(token);
  }

  add(token: string): void {
    this.tokens.add(token);
    if (this.tokens.size > this.capacity) this.tokens.delete(this.tokens.values().next().value as string);
  }
}
